/**
 * Form values of the bind / modify forms, their validation as the user types (i18n keys), and the typed
 * requests they become. Limits mirror the API client's checks (api/src/validate.rs and the mode modules).
 */
import type { BindForm } from "../../ipc/bindings/BindForm";
import type { CachedBinding } from "../../ipc/bindings/CachedBinding";
import type { Mode } from "../../ipc/bindings/Mode";
import type { ModifyForm } from "../../ipc/bindings/ModifyForm";
import type { XScope } from "../../ipc/bindings/XScope";
import { checkPhone } from "./phone";

/** AXB and AXYB bindings last at most 90 days; AXYB needs at least a minute when set. */
export const MAX_DURATION_SECS = 7_776_000;
export const AXYB_MIN_DURATION_SECS = 60;
export const UNIT_SECS = { minutes: 60, hours: 3600, days: 86_400 } as const;
export type DurationUnit = keyof typeof UNIT_SECS;

/** i18n ids of the platform's callDirection 0, 1, 2. */
export const DIRECTIONS = ["both", "aToB", "bToA"] as const;

/** How X is chosen: by the platform, typed, or by Maskline from a pool or a city (least-used X). */
export type XChoice = "platform" | "typed" | "pool" | "city";

export interface BindValues {
  a: string;
  b: string;
  xChoice: XChoice;
  x: string;
  pool: string;
  city: string;
  areaCode: string;
  yAreaCode: string;
  extension: string;
  /** Empty = never expires. In `unit` (AXE: always hours). */
  duration: string;
  unit: DurationUnit;
  direction: 0 | 1 | 2;
  record: boolean;
  /** AX only: bind with the private number switched off (turnFlag "off"). */
  switchedOff: boolean;
  userData: string;
}

export const emptyBind: BindValues = {
  a: "",
  b: "",
  xChoice: "platform",
  x: "",
  pool: "",
  city: "",
  areaCode: "",
  yAreaCode: "",
  extension: "",
  duration: "",
  unit: "hours",
  direction: 0,
  record: false,
  switchedOff: false,
  userData: "",
};

export type Errors<T> = Partial<Record<keyof T, string>>;

const needsB = (mode: Mode) => mode === "AXB" || mode === "AXYB";
export const canChooseX = (mode: Mode) => mode !== "AXYB";
/** AX and AXE binds name the X or an area code for the platform to pick one in (API reference 5.1, 6.1). */
export const needsAreaCode = (mode: Mode, v: Pick<BindValues, "xChoice">) =>
  (mode === "AX" || mode === "AXE") && v.xChoice === "platform";
const AREA = /^0\d{2,3}$/;

function phoneError(value: string, required: boolean): string | undefined {
  if (!value.trim()) return required ? "bindings.form.errors.required" : undefined;
  const c = checkPhone(value);
  return c.ok ? undefined : `bindings.form.errors.phone.${c.reason}`;
}

/** Seconds from the typed amount, or null when empty; NaN when not a whole, non-negative amount. */
export function durationSecs(v: { duration: string; unit: DurationUnit }): number | null {
  const s = v.duration.trim();
  if (!s) return null;
  if (!/^\d+(\.\d+)?$/.test(s)) return Number.NaN;
  return Math.round(Number(s) * UNIT_SECS[v.unit]);
}

function durationError(mode: Mode, v: { duration: string; unit: DurationUnit }): string | undefined {
  if (mode === "AXE") {
    if (!v.duration.trim()) return undefined;
    return /^\d+$/.test(v.duration.trim()) ? undefined : "bindings.form.errors.hours";
  }
  const secs = durationSecs(v);
  if (secs === null || secs === 0) return undefined;
  if (Number.isNaN(secs)) return "bindings.form.errors.duration";
  if (secs > MAX_DURATION_SECS) return "bindings.form.errors.durationMax";
  if (mode === "AXYB" && secs < AXYB_MIN_DURATION_SECS) return "bindings.form.errors.durationMin";
  return undefined;
}

/** Field → i18n key of what is wrong; empty when the form can be sent. */
export function validateBind(mode: Mode, v: BindValues): Errors<BindValues> {
  const e: Errors<BindValues> = {};
  e.a = phoneError(v.a, true);
  if (needsB(mode)) {
    e.b = phoneError(v.b, true);
    const a = checkPhone(v.a);
    const b = checkPhone(v.b);
    if (!e.b && a.ok && b.ok && a.e164 === b.e164) e.b = "bindings.form.errors.sameAB";
  }
  if (canChooseX(mode)) {
    if (v.xChoice === "typed") {
      e.x = phoneError(v.x, true);
      const x = checkPhone(v.x);
      if (!e.x && x.ok && !/^\+861[3-9]/.test(x.e164)) e.x = "bindings.form.errors.xMobile";
    }
    if (v.xChoice === "pool" && !v.pool.trim()) e.pool = "bindings.form.errors.required";
    if (v.xChoice === "city" && !AREA.test(v.city.trim())) e.city = "bindings.form.errors.areaCode";
  }
  if (v.areaCode.trim() && !AREA.test(v.areaCode.trim())) e.areaCode = "bindings.form.errors.areaCode";
  else if (!v.areaCode.trim() && needsAreaCode(mode, v)) e.areaCode = "bindings.form.errors.areaCodeNeeded";
  if (v.yAreaCode.trim() && !AREA.test(v.yAreaCode.trim())) e.yAreaCode = "bindings.form.errors.areaCode";
  if (mode === "AXE" && v.extension.trim() && !/^\d{1,4}$/.test(v.extension.trim())) {
    e.extension = "bindings.form.errors.extension";
  }
  e.duration = durationError(mode, v);
  if (new TextEncoder().encode(v.userData).length > 256) e.userData = "bindings.form.errors.userData";
  return Object.fromEntries(Object.entries(e).filter(([, m]) => m)) as Errors<BindValues>;
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);
const e164 = (s: string) => {
  const c = checkPhone(s);
  return c.ok ? c.e164 : s.trim();
};

function xOf(v: BindValues): { x: string | null; xScope: XScope | null } {
  switch (v.xChoice) {
    case "typed":
      return { x: e164(v.x), xScope: null };
    case "pool":
      return { x: null, xScope: { kind: "pool", value: v.pool.trim() } };
    case "city":
      return { x: null, xScope: { kind: "city", value: v.city.trim() } };
    default:
      return { x: null, xScope: null };
  }
}

/** The request for a valid form. */
export function toBindForm(mode: Mode, v: BindValues): BindForm {
  const common = {
    areaCode: orNull(v.areaCode),
    record: v.record || null,
    recordHintTone: null,
    userData: orNull(v.userData),
  };
  const secs = durationSecs(v);
  switch (mode) {
    case "AXB":
      return { mode, a: e164(v.a), b: e164(v.b), ...xOf(v), ...common, durationSecs: secs, direction: v.direction };
    case "AX":
      return { mode, a: e164(v.a), ...xOf(v), ...common, direction: v.direction, switchedOff: v.switchedOff || null };
    case "AXE":
      return {
        mode,
        a: e164(v.a),
        ...xOf(v),
        ...common,
        extension: orNull(v.extension),
        durationHours: v.duration.trim() ? Number(v.duration.trim()) : null,
      };
    case "AXYB":
      return {
        mode,
        a: e164(v.a),
        b: e164(v.b),
        ...common,
        yAreaCode: orNull(v.yAreaCode),
        durationSecs: secs,
        direction: v.direction,
      };
  }
}

/** The bind request that recreates an unbound binding with the same parameters (the Undo of an unbind). */
export function rebindForm(b: CachedBinding): BindForm {
  const common = { areaCode: null, record: b.record, recordHintTone: null, userData: b.userData };
  const secs = b.durationSecs && b.durationSecs > 0 ? b.durationSecs : null;
  const direction = b.direction;
  switch (b.mode) {
    case "AXB":
      return { mode: "AXB", a: b.a ?? "", b: b.b ?? "", x: b.x, xScope: null, ...common, durationSecs: secs, direction };
    case "AX":
      return { mode: "AX", a: b.a ?? "", x: b.x, xScope: null, ...common, direction, switchedOff: null };
    case "AXE":
      return {
        mode: "AXE",
        a: b.a ?? "",
        x: b.x,
        xScope: null,
        ...common,
        extension: b.extension,
        durationHours: secs === null ? null : Math.max(1, Math.round(secs / 3600)),
      };
    case "AXYB":
      return { mode: "AXYB", a: b.a ?? "", b: b.b ?? "", ...common, yAreaCode: null, durationSecs: secs, direction };
  }
}

export interface ModifyValues {
  a: string;
  b: string;
  duration: string;
  unit: DurationUnit;
  direction: 0 | 1 | 2 | null;
  record: boolean | null;
  userData: string;
}

export const canModify = (mode: Mode) => mode !== "AXYB";

/** Starts from the binding's current values, so an untouched field is not sent. */
export function modifyValuesOf(b: CachedBinding): ModifyValues {
  const secs = b.durationSecs ?? 0;
  const hours = secs > 0 && secs % 3600 === 0;
  return {
    a: "",
    b: "",
    duration: secs > 0 ? String(b.mode === "AXE" || hours ? secs / 3600 : secs / 60) : "",
    unit: b.mode === "AXE" || hours ? "hours" : "minutes",
    direction: b.direction === 0 || b.direction === 1 || b.direction === 2 ? b.direction : null,
    record: b.record,
    userData: b.userData ?? "",
  };
}

/**
 * `before`: the binding's current values. An untouched duration is not checked: an AXE binding
 * the platform reports in minutes (timeUnit "1", e.g. 90 min = 1.5 h) cannot be typed in the
 * form's whole hours, but it is not sent either unless changed.
 */
export function validateModify(mode: Mode, v: ModifyValues, before?: ModifyValues): Errors<ModifyValues> {
  const e: Errors<ModifyValues> = {};
  if (mode === "AXB") {
    e.a = phoneError(v.a, false);
    e.b = phoneError(v.b, false);
  }
  const untouched = before !== undefined && v.duration === before.duration && v.unit === before.unit;
  if (!untouched) e.duration = durationError(mode, v);
  if (new TextEncoder().encode(v.userData).length > 256) e.userData = "bindings.form.errors.userData";
  return Object.fromEntries(Object.entries(e).filter(([, m]) => m)) as Errors<ModifyValues>;
}

/** Only what differs from the binding is sent (null = unchanged). */
export function toModifyForm(b: CachedBinding, v: ModifyValues): ModifyForm {
  const before = modifyValuesOf(b);
  const changed = <T>(now: T, was: T): T | null => (now === was ? null : now);
  const userData = changed(v.userData, before.userData);
  const record = changed(v.record, before.record);
  const durationChanged = v.duration !== before.duration || v.unit !== before.unit;
  const id = b.subscriptionId;
  switch (b.mode) {
    case "AXB":
      return {
        mode: "AXB",
        subscriptionId: id,
        a: v.a.trim() ? e164(v.a) : null,
        b: v.b.trim() ? e164(v.b) : null,
        durationSecs: durationChanged ? (durationSecs(v) ?? 0) : null,
        direction: changed(v.direction, before.direction),
        record,
        userData,
      };
    case "AX":
      return { mode: "AX", subscriptionId: id, direction: changed(v.direction, before.direction), record, userData };
    default:
      return {
        mode: "AXE",
        subscriptionId: id,
        durationHours: durationChanged ? Number(v.duration.trim() || "0") : null,
        record,
        userData,
      };
  }
}
