import { Flex } from "antd";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/Page";
import { AboutCard } from "./AboutCard";
import { AccountsCard } from "./AccountsCard";
import { AppearanceCard } from "./AppearanceCard";
import { AuditCard } from "./AuditCard";
import { PrivacyCard } from "./PrivacyCard";
import { RecordingsCard } from "./RecordingsCard";
import { WatchFolderCard } from "./WatchFolderCard";

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <Page testId="page-settings" title={t("settings.title")} subtitle={t("settings.subtitle")}>
      <Flex vertical gap="middle">
        <AppearanceCard />
        <AccountsCard />
        <RecordingsCard />
        <WatchFolderCard />
        <PrivacyCard />
        <AuditCard />
        <AboutCard />
      </Flex>
    </Page>
  );
}
