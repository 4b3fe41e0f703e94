import { AudioOutlined, PhoneOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { Page } from "../../components/Page";

export function RecordingsPage() {
  const { t } = useTranslation();
  return (
    <Page testId="page-recordings" title={t("recordings.title")} subtitle={t("recordings.subtitle")}>
      <EmptyState
        testId="recordings-empty"
        icon={<AudioOutlined />}
        title={t("recordings.empty.title")}
        description={t("recordings.empty.description")}
        action={{ label: t("recordings.empty.action"), to: "/calls", icon: <PhoneOutlined /> }}
      />
    </Page>
  );
}
