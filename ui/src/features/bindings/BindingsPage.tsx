import { LinkOutlined, SettingOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { Page } from "../../components/Page";

export function BindingsPage() {
  const { t } = useTranslation();
  return (
    <Page testId="page-bindings" title={t("bindings.title")} subtitle={t("bindings.subtitle")}>
      <EmptyState
        testId="bindings-empty"
        icon={<LinkOutlined />}
        title={t("bindings.empty.title")}
        description={t("bindings.empty.description")}
        action={{ label: t("bindings.empty.action"), to: "/settings", icon: <SettingOutlined /> }}
      />
    </Page>
  );
}
