import { SaveOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Flex, InputNumber, Progress, Select, Skeleton, Switch, theme, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RecordingStorage } from "../../ipc/bindings/RecordingStorage";
import { useRecordingStorage, useSaveRecordingSettings } from "../../queries/recordings";
import { formatBytes } from "../recordings/format";
import { fromLimitMb, limitError, toLimitMb, type SizeUnit } from "./recordingLimit";
import { errorText } from "../../i18n/useText";

/** Recordings cache: size limit, automatic fetch after import, usage, and where the files are. */
export function RecordingsCard() {
  const { t } = useTranslation();
  const storage = useRecordingStorage();
  return (
    <Card title={t("settings.recordings.title")} data-testid="recordings-settings">
      {storage.isPending && <Skeleton active />}
      {storage.isError && (
        <Alert type="error" showIcon title={t("settings.recordings.loadFailed", { reason: errorText(storage.error) })} />
      )}
      {storage.data && <RecordingsSettingsForm key={JSON.stringify(storage.data.settings)} storage={storage.data} />}
    </Card>
  );
}

function RecordingsSettingsForm({ storage }: { storage: RecordingStorage }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const save = useSaveRecordingSettings();
  const initial = fromLimitMb(storage.settings.cacheLimitMb);
  const [amount, setAmount] = useState<number | null>(initial.amount);
  const [unit, setUnit] = useState<SizeUnit>(initial.unit);
  const [autoFetch, setAutoFetch] = useState(storage.settings.autoFetch);
  const error = limitError(amount, unit);
  const limitMb = error ? null : toLimitMb(amount as number, unit);
  const dirty = limitMb !== storage.settings.cacheLimitMb || autoFetch !== storage.settings.autoFetch;
  const limitBytes = storage.settings.cacheLimitMb * 1024 * 1024;
  const percent = limitBytes > 0 ? Math.min(100, Math.round((storage.usedBytes / limitBytes) * 100)) : 0;

  const submit = () => {
    if (limitMb === null) return;
    save.mutate(
      { cacheLimitMb: limitMb, autoFetch },
      {
        onSuccess: () => void message.success(t("settings.recordings.saved")),
        onError: (e) => void message.error(t("settings.recordings.saveFailed", { reason: errorText(e) })),
      },
    );
  };

  return (
    <Flex vertical gap={16}>
      <Flex vertical gap={20} style={{ maxWidth: 560 }}>
        <Flex vertical gap={4}>
          <Typography.Text strong>{t("settings.recordings.limit")}</Typography.Text>
          <Flex gap={8}>
            <InputNumber<number>
              min={0}
              step={unit === "GiB" ? 1 : 256}
              value={amount}
              status={error ? "error" : undefined}
              onChange={(v) => setAmount(typeof v === "number" ? v : null)}
              onPressEnter={submit}
              aria-label={t("settings.recordings.limit")}
              aria-invalid={error !== null}
              data-testid="recordings-limit"
              style={{ width: 160 }}
            />
            <Select<SizeUnit>
              value={unit}
              onChange={setUnit}
              aria-label={t("settings.recordings.unit")}
              data-testid="recordings-limit-unit"
              style={{ width: 90 }}
              options={[
                { value: "MiB", label: "MiB" },
                { value: "GiB", label: "GiB" },
              ]}
            />
          </Flex>
          {error && (
            <Typography.Text type="danger" data-testid="recordings-limit-error">
              {t(`settings.recordings.limitError.${error}`)}
            </Typography.Text>
          )}
          <Typography.Text type="secondary">{t("settings.recordings.limitHelp")}</Typography.Text>
        </Flex>
        <Flex vertical gap={4}>
          <Flex gap={8} align="center">
            <Switch checked={autoFetch} onChange={setAutoFetch} aria-label={t("settings.recordings.autoFetch")} data-testid="recordings-auto-fetch" />
            <Typography.Text strong>{t("settings.recordings.autoFetch")}</Typography.Text>
          </Flex>
          <Typography.Text type="secondary">{t("settings.recordings.autoFetchHelp")}</Typography.Text>
        </Flex>
        <div>
          <Button type="primary" icon={<SaveOutlined />} disabled={!dirty || limitMb === null} loading={save.isPending} onClick={submit} data-testid="recordings-settings-save">
            {t("settings.recordings.save")}
          </Button>
        </div>
      </Flex>
      <div data-testid="recordings-usage">
        <Typography.Text>
          {t("settings.recordings.usage", { used: formatBytes(storage.usedBytes), limit: formatBytes(limitBytes) })}
        </Typography.Text>
        <Progress
          percent={percent}
          strokeColor={percent >= 95 ? token.colorError : token.colorPrimary}
          showInfo={false}
          aria-label={t("settings.recordings.usage", { used: formatBytes(storage.usedBytes), limit: formatBytes(limitBytes) })}
        />
      </div>
      <Descriptions
        size="small"
        column={1}
        bordered
        styles={{ label: { width: 180 } }}
        items={[
          { key: "files", label: t("settings.recordings.files"), children: storage.files },
          {
            key: "pinned",
            label: t("settings.recordings.pinned"),
            children: t("settings.recordings.pinnedValue", { count: storage.pinnedFiles, size: formatBytes(storage.pinnedBytes) }),
          },
          {
            key: "folder",
            label: t("settings.recordings.folder"),
            children: (
              <Typography.Text copyable code data-testid="recordings-folder">
                {storage.folder}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Typography.Text type="secondary">{t("settings.recordings.pinnedNote")}</Typography.Text>
    </Flex>
  );
}
