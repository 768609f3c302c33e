import { Center, Pagination } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface Props {
  total: number;
  pageSize: number;
  page: number;
  onPage: (page: number) => void;
}

export function Pager({ total, pageSize, page, onPage }: Props) {
  const { t } = useTranslation("org");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <Center mt="md">
      <Pagination
        total={pages}
        value={Math.min(page, pages)}
        onChange={onPage}
        siblings={0}
        getControlProps={(control) => ({ "aria-label": t(`pagination.${control}`) })}
        getItemProps={(p) => ({ "aria-label": t("pagination.page", { page: p }) })}
      />
    </Center>
  );
}
