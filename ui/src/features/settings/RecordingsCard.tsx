import { SaveOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Flex, Form, InputNumber, Progress, Select, Skeleton, Switch, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RecordingStorage } from "../../ipc/bindings/RecordingStorage";
import { toAppError } from "../../ipc/errors";
import { useRecordingStorage, useSaveRecordingSettings } from "../../queries/recordings";
import { formatBytes } from "../recordings/format";
import { fromLimitMb, limitError, toLimitMb, type SizeUnit } from "./recordingLimit";

/** Recordings cache: size limit, automatic fetch after import, usage, and where the files are. */
export function RecordingsCard() {
  const { t } = useTranslation();
  const storage = useRecordingStorage();
  return (
    <Card title={t("settings.recordings.title")} data-testid="recordings-settings">
      {storage.isPending && <Skeleton active />}
      {storage.isError && (
        <Alert type="error" showIcon title={t("settings.recordings.loadFailed", { reason: toAppError(storage.error).message })} />
      )}
      {storage.data && <RecordingsSettingsForm key={JSON.stringify(storage.data.settings)} storage={storage.data} />}
    </Card>
  );
}

function RecordingsSettingsForm({ storage }: { storage: RecordingStorage }) {
  const { t } = useTranslation();
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
        onError: (e) => void message.error(t("settings.recordings.saveFailed", { reason: toAppError(e).message })),
      },
    );
  };

  return (
    <Flex vertical gap={16}>
      <Form layout="vertical" onFinish={submit} style={{ maxWidth: 560 }}>
        <Form.Item
          label={t("settings.recordings.limit")}
          validateStatus={error ? "error" : undefined}
          help={error ? t(`settings.recordings.limitError.${error}`) : t("settings.recordings.limitHelp")}
        >
          <Flex gap={8}>
            <InputNumber<number>
              min={0}
              step={unit === "GiB" ? 1 : 256}
              value={amount}
              onChange={(v) => setAmount(typeof v === "number" ? v : null)}
              aria-label={t("settings.recordings.limit")}
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
        </Form.Item>
        <Form.Item label={t("settings.recordings.autoFetch")} help={t("settings.recordings.autoFetchHelp")}>
          <Switch checked={autoFetch} onChange={setAutoFetch} data-testid="recordings-auto-fetch" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} disabled={!dirty || limitMb === null} loading={save.isPending} data-testid="recordings-settings-save">
          {t("settings.recordings.save")}
        </Button>
      </Form>
      <div data-testid="recordings-usage">
        <Typography.Text>
          {t("settings.recordings.usage", { used: formatBytes(storage.usedBytes), limit: formatBytes(limitBytes) })}
        </Typography.Text>
        <Progress percent={percent} status={percent >= 95 ? "exception" : "normal"} showInfo={false} />
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
