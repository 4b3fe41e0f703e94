import { SettingOutlined, NumberOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { Page } from "../../components/Page";

export function NumbersPage() {
  const { t } = useTranslation();
  return (
    <Page testId="page-numbers" title={t("numbers.title")} subtitle={t("numbers.subtitle")}>
      <EmptyState
        testId="numbers-empty"
        icon={<NumberOutlined />}
        title={t("numbers.empty.title")}
        description={t("numbers.empty.description")}
        action={{ label: t("numbers.empty.action"), to: "/settings", icon: <SettingOutlined /> }}
      />
    </Page>
  );
}
