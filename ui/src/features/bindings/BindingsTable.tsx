import { Button, Space, Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType, TablePaginationConfig } from "antd/es/table";
import type { SorterResult } from "antd/es/table/interface";
import { useTranslation } from "react-i18next";
import { MaskedNumber } from "../../components/MaskedNumber";
import type { BindingPage } from "../../ipc/bindings/BindingPage";
import type { BindingSort } from "../../ipc/bindings/BindingSort";
import type { BindingStatus } from "../../ipc/bindings/BindingStatus";
import type { CachedBinding } from "../../ipc/bindings/CachedBinding";
import type { Mode } from "../../ipc/bindings/Mode";
import { nowrap, shortDateTime } from "./format";
import { canModify, DIRECTIONS } from "./forms";

/** Numbers line up in columns. */
const MONO = { fontVariantNumeric: "tabular-nums" as const, whiteSpace: "nowrap" as const };

const STATUS_COLOR: Record<BindingStatus, string> = { active: "green", expired: "orange", unbound: "default" };

interface Props {
  mode: Mode;
  page: BindingPage | undefined;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  onSort: (sort: BindingSort, descending: boolean) => void;
  onModify: (b: CachedBinding) => void;
  onUnbind: (b: CachedBinding) => void;
}

const SORT_KEYS: Record<string, BindingSort> = { a: "a", x: "x", city: "city", status: "status", expiresAt: "expiresAt", boundAt: "boundAt" };

export function BindingsTable({ mode, page, loading, onPage, onSort, onModify, onUnbind }: Props) {
  const { t, i18n } = useTranslation();
  const when = (v: string | null) => (v ? shortDateTime(v, i18n.language) : "");
  const columns: ColumnsType<CachedBinding> = [
    { key: "a", title: "A", dataIndex: "a", sorter: true, render: (a: string | null, b) => <MaskedNumber number={a} context="bindings" id={`binding-${b.subscriptionId}-a`} /> },
  ];
  if (mode === "AXB" || mode === "AXYB") {
    columns.push({ key: "b", title: "B", dataIndex: "b", render: (n: string | null, b) => <MaskedNumber number={n} context="bindings" id={`binding-${b.subscriptionId}-b`} /> });
  }
  columns.push({ key: "x", title: "X", dataIndex: "x", sorter: true, render: (x: string | null) => <span style={MONO}>{x}</span> });
  if (mode === "AXYB") columns.push({ key: "y", title: "Y", dataIndex: "y", render: (y: string | null) => <span style={MONO}>{y}</span> });
  if (mode === "AXE") columns.push({ key: "extension", title: t("bindings.col.extension"), dataIndex: "extension" });
  if (mode !== "AXE") {
    columns.push({
      key: "direction",
      title: t("bindings.col.direction"),
      dataIndex: "direction",
      render: (d: number | null) => {
        const key = d === null ? undefined : DIRECTIONS[d];
        return key ? t(`bindings.direction.${key}`) : "";
      },
    });
  }
  columns.push(
    {
      key: "status",
      title: t("bindings.col.status"),
      dataIndex: "status",
      sorter: true,
      render: (s: BindingStatus) => <Tag color={STATUS_COLOR[s]}>{t(`bindings.status.${s}`)}</Tag>,
    },
    {
      key: "expiresAt",
      title: t("bindings.col.expires"),
      dataIndex: "expiresAt",
      sorter: true,
      render: (e: string | null) => (e ? when(e) : <Typography.Text type="secondary">{t("bindings.never")}</Typography.Text>),
    },
    { key: "city", title: t("bindings.col.city"), dataIndex: "city", sorter: true },
    { key: "boundAt", title: t("bindings.col.boundAt"), dataIndex: "boundAt", sorter: true, render: (v: string | null) => when(v) },
    {
      key: "actions",
      title: "",
      fixed: "right",
      render: (_: unknown, b: CachedBinding) =>
        b.status === "active" && (
          <Space size={0}>
            {canModify(b.mode) && (
              <Button type="link" size="small" onClick={() => onModify(b)} data-testid={`binding-modify-${b.subscriptionId}`}>
                {t("bindings.modify.button")}
              </Button>
            )}
            <Tooltip title={t("bindings.unbind.tooltip")}>
              <Button type="link" size="small" danger onClick={() => onUnbind(b)} data-testid={`binding-unbind-${b.subscriptionId}`}>
                {t("bindings.unbind.button")}
              </Button>
            </Tooltip>
          </Space>
        ),
    },
  );

  const onChange = (p: TablePaginationConfig, _f: unknown, sorter: SorterResult<CachedBinding> | SorterResult<CachedBinding>[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.order ? SORT_KEYS[String(s.columnKey)] : undefined;
    onSort(key ?? "boundAt", key ? s?.order === "descend" : true);
    onPage(p.current ?? 1, p.pageSize ?? 50);
  };

  return (
    <Table<CachedBinding>
      data-testid="bindings-table"
      rowKey="id"
      size="middle"
      columns={nowrap(columns)}
      scroll={{ x: "max-content" }}
      dataSource={page?.items ?? []}
      loading={loading}
      onChange={onChange}
      onRow={(b) => ({ "data-testid": `binding-row-${b.subscriptionId}` }) as React.HTMLAttributes<HTMLElement>}
      pagination={{
        current: page?.page ?? 1,
        pageSize: page?.pageSize ?? 50,
        total: Number(page?.total ?? 0),
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (n) => t("bindings.total", { count: n }),
      }}
    />
  );
}
