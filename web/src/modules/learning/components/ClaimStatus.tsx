import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Claim } from "../types";

const COLOR = { pending: "blue", approved: "green", rejected: "red" } as const;

export function ClaimStatus({ claim }: { claim: Claim }) {
  const { t } = useTranslation("learning");
  return (
    <Badge color={COLOR[claim.status]} variant="light">
      {t(`claims.status.${claim.status}`)}
    </Badge>
  );
}
