import { AudioOutlined, PhoneOutlined } from "@ant-design/icons";
import { Alert, Card, Flex, Skeleton, Typography } from "antd";
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { Page } from "../../components/Page";
import { TryDemoButton } from "../../components/TryDemoButton";
import type { RecordingRow } from "../../ipc/bindings/RecordingRow";
import type { RecordingSummary } from "../../ipc/bindings/RecordingSummary";
import { useRecordingsPage, useRecordingsSummary } from "../../queries/recordings";
import { localOffsetMinutes } from "../calls/format";
import { BulkActions } from "./BulkActions";
import { EMPTY_REC_FILTER, toRecordingFilter, type RecFilterState } from "./filters";
import { NowPlaying } from "./NowPlaying";
import { RecordingsFilters } from "./RecordingsFilters";
import { RecordingsSummaryCard } from "./RecordingsSummary";
import { RecordingsTable } from "./RecordingsTable";
import { useFetchJob } from "./useFetchJob";
import { useZipExportJob } from "./useZipExportJob";
import { ZipExportModal } from "./ZipExportModal";
import { errorText } from "../../i18n/useText";

const PAGE_SIZE = 50;
const anyRecording = (s: RecordingSummary) => s.waiting + s.fetching + s.fetched + s.failed + s.expired + s.evicted > 0;

/** Recordings: what is still on the platform and for how long, fetch before they expire, keep, play, export. */
export function RecordingsPage() {
  const { t } = useTranslation();
  const summary = useRecordingsSummary();
  const job = useFetchJob();
  const frame = (children: ReactNode) => (
    <Page testId="page-recordings" title={t("recordings.title")} subtitle={t("recordings.subtitle")}>
      {children}
    </Page>
  );
  if (summary.isPending) return frame(<Skeleton active />);
  if (summary.isError) {
    return frame(<Alert type="error" showIcon title={t("recordings.loadFailed", { reason: errorText(summary.error) })} />);
  }
  if (!anyRecording(summary.data) && job.state.phase !== "running") {
    return frame(
      <EmptyState
        testId="recordings-empty"
        icon={<AudioOutlined />}
        extra={<TryDemoButton size="large" testId="recordings-demo-try" />}
        title={t("recordings.empty.title")}
        description={t("recordings.empty.description")}
        action={{ label: t("recordings.empty.action"), to: "/calls", icon: <PhoneOutlined /> }}
      />,
    );
  }
  return frame(<RecordingsView summary={summary.data} job={job} />);
}

function RecordingsView({ summary, job }: { summary: RecordingSummary; job: ReturnType<typeof useFetchJob> }) {
  const { t } = useTranslation();
  const [filter, setFilterState] = useState<RecFilterState>(EMPTY_REC_FILTER);
  const [now, setNow] = useState(() => new Date());
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<number[]>([]);
  const [active, setActive] = useState<RecordingRow | null>(null);
  const offsetMinutes = useMemo(() => localOffsetMinutes(now), [now]);
  const zip = useZipExportJob();

  const setFilter = useCallback((next: RecFilterState) => {
    setFilterState(next);
    setNow(new Date());
    setPage(0);
  }, []);
  const request = useMemo(() => ({ filter: toRecordingFilter(filter, now), page, pageSize: PAGE_SIZE }), [filter, now, page]);
  const rows = useRecordingsPage(request, { poll: summary.fetching > 0 && job.state.phase !== "running" });
  const list = useMemo(() => rows.data?.rows ?? [], [rows.data]);

  // The picked row as the latest page shows it (its state changes while fetching).
  const current = active ? (list.find((r) => r.callId === active.callId) ?? active) : null;
  const playable = list.filter((r) => r.status.state === "fetched");
  const at = current ? playable.findIndex((r) => r.callId === current.callId) : -1;
  const prev = at > 0 ? playable[at - 1] : undefined;
  const next = at >= 0 && at < playable.length - 1 ? playable[at + 1] : undefined;

  return (
    <Flex vertical gap={16}>
      <RecordingsSummaryCard
        summary={summary}
        job={job.state}
        onFetchAll={() => void job.start({ callIds: [], since: null })}
        onCancel={job.cancel}
        onDismiss={job.dismiss}
        onShowExpiring={() => setFilter({ ...EMPTY_REC_FILTER, expiringSoon: true })}
      />
      <NowPlaying
        row={current}
        offsetMinutes={offsetMinutes}
        job={job}
        onPrevious={prev ? () => setActive(prev) : undefined}
        onNext={next ? () => setActive(next) : undefined}
      />
      <Card size="small">
        <Flex vertical gap={12}>
          <RecordingsFilters value={filter} onChange={setFilter} />
          <BulkActions selected={selected} job={job} onExport={zip.show} onClear={() => setSelected([])} />
          {rows.isError ? (
            <Alert type="error" showIcon title={t("recordings.loadFailed", { reason: errorText(rows.error) })} />
          ) : (
            <>
              <Typography.Text type="secondary" data-testid="recordings-count" data-count={rows.data?.total ?? ""}>
                {t("recordings.count", { count: rows.data?.total ?? 0 })} · {t("calls.masked")}
              </Typography.Text>
              <RecordingsTable
                rows={list}
                loading={rows.isFetching && !rows.data}
                page={page}
                pageSize={PAGE_SIZE}
                total={rows.data?.total ?? 0}
                offsetMinutes={offsetMinutes}
                selectedIds={selected}
                activeId={current?.callId ?? null}
                onSelect={setSelected}
                onOpen={setActive}
                onPage={setPage}
              />
            </>
          )}
        </Flex>
      </Card>
      <ZipExportModal job={zip} />
    </Flex>
  );
}
