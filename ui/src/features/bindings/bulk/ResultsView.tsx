import { Alert, Button, Checkbox, Flex, Segmented, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { pick } from "../../../i18n/format";
import { MaskedNumber } from "../../../components/MaskedNumber";
import type { JobProgress } from "../../../ipc/bindings/JobProgress";
import type { JobRowResult } from "../../../ipc/bindings/JobRowResult";
import type { RowState } from "../../../ipc/bindings/RowState";
import { useBulkResults } from "../../../queries/bulk";
import type { Text } from "../../../ipc/bindings/Text";

const PAGE = 50;
const COLOR: Record<RowState, string> = { ok: "green", failed: "red", invalid: "orange", pending: "default", sending: "blue" };

interface Props {
  jobId: number;
  progress: JobProgress | null;
  busy: boolean;
  onRetry: () => void;
  /** `unmask`: write A and B in full (the backend records it in the audit log). */
  onExport: (ext: "csv" | "xlsx", unmask: boolean) => void;
}

/** Per-row results (filter ok / failed / refused), retry failed rows, export CSV or XLSX (numbers masked unless ticked). */
export function ResultsView({ jobId, progress, busy, onRetry, onExport }: Props) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<RowState | "all">("all");
  const [page, setPage] = useState(1);
  const [unmask, setUnmask] = useState(false);
  const rows = useBulkResults(jobId, state === "all" ? null : state, page, PAGE);
  const total =
    state === "all"
      ? (progress?.total ?? 0) + (progress?.invalid ?? 0)
      : state === "ok"
        ? (progress?.ok ?? 0)
        : state === "failed"
          ? (progress?.failed ?? 0)
          : (progress?.invalid ?? 0);
  return (
    <div data-testid="bulk-results">
      <Flex justify="space-between" wrap gap="small" style={{ marginBottom: 12 }}>
        <Segmented<RowState | "all">
          value={state}
          onChange={(s) => {
            setState(s);
            setPage(1);
          }}
          options={[
            { value: "all", label: t("bindings.bulk.results.all") },
            { value: "ok", label: `${t("bindings.bulk.results.ok")} ${progress?.ok ?? ""}` },
            { value: "failed", label: `${t("bindings.bulk.results.failed")} ${progress?.failed ?? ""}` },
            { value: "invalid", label: `${t("bindings.bulk.results.invalid")} ${progress?.invalid ?? ""}` },
          ]}
          data-testid="bulk-results-filter"
        />
        <Space wrap>
          <Button onClick={onRetry} disabled={!progress?.failed || busy} data-testid="bulk-retry">
            {t("bindings.bulk.results.retry", { count: progress?.failed ?? 0 })}
          </Button>
          <Checkbox checked={unmask} onChange={(e) => setUnmask(e.target.checked)} data-testid="bulk-export-unmask">
            {t("bindings.bulk.results.unmask")}
          </Checkbox>
          <Button onClick={() => onExport("csv", unmask)} disabled={busy} data-testid="bulk-export-csv">
            {t("bindings.bulk.results.exportCsv")}
          </Button>
          <Button onClick={() => onExport("xlsx", unmask)} disabled={busy} data-testid="bulk-export-xlsx">
            {t("bindings.bulk.results.exportXlsx")}
          </Button>
        </Space>
      </Flex>
      {unmask && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t("bindings.bulk.results.unmaskWarning")} data-testid="bulk-export-unmask-warning" />
      )}
      <Table<JobRowResult>
        size="small"
        rowKey="row"
        loading={rows.isFetching}
        dataSource={rows.data ?? []}
        scroll={{ y: 300 }}
        pagination={{ current: page, pageSize: PAGE, total, showSizeChanger: false, onChange: setPage }}
        columns={[
          { title: t("bindings.bulk.dry.row"), dataIndex: "row", width: 70 },
          {
            title: t("bindings.bulk.results.state"),
            dataIndex: "state",
            width: 100,
            render: (s: RowState) => <Tag color={COLOR[s]}>{t(`bindings.bulk.rowState.${s}`)}</Tag>,
          },
          { title: "A", dataIndex: "a", render: (a: string | null, r) => <MaskedNumber number={a} context="bindings.bulk" id={`bulk-row-${r.row}-a`} /> },
          { title: "B", dataIndex: "b", render: (b: string | null, r) => <MaskedNumber number={b} context="bindings.bulk" id={`bulk-row-${r.row}-b`} /> },
          { title: "X", dataIndex: "x" },
          { title: t("bindings.bulk.results.code"), dataIndex: "resultCode", width: 100 },
          { title: t("bindings.bulk.dry.reason"), dataIndex: "reason", ellipsis: true, render: (r: Text | null) => (r ? pick(r, i18n.language) : "") },
        ]}
      />
    </div>
  );
}
