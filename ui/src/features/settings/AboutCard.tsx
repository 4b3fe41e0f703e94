import { Alert, App, Button, Card, Descriptions, Skeleton, Space, Typography } from "antd";
import { CopyOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { appDiagnostics } from "../../ipc/app";
import { toAppError } from "../../ipc/errors";
import { useAppInfo } from "../../queries/app";

/** Version and where the app keeps its data, from `app_info`. */
export function AboutCard() {
  const { t } = useTranslation();
  const info = useAppInfo();
  const { message } = App.useApp();

  const copyDiagnostics = async () => {
    try {
      const text = await appDiagnostics();
      await navigator.clipboard.writeText(text);
      void message.success(t("settings.about.diagnosticsCopied"));
    } catch (err) {
      const { code } = toAppError(err);
      void message.error(t("settings.about.diagnosticsFailed", { reason: t(`errors.${code}`) }));
    }
  };

  let body;
  if (info.isPending) {
    body = <Skeleton active paragraph={{ rows: 3 }} />;
  } else if (info.isError) {
    const { code } = toAppError(info.error);
    body = <Alert type="error" showIcon title={t("settings.about.loadFailed", { reason: t(`errors.${code}`) })} />;
  } else {
    const path = (value: string) => (
      <Typography.Text code copyable={{ text: value }}>
        {value}
      </Typography.Text>
    );
    body = (
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: "version", label: t("settings.about.version"), children: info.data.version },
          { key: "dataDir", label: t("settings.about.dataDir"), children: path(info.data.dataDir) },
          { key: "dbPath", label: t("settings.about.dbPath"), children: path(info.data.dbPath) },
          { key: "osLocale", label: t("settings.about.osLocale"), children: info.data.osLocale },
        ]}
      />
    );
  }

  return (
    <Card title={t("settings.about.title")} data-testid="settings-about">
      {body}
      <Space orientation="vertical" size={4} style={{ marginTop: 12 }}>
        <Button icon={<CopyOutlined />} onClick={() => void copyDiagnostics()} data-testid="about-copy-diagnostics">
          {t("settings.about.copyDiagnostics")}
        </Button>
        <Typography.Text type="secondary">{t("settings.about.copyDiagnosticsHint")}</Typography.Text>
      </Space>
    </Card>
  );
}
