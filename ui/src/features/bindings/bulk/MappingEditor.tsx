import { Alert, Select, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { BulkField } from "../../../ipc/bindings/BulkField";
import type { ColumnMapping } from "../../../ipc/bindings/ColumnMapping";
import { assign, fieldOfColumn } from "./mapping";

interface Props {
  headers: string[];
  mapping: ColumnMapping;
  required: BulkField[];
  optional: BulkField[];
  missing: BulkField[];
  onChange: (m: ColumnMapping) => void;
}

/** One row per column of the file: its header and the field it feeds (auto-detected, editable). */
export function MappingEditor({ headers, mapping, required, optional, missing, onChange }: Props) {
  const { t } = useTranslation();
  const fieldLabel = (f: BulkField) => t(`bindings.bulk.field.${f}`);
  const options = [
    { value: "", label: t("bindings.bulk.mapping.ignore") },
    ...[...required, ...optional].map((f) => ({
      value: f,
      label: required.includes(f) ? `${fieldLabel(f)} *` : fieldLabel(f),
    })),
  ];
  const rows = headers.map((header, column) => ({ header, column }));
  return (
    <>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="bulk-mapping-missing"
          title={t("bindings.bulk.mapping.missing", { fields: missing.map(fieldLabel).join(t("bindings.bulk.listSeparator")) })}
        />
      )}
      <Table
        size="small"
        rowKey="column"
        pagination={false}
        dataSource={rows}
        data-testid="bulk-mapping"
        columns={[
          { title: t("bindings.bulk.mapping.column"), dataIndex: "column", width: 70, render: (c: number) => c + 1 },
          { title: t("bindings.bulk.mapping.header"), dataIndex: "header", render: (h: string) => h || <Tag>{t("bindings.bulk.mapping.noHeader")}</Tag> },
          {
            title: t("bindings.bulk.mapping.field"),
            key: "field",
            width: 240,
            render: (_: unknown, r: { column: number }) => (
              <Select
                style={{ width: "100%" }}
                value={fieldOfColumn(mapping, r.column) ?? ""}
                options={options}
                onChange={(f: string) => onChange(assign(mapping, headers, r.column, f ? (f as BulkField) : null))}
                data-testid={`bulk-map-${r.column}`}
              />
            ),
          },
        ]}
      />
    </>
  );
}
