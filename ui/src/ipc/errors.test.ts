import { describe, expect, it } from "vitest";
import { isAppError, toAppError } from "./errors";

describe("AppError guard", () => {
  it("accepts the serialized backend error and nothing else", () => {
    expect(isAppError({ code: "notFound", message: { en: "no such binding", zh: "没有该绑定" } })).toBe(true);
    expect(isAppError({ code: "teapot", message: { en: "unknown code", zh: "未知代码" } })).toBe(false);
    expect(isAppError({ code: "internal" })).toBe(false);
    expect(isAppError("internal")).toBe(false);
    expect(isAppError(null)).toBe(false);
  });

  it("turns anything thrown into an AppError", () => {
    expect(toAppError({ code: "noBackup", message: { en: "x", zh: "x" } })).toEqual({ code: "noBackup", message: { en: "x", zh: "x" } });
    expect(toAppError(new Error("boom"))).toEqual({ code: "internal", message: { en: "boom", zh: "boom" } });
    expect(toAppError("plain string")).toEqual({ code: "internal", message: { en: "plain string", zh: "plain string" } });
    expect(toAppError({ code: "teapot", message: "newer backend" })).toEqual({ code: "internal", message: { en: "newer backend", zh: "newer backend" } });
    expect(toAppError(42)).toEqual({ code: "internal", message: { en: "42", zh: "42" } });
  });
});
