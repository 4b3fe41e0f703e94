/** Filter controls shared by the Calls and Recordings pages: the time-range preset with its custom
 * picker, and a seconds range. */
import { DatePicker, InputNumber, Select, Space } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { RANGE_PRESETS, type RangePreset } from "../features/calls/filters";

interface RangeProps {
  range: RangePreset;
  custom: [number, number] | null;
  onChange: (range: RangePreset, custom: [number, number] | null) => void;
  width: number;
  /** `<testIdPrefix>-range` and `<testIdPrefix>-custom`. */
  testIdPrefix: string;
}

/** Today, yesterday, last 7 days, this month, all time, or a custom range (epoch seconds). */
export function RangeFilter({ range, custom, onChange, width, testIdPrefix }: RangeProps) {
  const { t } = useTranslation();
  return (
    <>
      <Select<RangePreset>
        style={{ width }}
        value={range}
        aria-label={t("calls.range.label")}
        data-testid={`${testIdPrefix}-range`}
        onChange={(next) => onChange(next, next === "custom" ? custom : null)}
        options={RANGE_PRESETS.map((r) => ({ value: r, label: t(`calls.range.${r}`) }))}
      />
      {range === "custom" && (
        <DatePicker.RangePicker
          showTime={{ format: "HH:mm" }}
          format="YYYY-MM-DD HH:mm"
          value={custom ? [dayjs.unix(custom[0]), dayjs.unix(custom[1])] : null}
          onChange={(r) => onChange(range, r && r[0] && r[1] ? [r[0].unix(), r[1].unix()] : null)}
          data-testid={`${testIdPrefix}-custom`}
        />
      )}
    </>
  );
}

interface SecondsProps {
  min: number | null;
  max: number | null;
  onChange: (min: number | null, max: number | null) => void;
  labels: { min: string; max: string; group?: string };
  widths: [number, number];
  testIds: [string, string];
}

/** A from–to pair of whole seconds; either end may be empty. */
export function SecondsRange({ min, max, onChange, labels, widths, testIds }: SecondsProps) {
  const num = (v: number | string | null) => (typeof v === "number" ? v : null);
  return (
    <Space.Compact>
      <InputNumber
        min={0}
        style={{ width: widths[0] }}
        aria-label={labels.group ?? labels.min}
        placeholder={labels.min}
        value={min}
        onChange={(v) => onChange(num(v), max)}
        data-testid={testIds[0]}
      />
      <InputNumber
        min={0}
        style={{ width: widths[1] }}
        aria-label={labels.group ?? labels.max}
        placeholder={labels.max}
        value={max}
        onChange={(v) => onChange(min, num(v))}
        data-testid={testIds[1]}
      />
    </Space.Compact>
  );
}
