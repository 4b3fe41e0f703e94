import { describe, expect, it } from "vitest";
import type { CachedBinding } from "../../ipc/bindings/CachedBinding";
import {
  emptyBind,
  modifyValuesOf,
  rebindForm,
  toBindForm,
  toModifyForm,
  validateBind,
  validateModify,
  type BindValues,
} from "./forms";

const v = (over: Partial<BindValues>): BindValues => ({ ...emptyBind, ...over });

const binding: CachedBinding = {
  id: 1,
  accountId: 1,
  mode: "AXB",
  subscriptionId: "sub-1",
  a: "+8613800138000",
  b: "+8613900139000",
  x: "+8617000100000",
  y: null,
  extension: null,
  direction: 0,
  durationSecs: 7200,
  expiresAt: "2026-11-25T12:00:00Z",
  record: true,
  userData: "order 42",
  status: "active",
  city: "0755",
  boundAt: "2026-11-25T10:00:00Z",
  lastSyncedAt: null,
};

describe("validateBind", () => {
  it("asks for A and B in AXB and says what is wrong with a number", () => {
    expect(validateBind("AXB", v({}))).toMatchObject({
      a: "bindings.form.errors.required",
      b: "bindings.form.errors.required",
    });
    expect(validateBind("AXB", v({ a: "1380013800", b: "+1 415 555 0100" }))).toMatchObject({
      a: "bindings.form.errors.phone.length",
      b: "bindings.form.errors.phone.country",
    });
    expect(validateBind("AXB", v({ a: "13800138000", b: "+86 138 0013 8000" })).b).toBe("bindings.form.errors.sameAB");
  });

  it("does not ask for B in AX and AXE", () => {
    expect(validateBind("AX", v({ a: "13800138000", areaCode: "0755" }))).toEqual({});
    expect(validateBind("AXE", v({ a: "13800138000", areaCode: "010" }))).toEqual({});
  });

  it("asks AX and AXE for an area code when the platform picks X (the API needs X or an area code)", () => {
    for (const mode of ["AX", "AXE"] as const) {
      expect(validateBind(mode, v({ a: "13800138000" })).areaCode).toBe("bindings.form.errors.areaCodeNeeded");
      expect(validateBind(mode, v({ a: "13800138000", xChoice: "typed", x: "+8617100100000" }))).toEqual({});
    }
    expect(validateBind("AXB", v({ a: "13800138000", b: "13900139000" }))).toEqual({});
  });

  it("checks durations against the mode's limits", () => {
    const ok = v({ a: "13800138000", b: "13900139000" });
    expect(validateBind("AXB", { ...ok, duration: "90", unit: "days" })).toEqual({});
    expect(validateBind("AXB", { ...ok, duration: "91", unit: "days" }).duration).toBe("bindings.form.errors.durationMax");
    expect(validateBind("AXB", { ...ok, duration: "two", unit: "hours" }).duration).toBe("bindings.form.errors.duration");
    expect(validateBind("AXYB", { ...ok, duration: "0.5", unit: "minutes" }).duration).toBe(
      "bindings.form.errors.durationMin",
    );
    expect(validateBind("AXE", v({ a: "13800138000", duration: "1.5" })).duration).toBe("bindings.form.errors.hours");
  });

  it("checks the AXE extension, area codes and the X choice", () => {
    const a = { a: "13800138000" };
    expect(validateBind("AXE", v({ ...a, extension: "12345" })).extension).toBe("bindings.form.errors.extension");
    expect(validateBind("AXE", v({ ...a, areaCode: "0755", extension: "0012" }))).toEqual({});
    expect(validateBind("AX", v({ ...a, areaCode: "755" })).areaCode).toBe("bindings.form.errors.areaCode");
    expect(validateBind("AX", v({ ...a, xChoice: "pool" })).pool).toBe("bindings.form.errors.required");
    expect(validateBind("AX", v({ ...a, xChoice: "city", city: "0755" }))).toEqual({});
    expect(validateBind("AX", v({ ...a, xChoice: "typed", x: "0755 8888 1234" })).x).toBe("bindings.form.errors.xMobile");
  });
});

describe("toBindForm", () => {
  it("normalises numbers, converts durations and carries the X scope", () => {
    const form = toBindForm(
      "AXB",
      v({ a: "138 0013 8000", b: "139-0013-9000", xChoice: "pool", pool: "main", duration: "2", unit: "hours" }),
    );
    expect(form).toMatchObject({
      mode: "AXB",
      a: "+8613800138000",
      b: "+8613900139000",
      x: null,
      xScope: { kind: "pool", value: "main" },
      durationSecs: 7200,
      direction: 0,
    });
  });

  it("sends AX switched off only when asked (turnFlag off); other modes never carry it", () => {
    const a = { a: "13800138000", areaCode: "0755" };
    expect(toBindForm("AX", v({ ...a, switchedOff: true }))).toMatchObject({ mode: "AX", switchedOff: true });
    expect(toBindForm("AX", v(a))).toMatchObject({ mode: "AX", switchedOff: null });
    expect(toBindForm("AXB", v({ ...a, b: "13900139000", switchedOff: true }))).not.toHaveProperty("switchedOff");
  });

  it("sends AXE durations in hours and AXYB's Y area code", () => {
    expect(toBindForm("AXE", v({ a: "13800138000", extension: "12", duration: "24" }))).toMatchObject({
      mode: "AXE",
      extension: "12",
      durationHours: 24,
    });
    expect(toBindForm("AXYB", v({ a: "13800138000", b: "13900139000", yAreaCode: "010" }))).toMatchObject({
      mode: "AXYB",
      yAreaCode: "010",
    });
  });
});

describe("undo of an unbind", () => {
  it("re-binds the same A, B and X with the same duration, direction, recording and user data", () => {
    expect(rebindForm(binding)).toEqual({
      mode: "AXB",
      a: "+8613800138000",
      b: "+8613900139000",
      x: "+8617000100000",
      xScope: null,
      areaCode: null,
      durationSecs: 7200,
      direction: 0,
      record: true,
      recordHintTone: null,
      userData: "order 42",
    });
  });
  it("keeps the AXE extension", () => {
    const axe = { ...binding, mode: "AXE" as const, b: null, extension: "12", durationSecs: 86_400 };
    expect(rebindForm(axe)).toMatchObject({ mode: "AXE", extension: "12", durationHours: 24 });
  });
});

describe("modify", () => {
  it("sends only what changed", () => {
    const before = modifyValuesOf(binding);
    expect(before).toMatchObject({ duration: "2", unit: "hours", record: true, userData: "order 42" });
    expect(toModifyForm(binding, before)).toEqual({
      mode: "AXB",
      subscriptionId: "sub-1",
      a: null,
      b: null,
      durationSecs: null,
      direction: null,
      record: null,
      userData: null,
    });
    expect(toModifyForm(binding, { ...before, duration: "3", b: "13700137000" })).toMatchObject({
      b: "+8613700137000",
      durationSecs: 10_800,
    });
  });
  it("lets an AXE binding kept in minutes be modified without retyping its lifetime", () => {
    // Synced from a platform answer with timeUnit "1": 90 minutes.
    const axe: CachedBinding = { ...binding, mode: "AXE", b: null, durationSecs: 5400 };
    const before = modifyValuesOf(axe);
    expect(before.duration).toBe("1.5");
    const v = { ...before, userData: "changed" };
    expect(validateModify("AXE", v, before)).toEqual({});
    expect(toModifyForm(axe, v)).toMatchObject({ mode: "AXE", durationHours: null, userData: "changed" });
    expect(validateModify("AXE", { ...before, duration: "2.5" }, before).duration).toBe("bindings.form.errors.hours");
  });

  it("validates new numbers only when typed", () => {
    expect(validateModify("AXB", modifyValuesOf(binding))).toEqual({});
    expect(validateModify("AXB", { ...modifyValuesOf(binding), a: "123" }).a).toBe("bindings.form.errors.phone.length");
  });
});
