import { Alert, Card, Descriptions, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { toAppError } from "../../ipc/errors";
import { useAppInfo } from "../../queries/app";

/** Version and where the app keeps its data, from `app_info`. */
export function AboutCard() {
  const { t } = useTranslation();
  const info = useAppInfo();

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
    </Card>
  );
}
