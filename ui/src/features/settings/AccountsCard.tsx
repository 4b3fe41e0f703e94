import { CloudServerOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";

/** Platform accounts are not built yet: say so plainly, with the future action visibly disabled. */
export function AccountsCard() {
  const { t } = useTranslation();
  const comingSoon = t("settings.accounts.comingSoon");
  return (
    <Card
      data-testid="settings-accounts"
      title={t("settings.accounts.title")}
      extra={<Tag>{comingSoon}</Tag>}
    >
      <Empty
        image={<CloudServerOutlined style={{ fontSize: 48, opacity: 0.45 }} />}
        styles={{ image: { height: 56 } }}
        description={
          <>
            <Typography.Text strong>{t("settings.accounts.empty.title")}</Typography.Text>
            <Typography.Paragraph type="secondary" className="empty-description" style={{ marginTop: 4 }}>
              {t("settings.accounts.empty.description")}
            </Typography.Paragraph>
          </>
        }
      >
        <Tooltip title={comingSoon}>
          <Button icon={<PlusOutlined />} disabled data-testid="settings-accounts-add">
            {t("settings.accounts.add")}
          </Button>
        </Tooltip>
      </Empty>
    </Card>
  );
}
