import type { ColumnsType } from "antd/es/table";

/** A compact local date and time for table cells (`2026/11/25 07:05`, `11/25/26, 7:05 AM`). */
export function shortDateTime(value: string, language: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: "short", timeStyle: "short" }).format(date);
}

/** A new object per cell: antd adds its sort click handler to what onHeaderCell returns. */
const nowrapCell = () => ({ style: { whiteSpace: "nowrap" as const } });

/** Table cells and headers on one line; the table scrolls sideways instead of growing tall. */
export function nowrap<T>(columns: ColumnsType<T>): ColumnsType<T> {
  return columns.map((c) => ({ ...c, onHeaderCell: nowrapCell, onCell: nowrapCell }));
}
