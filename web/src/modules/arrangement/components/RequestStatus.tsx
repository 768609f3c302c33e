import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ModeRequest } from "../types";

const COLOR = { pending: "violet.9", approved: "#1e6b30", declined: "red.9", cancelled: "gray.8" } as const;

/** The status of a request and, once approved, what it did to the roster. */
export function RequestStatus({ request }: { request: ModeRequest }) {
  const { t } = useTranslation("arrangement");
  return (
    <Group gap={4}>
      <Badge color={COLOR[request.status]} variant="filled">
        {t(`reqStatus.${request.status}`)}
      </Badge>
      {request.outcome ? (
        <Badge color="gray.8" variant="outline">
          {t(`outcome.${request.outcome}`)}
        </Badge>
      ) : null}
    </Group>
  );
}
