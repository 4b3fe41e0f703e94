import { ReloadOutlined, SearchOutlined } from "@ant-design/icons";
import { Button, Checkbox, Flex, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { RecordingState } from "../../ipc/bindings/RecordingState";
import { RangeFilter, SecondsRange } from "../../components/filterControls";
import { useDebounced } from "../../components/useDebounced";
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
  const [number, setNumber] = useDebounced(value.number, (number) => onChange({ ...value, number }));
  const active = activeRecFilterCount(value);

  return (
    <Flex gap={8} wrap align="center" data-testid="recordings-filters">
      <RangeFilter
        range={value.range}
        custom={value.custom}
        onChange={(range, custom) => set({ range, custom })}
        width={120}
        testIdPrefix="recordings-filter"
      />
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
      <SecondsRange
        min={value.minSeconds}
        max={value.maxSeconds}
        onChange={(minSeconds, maxSeconds) => set({ minSeconds, maxSeconds })}
        labels={{ min: t("recordings.filter.minSeconds"), max: t("recordings.filter.maxSeconds") }}
        widths={[95, 95]}
        testIds={["recordings-filter-min", "recordings-filter-max"]}
      />
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
