import { Alert, App, Button, Checkbox, Drawer, Flex, Form, Input, Radio, Select, Steps } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Mode } from "../../ipc/bindings/Mode";
import { toAppError, type AppError } from "../../ipc/errors";
import { useBind } from "../../queries/bindings";
import { useChosenX, usePools } from "../../queries/numbers";
import { DurationInput } from "./DurationInput";
import {
  canChooseX,
  DIRECTIONS,
  emptyBind,
  needsAreaCode,
  toBindForm,
  validateBind,
  type BindValues,
  type Errors,
  type XChoice,
} from "./forms";
import { maskNumber } from "./phone";
import { PlatformAnswer } from "./PlatformAnswer";

interface Props {
  open: boolean;
  mode: Mode;
  onClose: () => void;
}

const AXYB_STEP1: (keyof BindValues)[] = ["a", "areaCode", "duration", "userData"];

/** A new binding in the active account's mode. Fields are checked as the user types; AXYB goes in two steps. */
export function BindDrawer({ open, mode, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const bind = useBind();
  const pools = usePools();
  const [v, setV] = useState<BindValues>(emptyBind);
  const [touched, setTouched] = useState<Set<keyof BindValues>>(new Set());
  const [step, setStep] = useState(0);
  const [error, setError] = useState<AppError | null>(null);
  const errors = validateBind(mode, v);
  const isAxyb = mode === "AXYB";
  // Preview of the X Maskline will pick (the bind itself picks again, so a race cannot double-book).
  const form = toBindForm(mode, v);
  const scopeReady =
    (v.xChoice === "pool" || v.xChoice === "city") && !errors.a && !errors.b && !errors.pool && !errors.city;
  const chosen = useChosenX(
    scopeReady && "xScope" in form ? form.xScope : null,
    scopeReady ? form.a : null,
    scopeReady && "b" in form ? form.b : null,
  );

  const set = <K extends keyof BindValues>(k: K, value: BindValues[K]) => {
    setV((old) => ({ ...old, [k]: value }));
    setTouched((old) => new Set(old).add(k));
  };
  const shown = (k: keyof BindValues) => (touched.has(k) ? errors[k] : undefined);
  const item = (k: keyof BindValues) => {
    const e = shown(k);
    return e ? { validateStatus: "error" as const, help: t(e as never) } : {};
  };
  const close = () => {
    setV(emptyBind);
    setTouched(new Set());
    setStep(0);
    setError(null);
    onClose();
  };
  const touchAll = (keys: (keyof BindValues)[]) => setTouched(new Set([...touched, ...keys]));
  const hasErrors = (e: Errors<BindValues>, keys?: (keyof BindValues)[]) =>
    Object.keys(e).some((k) => !keys || keys.includes(k as keyof BindValues));

  const submit = async () => {
    touchAll(Object.keys(emptyBind) as (keyof BindValues)[]);
    if (hasErrors(errors)) return;
    setError(null);
    try {
      const out = await bind.mutateAsync(toBindForm(mode, v));
      void message.success({
        content: t("bindings.bind.done", { x: out.x ?? "—", id: out.subscriptionId }),
        key: "bind-done",
      });
      close();
    } catch (e) {
      setError(toAppError(e));
    }
  };

  const next = () => {
    touchAll(AXYB_STEP1);
    if (!hasErrors(errors, AXYB_STEP1)) setStep(1);
  };

  const aSide = (
    <>
      <Form.Item label={t("bindings.form.a.label")} required {...item("a")} extra={t("bindings.form.a.help")}>
        <Input value={v.a} onChange={(e) => set("a", e.target.value)} data-testid="bind-a" autoFocus />
      </Form.Item>
    </>
  );
  const bSide = (
    <Form.Item label={t("bindings.form.b.label")} required {...item("b")}>
      <Input value={v.b} onChange={(e) => set("b", e.target.value)} data-testid="bind-b" />
    </Form.Item>
  );

  const xChoices: XChoice[] = ["platform", "pool", "city", "typed"];
  const xSide = canChooseX(mode) && (
    <>
      <Form.Item label={t("bindings.form.x.label")} extra={t(`bindings.form.x.help.${v.xChoice}`)}>
        <Radio.Group value={v.xChoice} onChange={(e) => set("xChoice", e.target.value as XChoice)}>
          {xChoices.map((c) => (
            <Radio.Button key={c} value={c} data-testid={`bind-x-${c}`}>
              {t(`bindings.form.x.${c}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {v.xChoice === "typed" && (
        <Form.Item label="X" required {...item("x")}>
          <Input value={v.x} onChange={(e) => set("x", e.target.value)} data-testid="bind-x" />
        </Form.Item>
      )}
      {v.xChoice === "pool" && (
        <Form.Item label={t("bindings.form.pool")} required {...item("pool")}>
          <Select
            value={v.pool || undefined}
            onChange={(p: string) => set("pool", p)}
            options={(pools.data ?? []).map((p) => ({ value: p.name, label: `${p.name} (${p.numbers})` }))}
            placeholder={t("bindings.form.poolPlaceholder")}
            notFoundContent={t("bindings.form.noPools")}
            data-testid="bind-pool"
          />
        </Form.Item>
      )}
      {v.xChoice === "city" && (
        <Form.Item label={t("bindings.form.city")} required {...item("city")}>
          <Input value={v.city} placeholder="0755" onChange={(e) => set("city", e.target.value)} data-testid="bind-city" />
        </Form.Item>
      )}
      {scopeReady && chosen.data !== undefined && (
        <Alert
          type={chosen.data ? "success" : "warning"}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="bind-x-preview"
          title={chosen.data ? t("bindings.form.x.preview", { x: chosen.data }) : t("bindings.form.x.noneFree")}
        />
      )}
      {v.xChoice === "platform" && (
        <Form.Item
          label={t(needsAreaCode(mode, v) ? "bindings.form.areaCodeRequired" : "bindings.form.areaCode")}
          required={needsAreaCode(mode, v)}
          {...item("areaCode")}
        >
          <Input value={v.areaCode} placeholder="0755" onChange={(e) => set("areaCode", e.target.value)} data-testid="bind-area" />
        </Form.Item>
      )}
    </>
  );

  const options = (
    <>
      {mode === "AXE" && (
        <Form.Item label={t("bindings.form.extension")} {...item("extension")} extra={t("bindings.form.extensionHelp")}>
          <Input value={v.extension} onChange={(e) => set("extension", e.target.value)} data-testid="bind-extension" />
        </Form.Item>
      )}
      <Form.Item label={t("bindings.form.duration.label")} {...item("duration")}>
        <DurationInput
          value={v.duration}
          unit={mode === "AXE" ? "hours" : v.unit}
          hoursOnly={mode === "AXE"}
          onChange={(d, u) => {
            set("duration", d);
            set("unit", u);
          }}
          testId="bind-duration"
        />
      </Form.Item>
      {mode !== "AXE" && (
        <Form.Item label={t("bindings.form.direction.label")}>
          <Radio.Group
            value={v.direction}
            onChange={(e) => set("direction", e.target.value as 0 | 1 | 2)}
            options={DIRECTIONS.map((key, d) => ({ value: d, label: t(`bindings.direction.${key}`) }))}
          />
        </Form.Item>
      )}
      <Form.Item>
        <Checkbox checked={v.record} onChange={(e) => set("record", e.target.checked)}>
          {t("bindings.form.record")}
        </Checkbox>
      </Form.Item>
      {mode === "AX" && (
        <Form.Item extra={t("bindings.form.switchedOffHelp")}>
          <Checkbox
            checked={v.switchedOff}
            onChange={(e) => set("switchedOff", e.target.checked)}
            data-testid="bind-switched-off"
          >
            {t("bindings.form.switchedOff")}
          </Checkbox>
        </Form.Item>
      )}
      <Form.Item label={t("bindings.form.userData")} {...item("userData")}>
        <Input value={v.userData} onChange={(e) => set("userData", e.target.value)} maxLength={256} data-testid="bind-user-data" />
      </Form.Item>
    </>
  );

  let body;
  if (isAxyb) {
    body = (
      <>
        <Steps
          size="small"
          current={step}
          style={{ marginBottom: 24 }}
          items={[{ title: t("bindings.form.axyb.aSide") }, { title: t("bindings.form.axyb.bSide") }]}
        />
        {step === 0 ? (
          <>
            <Alert type="info" showIcon title={t("bindings.form.axyb.aSideHelp")} style={{ marginBottom: 16 }} />
            {aSide}
            <Form.Item label={t("bindings.form.areaCodeX")} {...item("areaCode")}>
              <Input value={v.areaCode} placeholder="0755" onChange={(e) => set("areaCode", e.target.value)} />
            </Form.Item>
            {options}
          </>
        ) : (
          <>
            <Alert
              type="info"
              showIcon
              title={t("bindings.form.axyb.bSideHelp", { a: maskNumber(form.a) })}
              style={{ marginBottom: 16 }}
            />
            {bSide}
            <Form.Item label={t("bindings.form.areaCodeY")} {...item("yAreaCode")}>
              <Input value={v.yAreaCode} placeholder="010" onChange={(e) => set("yAreaCode", e.target.value)} />
            </Form.Item>
          </>
        )}
      </>
    );
  } else {
    body = (
      <>
        {aSide}
        {mode === "AXB" && bSide}
        {xSide}
        {options}
      </>
    );
  }

  const footer =
    isAxyb && step === 0 ? (
      <Flex justify="end" gap="small">
        <Button onClick={close}>{t("common.cancel")}</Button>
        <Button type="primary" onClick={next} data-testid="bind-next">
          {t("bindings.form.axyb.next")}
        </Button>
      </Flex>
    ) : (
      <Flex justify="end" gap="small">
        {isAxyb && <Button onClick={() => setStep(0)}>{t("bindings.form.axyb.back")}</Button>}
        <Button onClick={close}>{t("common.cancel")}</Button>
        <Button type="primary" loading={bind.isPending} onClick={() => void submit()} data-testid="bind-submit">
          {t("bindings.bind.submit")}
        </Button>
      </Flex>
    );

  return (
    <Drawer
      open={open}
      onClose={close}
      size={520}
      destroyOnHidden
      title={t("bindings.bind.title", { mode })}
      footer={footer}
      data-testid="bind-drawer"
    >
      <Form layout="vertical" component="div">
        {body}
      </Form>
      {error && <PlatformAnswer error={error} testId="bind-error" />}
    </Drawer>
  );
}
