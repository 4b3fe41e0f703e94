import { ReloadOutlined, SearchOutlined } from "@ant-design/icons";
import { Button, Checkbox, DatePicker, Flex, Input, InputNumber, Select, Space } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RecordingState } from "../../ipc/bindings/RecordingState";
import { RANGE_PRESETS, type RangePreset } from "../calls/filters";
import { activeRecFilterCount, EMPTY_REC_FILTER, type RecFilterState } from "./filters";
import { STATES } from "./states";

interface Props {
  value: RecFilterState;
  onChange: (next: RecFilterState) => void;
}

/** Date range, number, duration range, states, pinned only; the number applies after a short pause in typing. */
export function RecordingsFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<RecFilterState>) => onChange({ ...value, ...patch });
  const [number, setNumber] = useState(value.number);
  const [shown, setShown] = useState(value.number);
  if (value.number !== shown) {
    setShown(value.number);
    setNumber(value.number);
  }
  useEffect(() => {
    if (number === value.number) return;
    const id = setTimeout(() => onChange({ ...value, number }), 300);
    return () => clearTimeout(id);
  }, [number, value, onChange]);
  const active = activeRecFilterCount(value);

  return (
    <Flex gap={8} wrap align="center" data-testid="recordings-filters">
      <Select<RangePreset>
        style={{ width: 120 }}
        value={value.range}
        aria-label={t("calls.range.label")}
        data-testid="recordings-filter-range"
        onChange={(range) => set({ range, custom: range === "custom" ? value.custom : null })}
        options={RANGE_PRESETS.map((r) => ({ value: r, label: t(`calls.range.${r}`) }))}
      />
      {value.range === "custom" && (
        <DatePicker.RangePicker
          showTime={{ format: "HH:mm" }}
          format="YYYY-MM-DD HH:mm"
          value={value.custom ? [dayjs.unix(value.custom[0]), dayjs.unix(value.custom[1])] : null}
          onChange={(r) => set({ custom: r && r[0] && r[1] ? [r[0].unix(), r[1].unix()] : null })}
          data-testid="recordings-filter-custom"
        />
      )}
      <Input
        allowClear
        style={{ width: 200 }}
        prefix={<SearchOutlined />}
        placeholder={t("calls.filter.numberPlaceholder")}
        aria-label={t("calls.filter.number")}
        value={number}
        onChange={(e) => setNumber(e.target.value)}
        data-testid="recordings-filter-number"
      />
      <Space.Compact>
        <InputNumber
          min={0}
          style={{ width: 95 }}
          aria-label={t("recordings.filter.minSeconds")}
          placeholder={t("recordings.filter.minSeconds")}
          value={value.minSeconds}
          onChange={(v) => set({ minSeconds: typeof v === "number" ? v : null })}
          data-testid="recordings-filter-min"
        />
        <InputNumber
          min={0}
          style={{ width: 95 }}
          aria-label={t("recordings.filter.maxSeconds")}
          placeholder={t("recordings.filter.maxSeconds")}
          value={value.maxSeconds}
          onChange={(v) => set({ maxSeconds: typeof v === "number" ? v : null })}
          data-testid="recordings-filter-max"
        />
      </Space.Compact>
      <Select<RecordingState[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        style={{ width: 190 }}
        placeholder={t("recordings.filter.states")}
        aria-label={t("recordings.filter.states")}
        value={value.states}
        onChange={(states) => set({ states })}
        data-testid="recordings-filter-states"
        options={STATES.map((s) => ({ value: s, label: t(`recordings.state.${s}`) }))}
      />
      <Checkbox checked={value.pinnedOnly} onChange={(e) => set({ pinnedOnly: e.target.checked })} data-testid="recordings-filter-pinned">
        {t("recordings.filter.pinnedOnly")}
      </Checkbox>
      <Checkbox checked={value.expiringSoon} onChange={(e) => set({ expiringSoon: e.target.checked })} data-testid="recordings-filter-expiring">
        {t("recordings.filter.expiringSoon")}
      </Checkbox>
      <Button icon={<ReloadOutlined />} disabled={active === 0} onClick={() => onChange(EMPTY_REC_FILTER)} data-testid="recordings-filter-reset">
        {t("calls.filter.reset", { count: active })}
      </Button>
    </Flex>
  );
}
