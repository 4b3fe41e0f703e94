import { LinkOutlined, SettingOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { Page } from "../../components/Page";
import { useAccounts } from "../../queries/accounts";

export function BindingsPage() {
  const { t } = useTranslation();
  const accounts = useAccounts();
  const account = accounts.data?.find((a) => a.isActive) ?? accounts.data?.[0];
  return (
    <Page testId="page-bindings" title={t("bindings.title")} subtitle={t("bindings.subtitle")}>
      {account ? (
        <EmptyState
          testId="bindings-empty"
          icon={<LinkOutlined />}
          title={t("bindings.ready.title")}
          description={t("bindings.ready.description", { name: account.name, mode: account.mode })}
        />
      ) : (
        <EmptyState
          testId="bindings-empty"
          icon={<LinkOutlined />}
          title={t("bindings.empty.title")}
          description={t("bindings.empty.description")}
          action={{ label: t("bindings.empty.action"), to: "/settings", icon: <SettingOutlined /> }}
        />
      )}
    </Page>
  );
}
