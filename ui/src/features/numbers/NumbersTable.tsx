import { Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import type { NumberHealth } from "../../ipc/bindings/NumberHealth";
import type { NumberStats } from "../../ipc/bindings/NumberStats";
import { nowrap, shortDateTime } from "../bindings/format";
import { HEALTH_COLOR } from "./health";

const HEALTHS: NumberHealth[] = ["idle", "busy", "nearCapacity", "expiringBindings"];
const NUM = { fontVariantNumeric: "tabular-nums" as const, whiteSpace: "nowrap" as const };

interface Props {
  rows: NumberStats[];
  loading: boolean;
  testId: string;
  compact?: boolean;
  /** E.164 numbers of the selected rows; with `onSelect`, rows get checkboxes. */
  selected?: string[];
  onSelect?: (numbers: string[]) => void;
}

/** One row per X: where it is, what it carries, how busy it is. */
export function NumbersTable({ rows, loading, testId, compact, selected, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const columns: ColumnsType<NumberStats> = [
    { key: "number", title: "X", render: (_, s) => <span style={NUM}>{s.number.number}</span>, sorter: (a, b) => a.number.number.localeCompare(b.number.number) },
    { key: "city", title: t("numbers.col.city"), render: (_, s) => s.number.city, sorter: (a, b) => (a.number.city ?? "").localeCompare(b.number.city ?? "") },
    { key: "carrier", title: t("numbers.col.carrier"), render: (_, s) => s.number.carrier },
    { key: "tags", title: t("numbers.col.tags"), render: (_, s) => s.number.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) },
    { key: "pool", title: t("numbers.col.pool"), render: (_, s) => s.number.pool ?? <Typography.Text type="secondary">—</Typography.Text> },
    { key: "bindings", title: t("numbers.col.bindings"), align: "right", render: (_, s) => <span style={NUM}>{s.bindings}</span>, sorter: (a, b) => a.bindings - b.bindings },
    { key: "left", title: t("numbers.col.capacityLeft"), align: "right", render: (_, s) => <span style={NUM}>{s.capacityLeft} / {s.capacity}</span>, sorter: (a, b) => a.capacityLeft - b.capacityLeft },
    { key: "calls", title: t("numbers.col.calls"), align: "right", render: (_, s) => <span style={NUM}>{s.calls7d ?? "—"} / {s.calls30d ?? "—"}</span>, sorter: (a, b) => (a.calls30d ?? 0) - (b.calls30d ?? 0) },
    { key: "last", title: t("numbers.col.lastCall"), render: (_, s) => (s.lastCallAt ? shortDateTime(s.lastCallAt, i18n.language) : <Typography.Text type="secondary">{t("numbers.noCalls")}</Typography.Text>) },
    {
      key: "health",
      title: t("numbers.col.health"),
      fixed: "right",
      filters: HEALTHS.map((h) => ({ text: t(`numbers.health.${h}`), value: h })),
      onFilter: (v, s) => s.health === v,
      render: (_, s) => (
        <Tag color={HEALTH_COLOR[s.health]} data-testid={`health-${s.number.number}`}>
          {t(`numbers.health.${s.health}`)}
          {s.health === "expiringBindings" ? ` (${s.expiring})` : ""}
        </Tag>
      ),
    },
  ];
  const shown = compact ? columns.filter((c) => ["number", "city", "pool", "bindings", "left", "calls", "last"].includes(String(c.key))) : columns;
  return (
    <Table<NumberStats>
      data-testid={testId}
      rowKey={(s) => s.number.id}
      size={compact ? "small" : "middle"}
      loading={loading}
      columns={nowrap(shown)}
      scroll={{ x: "max-content" }}
      dataSource={rows}
      rowSelection={
        onSelect && {
          selectedRowKeys: rows.filter((r) => selected?.includes(r.number.number)).map((r) => r.number.id),
          onChange: (_keys, picked) => onSelect(picked.map((r) => r.number.number)),
        }
      }
      onRow={(s) => ({ "data-testid": `number-row-${s.number.number}` }) as React.HTMLAttributes<HTMLElement>}
      pagination={compact ? { pageSize: 5, hideOnSinglePage: true } : { pageSize: 50, showSizeChanger: true, showTotal: (n) => t("numbers.total", { count: n }) }}
    />
  );
}
