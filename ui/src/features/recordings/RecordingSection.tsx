import { CloudDownloadOutlined, DeleteOutlined, PushpinFilled, PushpinOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Flex, Popconfirm, Skeleton, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { RecordingStatus } from "../../ipc/bindings/RecordingStatus";
import { useDeleteLocalRecordings, usePinRecordings, useRecordingStatus } from "../../queries/recordings";
import { formatTime } from "../calls/format";
import { formatCountdown, useNowSeconds } from "./countdown";
import { pick } from "../../i18n/format";
import { errorKindText, formatBytes } from "./format";
import { RecordingPlayer } from "./RecordingPlayer";
import { RecordingStateTag } from "./RecordingStateTag";
import { useFetchJob } from "./useFetchJob";
import { errorText } from "../../i18n/useText";

/** The call drawer's Recording section: where the recording stands, in plain words, and what can be done. */
export function RecordingSection({ callId, offsetMinutes }: { callId: number; offsetMinutes: number }) {
  const { t } = useTranslation();
  const status = useRecordingStatus(callId);
  return (
    <section data-testid="call-recording">
      <Typography.Title level={5}>{t("recordings.section.title")}</Typography.Title>
      {status.isPending && <Skeleton active paragraph={{ rows: 1 }} />}
      {status.isError && (
        <Alert type="error" showIcon title={t("recordings.section.loadFailed", { reason: errorText(status.error) })} />
      )}
      {status.data && <StatusView status={status.data} offsetMinutes={offsetMinutes} />}
    </section>
  );
}

function StatusView({ status: s, offsetMinutes }: { status: RecordingStatus; offsetMinutes: number }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const job = useFetchJob();
  const pin = usePinRecordings();
  const remove = useDeleteLocalRecordings();
  const now = useNowSeconds();
  const fetchOne = () => void job.start({ callIds: [s.callId], since: null });
  const left = s.platformDeletesAt !== null ? s.platformDeletesAt - now : null;
  const thisJob = job.state.phase === "running" && job.state.request.callIds.includes(s.callId);
  const fetchButton = (label: string, icon = <CloudDownloadOutlined />) => (
    <Button type="primary" icon={icon} loading={thisJob} disabled={job.running && !thisJob} onClick={fetchOne} data-testid="recording-fetch">
      {label}
    </Button>
  );
  const text = (() => {
    switch (s.state) {
      case "notRecorded":
        return t(`recordings.notRecorded.${s.notRecorded ?? "recordingOff"}`);
      case "waiting":
        return t("recordings.section.waiting", { left: formatCountdown(t, left ?? 0) });
      case "fetching":
        return t("recordings.section.fetching");
      case "fetched":
        return t("recordings.section.fetched", {
          size: formatBytes(s.bytes ?? 0),
          format: s.format ?? "—",
          when: s.fetchedAt ? formatTime(s.fetchedAt, offsetMinutes) : "—",
        });
      case "failed":
        return t("recordings.section.failed", { reason: errorKindText(t, s.errorKind), left: formatCountdown(t, left ?? 0) });
      case "expired":
        return t("recordings.section.expired");
      case "evicted":
        return t("recordings.section.evicted", { left: formatCountdown(t, left ?? 0) });
    }
  })();

  return (
    <Flex vertical gap={10}>
      <Flex gap={8} align="center" wrap>
        <RecordingStateTag status={s} countdown={false} />
        {s.pinned && (
          <Typography.Text type="secondary" data-testid="recording-pinned">
            <PushpinFilled /> {t("recordings.pinned")}
          </Typography.Text>
        )}
      </Flex>
      <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="recording-state-text" data-state={s.state}>
        {text}
      </Typography.Paragraph>
      {s.state === "failed" && s.error && (
        <Typography.Text type="secondary" data-testid="recording-error">
          {pick(s.error, i18n.language)}
          {s.nextAttemptAt !== null && s.nextAttemptAt > now && ` ${t("recordings.section.nextTry", { left: formatCountdown(t, s.nextAttemptAt - now) })}`}
        </Typography.Text>
      )}
      {s.state === "fetched" && <RecordingPlayer callId={s.callId} height={56} />}
      <Space wrap>
        {s.state === "waiting" && fetchButton(t("recordings.action.fetchNow"))}
        {s.state === "failed" && fetchButton(t("recordings.action.retry"), <ReloadOutlined />)}
        {s.state === "evicted" && fetchButton(t("recordings.action.fetchAgain"))}
        {(s.state === "fetched" || s.pinned) && (
          <Button
            icon={s.pinned ? <PushpinFilled /> : <PushpinOutlined />}
            loading={pin.isPending}
            onClick={() =>
              pin.mutate(
                { callIds: [s.callId], pinned: !s.pinned },
                { onError: (e) => void message.error(t("recordings.action.failed", { reason: errorText(e) })) },
              )
            }
            data-testid="recording-pin"
            data-pinned={s.pinned}
          >
            {s.pinned ? t("recordings.action.unpin") : t("recordings.action.pin")}
          </Button>
        )}
        {s.state === "fetched" && (
          <Popconfirm
            title={t("recordings.delete.titleOne")}
            description={s.pinned ? t("recordings.delete.pinnedWarning") : t("recordings.delete.description")}
            okText={t("recordings.delete.ok")}
            cancelText={t("common.cancel")}
            okButtonProps={{ danger: true, ...{ "data-testid": "recording-delete-ok" } }}
            onConfirm={() =>
              remove.mutateAsync([s.callId]).then(
                () => void message.success(t("recordings.delete.done", { count: 1 })),
                (e: unknown) => void message.error(t("recordings.action.failed", { reason: errorText(e) })),
              )
            }
          >
            <Button danger icon={<DeleteOutlined />} data-testid="recording-delete">
              {t("recordings.action.deleteLocal")}
            </Button>
          </Popconfirm>
        )}
      </Space>
    </Flex>
  );
}
