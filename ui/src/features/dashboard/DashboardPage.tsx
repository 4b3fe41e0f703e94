import { DashboardOutlined, SettingOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { Page } from "../../components/Page";

export function DashboardPage() {
  const { t } = useTranslation();
  return (
    <Page testId="page-dashboard" title={t("dashboard.title")} subtitle={t("dashboard.subtitle")}>
      <EmptyState
        testId="dashboard-empty"
        icon={<DashboardOutlined />}
        title={t("dashboard.empty.title")}
        description={t("dashboard.empty.description")}
        action={{ label: t("dashboard.empty.action"), to: "/settings", icon: <SettingOutlined /> }}
      />
    </Page>
  );
}
