import { type ComponentType, type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import type { Me } from "../api/types";
import { useMe } from "../modules/auth/hooks";
import { Loading } from "../ui/Loading";
import { PageHeader } from "../ui/PageHeader";

interface Props {
  allow: (me: Me) => boolean;
  children: ReactNode;
}

/** Renders its children only for people `allow` accepts; the server checks again on every request. */
export function Guard({ allow, children }: Props) {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return <Loading />;
  if (!allow(me)) return <PageHeader title={t("forbiddenPage.title")} description={t("forbiddenPage.body")} />;
  return <>{children}</>;
}

/** A lazily loaded module page behind a role check: what every module's routes.tsx uses. */
export function guardedPage(Page: ComponentType, allow: (me: Me) => boolean) {
  return (
    <Guard allow={allow}>
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    </Guard>
  );
}
