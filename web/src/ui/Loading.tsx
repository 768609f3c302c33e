import { Center, Loader, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A spinner announced to screen readers as "loading". */
export function Loading({ fullPage = false }: { fullPage?: boolean }) {
  const { t } = useTranslation();
  return (
    <Center role="status" mih={fullPage ? "100dvh" : 120} py="md">
      <Loader size="md" aria-hidden />
      <VisuallyHidden>{t("common:loading")}</VisuallyHidden>
    </Center>
  );
}
