import { describe, expect, it } from "vitest";
import { formatDuration, formatTime, maskNumber, offsetLabel } from "./format";

describe("number masking (same as exports)", () => {
  it("masks Chinese mobiles whatever the format", () => {
    for (const n of ["+8613800138000", "13800138000", "008613800138000", "+86 138-0013-8000", "138 0013 8000"]) {
      expect(maskNumber(n), n).toBe("+86 138****8000");
    }
  });

  it("keeps the area code of fixed lines", () => {
    expect(maskNumber("+8675512345678")).toBe("+86 755****5678");
    expect(maskNumber("+861012345678")).toBe("+86 10****5678");
    expect(maskNumber("02112345678")).toBe("+86 21****5678");
  });

  it("hides the middle of other numbers and all of short ones", () => {
    expect(maskNumber("+14155550100")).toBe("+14*****0100");
    expect(maskNumber("12345")).toBe("*****");
  });
});

describe("time zones", () => {
  it("labels offsets like the exports do", () => {
    expect(offsetLabel(480)).toBe("UTC+08:00");
    expect(offsetLabel(0)).toBe("UTC+00:00");
    expect(offsetLabel(-300)).toBe("UTC-05:00");
    expect(offsetLabel(330)).toBe("UTC+05:30");
    expect(offsetLabel(-570)).toBe("UTC-09:30");
  });

  it("shows UTC epoch seconds in the given offset", () => {
    const t = Date.UTC(2022, 4, 13, 5, 24, 57) / 1000; // the documented CDR's callInTime (UTC)
    expect(formatTime(t, 0)).toBe("2022-05-13 05:24:57");
    expect(formatTime(t, 480)).toBe("2022-05-13 13:24:57");
    expect(formatTime(t, -420), "crosses midnight backwards").toBe("2022-05-12 22:24:57");
  });

  it("formats talk time", () => {
    expect(formatDuration(42)).toBe("0:42");
    expect(formatDuration(725)).toBe("12:05");
    expect(formatDuration(3723)).toBe("1:02:03");
  });
});
