import { AudioOutlined } from "@ant-design/icons";
import { Table, Tooltip } from "antd";
import type { ColumnsType, SorterResult } from "antd/es/table/interface";
import { useTranslation } from "react-i18next";
import { MaskedNumber } from "../../components/MaskedNumber";
import type { CallRow } from "../../ipc/bindings/CallRow";
import type { CallSort } from "../../ipc/bindings/CallSort";
import { ALL_COLUMNS, columnTitle, type ColumnKey } from "./columns";
import { SORTABLE, toCallSort } from "./filters";
import { formatDuration, formatTime, offsetLabel } from "./format";
import { OutcomeTag } from "./OutcomeTag";

interface Props {
  rows: CallRow[];
  loading: boolean;
  columns: string[];
  sort: CallSort;
  page: number;
  pageSize: number;
  total: number;
  offsetMinutes: number;
  height: number;
  onSort: (sort: CallSort) => void;
  onPage: (page: number) => void;
  onOpen: (row: CallRow) => void;
}

/** The calls of one server page, virtualised; sorting and paging are done by the backend. */
export function CallsTable(p: Props) {
  const { t } = useTranslation();
  const zone = offsetLabel(p.offsetMinutes);
  const sortOrder = (key: ColumnKey) => {
    const col = (SORTABLE as Record<string, string>)[key];
    if (!col || col !== p.sort.column) return null;
    return p.sort.descending ? ("descend" as const) : ("ascend" as const);
  };
  const sortable = (key: ColumnKey) =>
    key in SORTABLE ? { sorter: true, sortOrder: sortOrder(key), sortDirections: ["descend", "ascend", "descend"] as ("descend" | "ascend")[] } : {};

  const defs: Record<ColumnKey, ColumnsType<CallRow>[number]> = {
    start: { width: 165, render: (_, r) => formatTime(r.startTime, p.offsetMinutes) },
    direction: { width: 80, render: (_, r) => t(`calls.direction.${r.direction}`) },
    caller: { width: 165, render: (_, r) => <MaskedNumber number={r.caller} context="calls" id={`call-${r.id}-caller`} /> },
    callee: { width: 165, render: (_, r) => <MaskedNumber number={r.callee} context="calls" id={`call-${r.id}-callee`} /> },
    x: { width: 165, render: (_, r) => <MaskedNumber number={r.xNumber} context="calls" id={`call-${r.id}-x`} /> },
    binding: { width: 200, ellipsis: true, render: (_, r) => r.subscriptionId ?? "—" },
    talk: { width: 90, align: "right", render: (_, r) => (r.answered ? formatDuration(r.talkSeconds) : "—") },
    outcome: { width: 170, render: (_, r) => <OutcomeTag outcome={r.outcome} /> },
    recording: {
      width: 60,
      align: "center",
      render: (_, r) =>
        r.hasRecording ? (
          <Tooltip title={t("calls.filter.recordingYes")}>
            <AudioOutlined aria-label={t("calls.filter.recordingYes")} />
          </Tooltip>
        ) : null,
    },
  };
  const columns: ColumnsType<CallRow> = ALL_COLUMNS.filter((k) => p.columns.includes(k)).map((key) => ({
    key,
    title: columnTitle(t, key, zone),
    ...sortable(key),
    ...defs[key],
  }));

  return (
    <Table<CallRow>
      virtual
      size="small"
      rowKey="id"
      data-testid="calls-table"
      loading={p.loading}
      columns={columns}
      dataSource={p.rows}
      scroll={{ y: p.height, x: columns.reduce((s, c) => s + Number(c.width ?? 120), 0) }}
      onRow={(r) =>
        ({
          onClick: () => p.onOpen(r),
          "data-testid": `call-row-${r.id}`,
          className: "calls-row",
        }) as React.HTMLAttributes<HTMLElement>
      }
      pagination={{
        current: p.page + 1,
        pageSize: p.pageSize,
        total: p.total,
        showSizeChanger: false,
        showTotal: (total) => t("calls.count", { count: total }),
      }}
      onChange={(pagination, _filters, sorter) => {
        const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<CallRow> | undefined;
        const next = toCallSort(s?.columnKey as string | undefined, s?.order);
        if (next.column !== p.sort.column || next.descending !== p.sort.descending) p.onSort(next);
        else if ((pagination.current ?? 1) - 1 !== p.page) p.onPage((pagination.current ?? 1) - 1);
      }}
    />
  );
}
