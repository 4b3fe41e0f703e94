import { Button, Checkbox, Descriptions, Drawer, Flex, Form, Input, Radio, App } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MaskedNumber } from "../../components/MaskedNumber";
import type { CachedBinding } from "../../ipc/bindings/CachedBinding";
import { toAppError, type AppError } from "../../ipc/errors";
import { useModifyBinding } from "../../queries/bindings";
import { DurationInput } from "./DurationInput";
import { DIRECTIONS, modifyValuesOf, toModifyForm, validateModify, type ModifyValues } from "./forms";
import { PlatformAnswer } from "./PlatformAnswer";

interface Props {
  binding: CachedBinding;
  onClose: () => void;
}

/** Changes one binding; only fields that differ from the binding are sent. */
export function ModifyDrawer({ binding, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const modify = useModifyBinding();
  const [v, setV] = useState<ModifyValues>(() => modifyValuesOf(binding));
  const [error, setError] = useState<AppError | null>(null);
  const errors = validateModify(binding.mode, v, modifyValuesOf(binding));
  const set = <K extends keyof ModifyValues>(k: K, value: ModifyValues[K]) => setV((o) => ({ ...o, [k]: value }));
  const item = (k: keyof ModifyValues) => {
    const e = errors[k];
    return e ? { validateStatus: "error" as const, help: t(e as never) } : {};
  };

  const submit = async () => {
    if (Object.keys(errors).length > 0) return;
    setError(null);
    try {
      await modify.mutateAsync(toModifyForm(binding, v));
      void message.success(t("bindings.modify.done"));
      onClose();
    } catch (e) {
      setError(toAppError(e));
    }
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={520}
      destroyOnHidden
      title={t("bindings.modify.title")}
      data-testid="modify-drawer"
      footer={
        <Flex justify="end" gap="small">
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" loading={modify.isPending} onClick={() => void submit()} data-testid="modify-submit">
            {t("bindings.modify.submit")}
          </Button>
        </Flex>
      }
    >
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t("bindings.col.subscription")}>{binding.subscriptionId}</Descriptions.Item>
        <Descriptions.Item label="A">
          <MaskedNumber number={binding.a} context="bindings.modify" id="modify-a" />
        </Descriptions.Item>
        {binding.b && (
          <Descriptions.Item label="B">
            <MaskedNumber number={binding.b} context="bindings.modify" id="modify-b" />
          </Descriptions.Item>
        )}
        <Descriptions.Item label="X">{binding.x}</Descriptions.Item>
      </Descriptions>
      <Form layout="vertical" component="div">
        {binding.mode === "AXB" && (
          <>
            <Form.Item label={t("bindings.modify.newA")} {...item("a")}>
              <Input value={v.a} onChange={(e) => set("a", e.target.value)} placeholder={t("bindings.modify.keep")} data-testid="modify-a" />
            </Form.Item>
            <Form.Item label={t("bindings.modify.newB")} {...item("b")}>
              <Input value={v.b} onChange={(e) => set("b", e.target.value)} placeholder={t("bindings.modify.keep")} data-testid="modify-b" />
            </Form.Item>
          </>
        )}
        {binding.mode !== "AX" && (
          <Form.Item label={t("bindings.form.duration.label")} {...item("duration")} extra={t("bindings.modify.durationHelp")}>
            <DurationInput
              value={v.duration}
              unit={v.unit}
              hoursOnly={binding.mode === "AXE"}
              onChange={(d, u) => setV((o) => ({ ...o, duration: d, unit: u }))}
              testId="modify-duration"
            />
          </Form.Item>
        )}
        {binding.mode !== "AXE" && (
          <Form.Item label={t("bindings.form.direction.label")}>
            <Radio.Group
              value={v.direction}
              onChange={(e) => set("direction", e.target.value as 0 | 1 | 2)}
              options={DIRECTIONS.map((key, d) => ({ value: d, label: t(`bindings.direction.${key}`) }))}
            />
          </Form.Item>
        )}
        <Form.Item>
          <Checkbox checked={v.record ?? false} onChange={(e) => set("record", e.target.checked)}>
            {t("bindings.form.record")}
          </Checkbox>
        </Form.Item>
        <Form.Item label={t("bindings.form.userData")} {...item("userData")}>
          <Input value={v.userData} onChange={(e) => set("userData", e.target.value)} maxLength={256} data-testid="modify-user-data" />
        </Form.Item>
      </Form>
      {error && <PlatformAnswer error={error} testId="modify-error" />}
    </Drawer>
  );
}
