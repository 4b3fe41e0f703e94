import { ReloadOutlined, SearchOutlined } from "@ant-design/icons";
import { Button, DatePicker, Flex, Input, InputNumber, Select, Space, Typography } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CallDirection } from "../../ipc/bindings/CallDirection";
import type { NumberMatch } from "../../ipc/bindings/NumberMatch";
import { activeFilterCount, EMPTY_FILTER, OUTCOMES, RANGE_PRESETS, type CallsFilterState, type RangePreset } from "./filters";

interface Props {
  value: CallsFilterState;
  onChange: (next: CallsFilterState) => void;
  /** How the backend matched the number query, shown under the box. */
  numberMatch: NumberMatch | null | undefined;
}

const yesNo = (v: boolean | null) => (v === null ? "any" : v ? "yes" : "no");
const fromYesNo = (v: string) => (v === "any" ? null : v === "yes");

/** Text boxes apply after a short pause so typing does not query on every key. */
function useDebounced(value: string, apply: (v: string) => void) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    // The filter changed from outside (reset, saved view): show it.
    setShown(value);
    setText(value);
  }
  useEffect(() => {
    if (text === value) return;
    const id = setTimeout(() => apply(text), 300);
    return () => clearTimeout(id);
  }, [text, value, apply]);
  return [text, setText] as const;
}

export function CallsFilters({ value, onChange, numberMatch }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<CallsFilterState>) => onChange({ ...value, ...patch });
  const [number, setNumber] = useDebounced(value.number, (number) => onChange({ ...value, number }));
  const [x, setX] = useDebounced(value.xNumber, (xNumber) => onChange({ ...value, xNumber }));
  const [sub, setSub] = useDebounced(value.subscriptionId, (subscriptionId) => onChange({ ...value, subscriptionId }));
  const active = activeFilterCount(value);

  return (
    <Flex vertical gap={8} className="calls-filters" data-testid="calls-filters">
      <Flex gap={8} wrap align="flex-start">
        <Select<RangePreset>
          style={{ width: 150 }}
          value={value.range}
          aria-label={t("calls.range.label")}
          data-testid="calls-filter-range"
          onChange={(range) => set({ range, custom: range === "custom" ? value.custom : null })}
          options={RANGE_PRESETS.map((r) => ({ value: r, label: t(`calls.range.${r}`) }))}
        />
        {value.range === "custom" && (
          <DatePicker.RangePicker
            showTime={{ format: "HH:mm" }}
            format="YYYY-MM-DD HH:mm"
            value={value.custom ? [dayjs.unix(value.custom[0]), dayjs.unix(value.custom[1])] : null}
            onChange={(r) => set({ custom: r && r[0] && r[1] ? [r[0].unix(), r[1].unix()] : null })}
            data-testid="calls-filter-custom"
          />
        )}
        <div style={{ width: 250 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t("calls.filter.numberPlaceholder")}
            aria-label={t("calls.filter.number")}
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            data-testid="calls-filter-number"
          />
          {numberMatch && /\d/.test(value.number) && (
            <Typography.Text type="secondary" className="calls-number-match" data-testid="calls-number-match" data-match={numberMatch}>
              {t(`calls.filter.numberMatch.${numberMatch}`)}
            </Typography.Text>
          )}
        </div>
        <Select
          style={{ width: 150 }}
          value={yesNo(value.answered)}
          aria-label={t("calls.filter.answered")}
          data-testid="calls-filter-answered"
          onChange={(v) => set({ answered: fromYesNo(v) })}
          options={[
            { value: "any", label: `${t("calls.filter.answered")}: ${t("calls.filter.any")}` },
            { value: "yes", label: t("calls.filter.answeredYes") },
            { value: "no", label: t("calls.filter.answeredNo") },
          ]}
        />
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          style={{ width: 210 }}
          placeholder={t("calls.filter.outcomes")}
          aria-label={t("calls.filter.outcomes")}
          value={value.outcomes}
          onChange={(outcomes) => set({ outcomes })}
          data-testid="calls-filter-outcomes"
          options={OUTCOMES.map((o) => ({ value: o, label: t(`calls.outcome.${o}`) }))}
        />
        <Button
          icon={<ReloadOutlined />}
          disabled={active === 0}
          onClick={() => onChange(EMPTY_FILTER)}
          data-testid="calls-filter-reset"
        >
          {t("calls.filter.reset", { count: active })}
        </Button>
      </Flex>
      <Flex gap={8} wrap align="center">
        <Input
          allowClear
          style={{ width: 150 }}
          placeholder={t("calls.filter.xPlaceholder")}
          aria-label={t("calls.filter.x")}
          value={x}
          onChange={(e) => setX(e.target.value)}
          data-testid="calls-filter-x"
        />
        <Input
          allowClear
          style={{ width: 170 }}
          placeholder={`${t("calls.filter.binding")} (${t("calls.filter.bindingPlaceholder")})`}
          aria-label={t("calls.filter.binding")}
          value={sub}
          onChange={(e) => setSub(e.target.value)}
          data-testid="calls-filter-binding"
        />
        <Select<CallDirection | "any">
          style={{ width: 150 }}
          value={value.direction ?? "any"}
          aria-label={t("calls.filter.direction")}
          data-testid="calls-filter-direction"
          onChange={(v) => set({ direction: v === "any" ? null : v })}
          options={[
            { value: "any", label: `${t("calls.filter.direction")}: ${t("calls.filter.any")}` },
            { value: "toA", label: t("calls.direction.toA") },
            { value: "fromA", label: t("calls.direction.fromA") },
            { value: "abnormal", label: t("calls.direction.abnormal") },
          ]}
        />
        <Space.Compact>
          <InputNumber
            min={0}
            style={{ width: 130 }}
            aria-label={t("calls.filter.talk")}
            placeholder={t("calls.filter.talkMin")}
            value={value.minTalk}
            onChange={(v) => set({ minTalk: typeof v === "number" ? v : null })}
            data-testid="calls-filter-talk-min"
          />
          <InputNumber
            min={0}
            style={{ width: 110 }}
            aria-label={t("calls.filter.talk")}
            placeholder={t("calls.filter.talkMax")}
            value={value.maxTalk}
            onChange={(v) => set({ maxTalk: typeof v === "number" ? v : null })}
            data-testid="calls-filter-talk-max"
          />
        </Space.Compact>
        <Select
          style={{ width: 150 }}
          value={yesNo(value.hasRecording)}
          aria-label={t("calls.filter.recording")}
          data-testid="calls-filter-recording"
          onChange={(v) => set({ hasRecording: fromYesNo(v) })}
          options={[
            { value: "any", label: `${t("calls.filter.recording")}: ${t("calls.filter.any")}` },
            { value: "yes", label: t("calls.filter.recordingYes") },
            { value: "no", label: t("calls.filter.recordingNo") },
          ]}
        />
      </Flex>
    </Flex>
  );
}
