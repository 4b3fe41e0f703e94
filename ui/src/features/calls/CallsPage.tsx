import { LinkOutlined, PhoneOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { Page } from "../../components/Page";

export function CallsPage() {
  const { t } = useTranslation();
  return (
    <Page testId="page-calls" title={t("calls.title")} subtitle={t("calls.subtitle")}>
      <EmptyState
        testId="calls-empty"
        icon={<PhoneOutlined />}
        title={t("calls.empty.title")}
        description={t("calls.empty.description")}
        action={{ label: t("calls.empty.action"), to: "/bindings", icon: <LinkOutlined /> }}
      />
    </Page>
  );
}
