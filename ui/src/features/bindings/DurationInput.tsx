import { Input, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import type { DurationUnit } from "./forms";

interface Props {
  value: string;
  unit: DurationUnit;
  hoursOnly?: boolean;
  onChange: (value: string, unit: DurationUnit) => void;
  testId: string;
}

/** An amount and its unit; empty means the binding never expires. */
export function DurationInput({ value, unit, hoursOnly, onChange, testId }: Props) {
  const { t } = useTranslation();
  const units: DurationUnit[] = hoursOnly ? ["hours"] : ["minutes", "hours", "days"];
  return (
    <Space.Compact style={{ width: "100%" }}>
      <Input
        value={value}
        inputMode="decimal"
        placeholder={t("bindings.form.duration.never")}
        onChange={(e) => onChange(e.target.value, unit)}
        data-testid={testId}
      />
      <Select
        style={{ width: 110 }}
        value={unit}
        onChange={(u) => onChange(value, u)}
        options={units.map((u) => ({ value: u, label: t(`bindings.form.duration.${u}`) }))}
        data-testid={`${testId}-unit`}
      />
    </Space.Compact>
  );
}
