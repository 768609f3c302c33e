import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Me } from "../../../api/types";
import { Loading } from "../../../ui/Loading";
import { PageHeader } from "../../../ui/PageHeader";
import { useMe } from "../../auth/hooks";

interface Props {
  allow: (me: Me) => boolean;
  children: ReactNode;
}

/** Renders its children only for people `allow` accepts; the server checks again on every request. */
export function Guard({ allow, children }: Props) {
  const { t } = useTranslation("org");
  const me = useMe().data;
  if (!me) return <Loading />;
  if (!allow(me)) return <PageHeader title={t("forbidden.title")} description={t("forbidden.body")} />;
  return <>{children}</>;
}
