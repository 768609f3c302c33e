import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../ui/PageHeader";
import { useMyRecord } from "../api";
import { RecordList } from "../components/RecordList";

/** The learner's own learning record: every statement the LRS holds about them, newest first. */
export default function MyRecordPage() {
  const { t } = useTranslation("lrs");
  const q = useMyRecord();
  return (
    <>
      <PageHeader title={t("record.title")} description={t("record.description")} />
      <RecordList query={q} label={t("record.title")} />
    </>
  );
}
