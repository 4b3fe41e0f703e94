import { describe, expect, it } from "vitest";
import { isAppError, toAppError } from "./errors";

describe("AppError guard", () => {
  it("accepts the serialized backend error and nothing else", () => {
    expect(isAppError({ code: "notFound", message: "no such binding" })).toBe(true);
    expect(isAppError({ code: "teapot", message: "unknown code" })).toBe(false);
    expect(isAppError({ code: "internal" })).toBe(false);
    expect(isAppError("internal")).toBe(false);
    expect(isAppError(null)).toBe(false);
  });

  it("turns anything thrown into an AppError", () => {
    expect(toAppError({ code: "noBackup", message: "x" })).toEqual({ code: "noBackup", message: "x" });
    expect(toAppError(new Error("boom"))).toEqual({ code: "internal", message: "boom" });
    expect(toAppError("plain string")).toEqual({ code: "internal", message: "plain string" });
    expect(toAppError({ code: "teapot", message: "newer backend" })).toEqual({ code: "internal", message: "newer backend" });
    expect(toAppError(42)).toEqual({ code: "internal", message: "42" });
  });
});
