import { TableOutlined } from "@ant-design/icons";
import { Button, Checkbox, Popover } from "antd";
import { useTranslation } from "react-i18next";
import { ALL_COLUMNS, columnTitle, type ColumnKey } from "./columns";

interface Props {
  value: string[];
  zone: string;
  onChange: (columns: string[]) => void;
}

export function ColumnChooser({ value, zone, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      content={
        <Checkbox.Group
          style={{ display: "flex", flexDirection: "column", gap: 6 }}
          value={value}
          onChange={(v) => onChange(v.length > 0 ? ALL_COLUMNS.filter((c) => v.includes(c)) : value)}
          options={ALL_COLUMNS.map((c: ColumnKey) => ({ value: c, label: <span data-testid={`calls-column-${c}`}>{columnTitle(t, c, zone)}</span> }))}
        />
      }
    >
      <Button icon={<TableOutlined />} data-testid="calls-columns">
        {t("calls.columns")}
      </Button>
    </Popover>
  );
}
