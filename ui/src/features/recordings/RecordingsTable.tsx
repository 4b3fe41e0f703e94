import { PushpinFilled } from "@ant-design/icons";
import { Table, Tooltip } from "antd";
import type { ColumnsType } from "antd/es/table/interface";
import type { HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import type { RecordingRow } from "../../ipc/bindings/RecordingRow";
import { formatDuration, formatTime, maskNumber, offsetLabel } from "../calls/format";
import { RecordingStateTag } from "./RecordingStateTag";

interface Props {
  rows: RecordingRow[];
  loading: boolean;
  page: number;
  pageSize: number;
  total: number;
  offsetMinutes: number;
  selectedIds: number[];
  activeId: number | null;
  onSelect: (ids: number[]) => void;
  onOpen: (row: RecordingRow) => void;
  onPage: (page: number) => void;
}

/** One server page of calls with a recording; numbers masked; a click opens the recording in the player. */
export function RecordingsTable(p: Props) {
  const { t } = useTranslation();
  const zone = offsetLabel(p.offsetMinutes);
  const masked = (n: string) => <span className="masked-number">{maskNumber(n)}</span>;
  const columns: ColumnsType<RecordingRow> = [
    { key: "start", title: t("calls.col.start", { zone }), width: 175, render: (_, r) => <span style={{ whiteSpace: "nowrap" }}>{formatTime(r.startTime, p.offsetMinutes)}</span> },
    { key: "caller", title: t("calls.col.caller"), width: 130, render: (_, r) => masked(r.caller) },
    { key: "callee", title: t("calls.col.callee"), width: 130, render: (_, r) => masked(r.callee) },
    { key: "x", title: t("calls.col.x"), width: 130, render: (_, r) => masked(r.xNumber) },
    { key: "talk", title: t("calls.col.talk"), width: 80, align: "right", render: (_, r) => formatDuration(r.talkSeconds) },
    { key: "state", title: t("recordings.col.state"), width: 240, render: (_, r) => <RecordingStateTag status={r.status} /> },
    {
      key: "pinned",
      title: <PushpinFilled aria-label={t("recordings.pinned")} />,
      width: 44,
      align: "center",
      render: (_, r) =>
        r.status.pinned ? (
          <Tooltip title={t("recordings.pinnedHelp")}>
            <PushpinFilled aria-label={t("recordings.pinned")} data-testid={`recording-pinned-${r.callId}`} />
          </Tooltip>
        ) : null,
    },
  ];
  return (
    <Table<RecordingRow>
      size="small"
      rowKey="callId"
      data-testid="recordings-table"
      loading={p.loading}
      columns={columns}
      dataSource={p.rows}
      rowSelection={{
        selectedRowKeys: p.selectedIds,
        onChange: (keys) => p.onSelect(keys.map(Number)),
        preserveSelectedRowKeys: true,
        getCheckboxProps: (r) => ({ "aria-label": t("recordings.selectRow", { time: formatTime(r.startTime, p.offsetMinutes) }) }) as object,
      }}
      rowClassName={(r) => (r.callId === p.activeId ? "recordings-row recordings-row-active" : "recordings-row")}
      onRow={(r) =>
        ({
          onClick: (e) => {
            // Ticking the row's checkbox selects it for bulk actions; it does not open it.
            if (e.target instanceof Element && e.target.closest(".ant-table-selection-column")) return;
            p.onOpen(r);
          },
          "data-testid": `recording-row-${r.callId}`,
          "aria-selected": r.callId === p.activeId,
        }) as HTMLAttributes<HTMLElement>
      }
      pagination={{
        current: p.page + 1,
        pageSize: p.pageSize,
        total: p.total,
        showSizeChanger: false,
        onChange: (n) => p.onPage(n - 1),
      }}
      locale={{ emptyText: t("recordings.noMatch") }}
    />
  );
}
