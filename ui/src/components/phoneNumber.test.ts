import { describe, expect, it } from "vitest";
import { maskNumber as callsMask } from "../features/calls/format";
import { maskNumber as bindingsMask } from "../features/bindings/phone";
import { checkPhone, maskNumber } from "./phoneNumber";

describe("maskNumber (same output as the Rust mask_number)", () => {
  it("masks Chinese mobiles whatever the format", () => {
    for (const n of ["+8613800138000", "13800138000", "008613800138000", "+86 138-0013-8000", "138 0013 8000", "8613800138000"]) {
      expect(maskNumber(n), n).toBe("+86 138****8000");
    }
  });

  it("keeps the area code of fixed lines", () => {
    expect(maskNumber("+8675512345678")).toBe("+86 755****5678");
    expect(maskNumber("075528880001")).toBe("+86 755****0001");
    expect(maskNumber("+867558881234")).toBe("+86 755***1234");
    expect(maskNumber("+861012345678")).toBe("+86 10****5678");
    expect(maskNumber("01065529988")).toBe("+86 10****9988");
    expect(maskNumber("02112345678")).toBe("+86 21****5678");
    expect(maskNumber("+86 (0)755 2888 0001")).toBe("+86 755****0001");
  });

  it("keeps 3 digits of service numbers", () => {
    expect(maskNumber("4001234567")).toBe("+86 400***4567");
    expect(maskNumber("95588")).toBe("+86 95588");
  });

  it("hides the middle of other values and all of short ones", () => {
    expect(maskNumber("+14155550100")).toBe("+14*****0100");
    expect(maskNumber("12345")).toBe("*****");
    expect(maskNumber("sub-1")).toBe("*****");
    expect(maskNumber("1234567")).toBe("*******");
    expect(maskNumber("12345678")).toBe("123*5678");
    expect(maskNumber("+86 138 0013 800")).toBe("+86********* 800");
  });

  it("gives nothing for nothing", () => {
    expect(maskNumber(null)).toBe("");
    expect(maskNumber(undefined)).toBe("");
    expect(maskNumber("")).toBe("");
  });

  it("is the one implementation behind the old import paths", () => {
    expect(callsMask).toBe(maskNumber);
    expect(bindingsMask).toBe(maskNumber);
  });
});

describe("checkPhone", () => {
  it("normalises and explains", () => {
    expect(checkPhone(" 138-0013-8000 ")).toEqual({ ok: true, e164: "+8613800138000" });
    expect(checkPhone("+1 415 555 0100")).toEqual({ ok: false, reason: "country" });
    expect(checkPhone("1380013800")).toEqual({ ok: false, reason: "length" });
    expect(checkPhone("12000138000")).toEqual({ ok: false, reason: "prefix" });
    expect(checkPhone("138x")).toEqual({ ok: false, reason: "character" });
    expect(checkPhone("  ")).toEqual({ ok: false, reason: "empty" });
  });
});
