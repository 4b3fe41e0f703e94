import { describe, expect, it } from "vitest";
import { checkPhone, maskNumber } from "./phone";

describe("checkPhone mirrors the backend rules", () => {
  it.each([
    ["138 0013 8000", "+8613800138000"],
    ["+86 138-0013-8000", "+8613800138000"],
    ["008613800138000", "+8613800138000"],
    ["8613800138000", "+8613800138000"],
    ["0755 8888 1234", "+867558888123" + "4"],
    ["010 1234 5678", "+861012345678"],
    ["4001234567", "+864001234567"],
  ])("accepts %s", (input, e164) => {
    expect(checkPhone(input)).toEqual({ ok: true, e164 });
  });

  it.each([
    ["", "empty"],
    ["138x0013", "character"],
    ["+1 415 555 0100", "country"],
    ["1380013800", "length"],
    ["12800138000", "prefix"],
  ])("refuses %s (%s)", (input, reason) => {
    expect(checkPhone(input)).toEqual({ ok: false, reason });
  });
});

describe("maskNumber", () => {
  it("hides the middle of mobiles and keeps a fixed line's area code", () => {
    expect(maskNumber("+8613800138000")).toBe("+86 138****8000");
    expect(maskNumber("+867558881234")).toBe("+86 755***1234");
    expect(maskNumber("+861012345678")).toBe("+86 10****5678");
  });
  it("gives nothing for nothing and hides other values like the backend does", () => {
    expect(maskNumber(null)).toBe("");
    expect(maskNumber("sub-1")).toBe("*****");
  });
});
