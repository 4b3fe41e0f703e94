import { ReloadOutlined, SearchOutlined } from "@ant-design/icons";
import { Button, Flex, Input, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CallDirection } from "../../ipc/bindings/CallDirection";
import type { NumberMatch } from "../../ipc/bindings/NumberMatch";
import { RangeFilter, SecondsRange } from "../../components/filterControls";
import { useDebounced } from "../../components/useDebounced";
import { activeFilterCount, EMPTY_FILTER, numberSearchOk, OUTCOMES, type CallsFilterState } from "./filters";

interface Props {
  value: CallsFilterState;
  onChange: (next: CallsFilterState) => void;
  /** How the backend matched the number query, shown under the box. */
  numberMatch: NumberMatch | null | undefined;
}

const yesNo = (v: boolean | null) => (v === null ? "any" : v ? "yes" : "no");
const fromYesNo = (v: string) => (v === "any" ? null : v === "yes");

export function CallsFilters({ value, onChange, numberMatch }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<CallsFilterState>) => onChange({ ...value, ...patch });
  // A search without a digit is not sent (the backend refuses it); the box says why instead.
  const [number, setNumber] = useDebounced(value.number, (number) => {
    if (numberSearchOk(number)) onChange({ ...value, number });
  });
  const [x, setX] = useDebounced(value.xNumber, (xNumber) => {
    if (numberSearchOk(xNumber)) onChange({ ...value, xNumber });
  });
  const numberOk = numberSearchOk(number);
  const xOk = numberSearchOk(x);
  const [sub, setSub] = useDebounced(value.subscriptionId, (subscriptionId) => onChange({ ...value, subscriptionId }));
  const active = activeFilterCount(value);

  return (
    <Flex vertical gap={8} className="calls-filters" data-testid="calls-filters">
      <Flex gap={8} wrap align="flex-start">
        <RangeFilter
          range={value.range}
          custom={value.custom}
          onChange={(range, custom) => set({ range, custom })}
          width={150}
          testIdPrefix="calls-filter"
        />
        <div style={{ width: 250 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t("calls.filter.numberPlaceholder")}
            aria-label={t("calls.filter.number")}
            value={number}
            status={numberOk ? undefined : "error"}
            onChange={(e) => setNumber(e.target.value)}
            data-testid="calls-filter-number"
          />
          {!numberOk && (
            <Typography.Text type="danger" className="calls-number-match" data-testid="calls-number-refused" role="alert">
              {t("calls.filter.numberNeedsDigit")}
            </Typography.Text>
          )}
          {numberOk && numberMatch && numberSearchOk(value.number) && value.number.trim() !== "" && (
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
          status={xOk ? undefined : "error"}
          title={xOk ? undefined : t("calls.filter.numberNeedsDigit")}
          onChange={(e) => setX(e.target.value)}
          data-testid="calls-filter-x"
        />
        {!xOk && (
          <Typography.Text type="danger" data-testid="calls-x-refused" role="alert">
            {t("calls.filter.numberNeedsDigit")}
          </Typography.Text>
        )}
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
        <SecondsRange
          min={value.minTalk}
          max={value.maxTalk}
          onChange={(minTalk, maxTalk) => set({ minTalk, maxTalk })}
          labels={{ min: t("calls.filter.talkMin"), max: t("calls.filter.talkMax"), group: t("calls.filter.talk") }}
          widths={[130, 110]}
          testIds={["calls-filter-talk-min", "calls-filter-talk-max"]}
        />
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
