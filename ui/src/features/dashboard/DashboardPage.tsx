import { DashboardOutlined, PlusOutlined, SettingOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { Page } from "../../components/Page";
import { TryDemoButton } from "../../components/TryDemoButton";
import { useAccounts } from "../../queries/accounts";

export function DashboardPage() {
  const { t } = useTranslation();
  const accounts = useAccounts();
  const account = accounts.data?.find((a) => a.isActive) ?? accounts.data?.[0];
  return (
    <Page testId="page-dashboard" title={t("dashboard.title")} subtitle={t("dashboard.subtitle")}>
      {account ? (
        <EmptyState
          testId="dashboard-empty"
          icon={<DashboardOutlined />}
          title={t("dashboard.ready.title")}
          description={t("dashboard.ready.description", { name: account.name, mode: account.mode })}
          action={{ label: t("dashboard.ready.action"), to: "/settings", icon: <SettingOutlined /> }}
        />
      ) : (
        <EmptyState
          testId="dashboard-empty"
          extra={<TryDemoButton size="large" />}
          icon={<DashboardOutlined />}
          title={t("dashboard.empty.title")}
          description={t("dashboard.empty.description")}
          action={{ label: t("dashboard.empty.action"), to: "/settings?addAccount=1", icon: <PlusOutlined /> }}
        />
      )}
    </Page>
  );
}
