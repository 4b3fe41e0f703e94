import { CloudDownloadOutlined, WarningOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, Progress, Statistic, theme, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { RecordingSummary } from "../../ipc/bindings/RecordingSummary";
import { formatCountdown, useNowSeconds } from "./countdown";
import { formatBytes } from "./format";
import type { FetchJobState } from "./useFetchJob";

interface Props {
  summary: RecordingSummary;
  job: FetchJobState;
  onFetchAll: () => void;
  onCancel: () => void;
  onDismiss: () => void;
  /** Show only what the platform deletes within a day. */
  onShowExpiring: () => void;
}

/** Counts per state, what expires soon, and "Fetch all before they expire" with the job's progress. */
export function RecordingsSummaryCard({ summary: s, job, onFetchAll, onCancel, onDismiss, onShowExpiring }: Props) {
  const { t } = useTranslation();
  const now = useNowSeconds();
  const toFetch = s.waiting + s.failed + s.evicted;
  const running = job.phase === "running";
  const stat = (key: "waiting" | "fetched" | "failed" | "evicted" | "expired", value: number, testId: string) => (
    <Statistic title={t(`recordings.summary.${key}`)} value={value} data-testid={testId} />
  );
  return (
    <Card size="small" data-testid="recordings-summary">
      <Flex vertical gap={12}>
        <Flex gap={32} wrap align="center">
          {stat("waiting", s.waiting + s.fetching, "recordings-summary-waiting")}
          {stat("fetched", s.fetched, "recordings-summary-fetched")}
          {stat("failed", s.failed, "recordings-summary-failed")}
          {stat("evicted", s.evicted, "recordings-summary-evicted")}
          {stat("expired", s.expired, "recordings-summary-expired")}
          <Flex vertical gap={4} style={{ marginLeft: "auto", alignItems: "flex-end" }}>
            <Button
              type="primary"
              size="large"
              icon={<CloudDownloadOutlined />}
              disabled={running || toFetch === 0}
              loading={running}
              onClick={onFetchAll}
              data-testid="recordings-fetch-all"
            >
              {t("recordings.fetchAll.button")}
            </Button>
            {toFetch === 0 && !running && (
              <Typography.Text type="secondary">{t("recordings.fetchAll.nothing")}</Typography.Text>
            )}
          </Flex>
        </Flex>
        {(s.expiringWithinDay > 0 || s.nextDeletionAt !== null) && (
          <Flex gap={16} wrap align="center" data-testid="recordings-expiring">
            {s.expiringWithinDay > 0 && (
              <Typography.Link type="warning" onClick={onShowExpiring} data-testid="recordings-expiring-day">
                <WarningOutlined /> {t("recordings.summary.expiringDay", { count: s.expiringWithinDay })}
              </Typography.Link>
            )}
            {s.nextDeletionAt !== null && (
              <Typography.Text type="secondary" data-testid="recordings-next-deletion">
                {t("recordings.summary.nextDeletion", { left: formatCountdown(t, s.nextDeletionAt - now) })}
              </Typography.Text>
            )}
          </Flex>
        )}
        <FetchJobView job={job} onCancel={onCancel} onDismiss={onDismiss} />
      </Flex>
    </Card>
  );
}

function FetchJobView({ job, onCancel, onDismiss }: { job: FetchJobState; onCancel: () => void; onDismiss: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  if (job.phase === "running") {
    const p = job.progress;
    const done = p ? p.fetched + p.failed + p.expired : 0;
    const percent = p && p.total > 0 ? Math.floor((done / p.total) * 100) : 0;
    return (
      <Flex gap={12} align="center" data-testid="recordings-fetch-progress" data-done={done} data-total={p?.total ?? 0}>
        <Progress percent={percent} status="active" strokeColor={token.colorPrimary} style={{ flex: 1, margin: 0 }} />
        <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
          {p
            ? t("recordings.fetchAll.progress", { done, total: p.total, failed: p.failed + p.expired, size: formatBytes(p.bytes) })
            : t("recordings.fetchAll.starting")}
        </Typography.Text>
        <Button danger disabled={job.cancelling} onClick={onCancel} data-testid="recordings-fetch-cancel">
          {job.cancelling ? t("recordings.fetchAll.cancelling") : t("common.cancel")}
        </Button>
      </Flex>
    );
  }
  if (job.phase === "done") {
    const r = job.report;
    const text = t(r.cancelled ? "recordings.fetchAll.cancelled" : "recordings.fetchAll.done", {
      fetched: r.fetched,
      total: r.total,
      failed: r.failed,
      expired: r.expired,
      size: formatBytes(r.bytes),
    });
    return (
      <Alert
        type={r.cancelled || r.failed + r.expired > 0 ? "warning" : "success"}
        showIcon
        closable
        onClose={onDismiss}
        data-testid="recordings-fetch-done"
        title={text}
        description={r.evicted > 0 ? t("recordings.fetchAll.evicted", { count: r.evicted }) : undefined}
      />
    );
  }
  return null;
}
