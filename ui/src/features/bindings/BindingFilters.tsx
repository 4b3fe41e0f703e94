import { SearchOutlined } from "@ant-design/icons";
import { Input, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import type { BindingFilter } from "../../ipc/bindings/BindingFilter";
import type { BindingStatus } from "../../ipc/bindings/BindingStatus";

interface Props {
  filter: BindingFilter;
  onChange: (f: BindingFilter) => void;
}

const STATUSES: BindingStatus[] = ["active", "expired", "unbound"];
const EXPIRY_DAYS = [1, 3, 7, 30];

/** Number (any part), X, status, expiry and city. Typing resets to page 1. */
export function BindingFilters({ filter, onChange }: Props) {
  const { t } = useTranslation();
  const set = (f: Partial<BindingFilter>) => onChange({ ...filter, ...f, page: 1 });
  const text = (s: string) => (s.trim() ? s.trim() : null);
  return (
    <Space wrap data-testid="bindings-filters">
      <Input
        allowClear
        style={{ width: 220 }}
        prefix={<SearchOutlined />}
        placeholder={t("bindings.filter.number")}
        defaultValue={filter.number ?? ""}
        onChange={(e) => set({ number: text(e.target.value) })}
        data-testid="bindings-filter-number"
      />
      <Input
        allowClear
        style={{ width: 180 }}
        placeholder={t("bindings.filter.x")}
        defaultValue={filter.x ?? ""}
        onChange={(e) => set({ x: text(e.target.value) })}
        data-testid="bindings-filter-x"
      />
      <Select<BindingStatus | "all">
        style={{ width: 140 }}
        value={filter.status ?? "all"}
        onChange={(s) => set({ status: s === "all" ? null : s })}
        options={[
          { value: "all", label: t("bindings.filter.anyStatus") },
          ...STATUSES.map((s) => ({ value: s, label: t(`bindings.status.${s}`) })),
        ]}
        data-testid="bindings-filter-status"
      />
      <Select<number>
        style={{ width: 170 }}
        value={filter.expiringWithinDays ?? 0}
        onChange={(d) => set({ expiringWithinDays: d === 0 ? null : d })}
        options={[
          { value: 0, label: t("bindings.filter.anyExpiry") },
          ...EXPIRY_DAYS.map((d) => ({ value: d, label: t("bindings.filter.expiringWithin", { count: d }) })),
        ]}
        data-testid="bindings-filter-expiry"
      />
      <Input
        allowClear
        style={{ width: 120 }}
        placeholder={t("bindings.filter.city")}
        defaultValue={filter.city ?? ""}
        onChange={(e) => set({ city: text(e.target.value) })}
        data-testid="bindings-filter-city"
      />
    </Space>
  );
}
