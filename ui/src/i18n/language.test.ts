import { describe, expect, it } from "vitest";
import { resolveLanguage } from "./language";

describe("resolveLanguage", () => {
  it.each([
    ["zh-CN", "zh-CN"],
    ["zh_CN.UTF-8", "zh-CN"],
    ["zh_CN", "zh-CN"],
    ["zh-Hans-CN", "zh-CN"],
    ["zh_TW.UTF-8", "zh-CN"],
    ["zh", "zh-CN"],
    ["en-US", "en"],
    ["en_GB.UTF-8", "en"],
    ["de-DE", "en"],
    ["C", "en"],
    ["", "en"],
    ["zu-ZA", "en"], // Zulu starts with "z" but is not Chinese.
  ])("auto with OS locale %j renders %s", (os, expected) => {
    expect(resolveLanguage("auto", os)).toBe(expected);
  });

  it("falls back to English when the OS locale is unknown", () => {
    expect(resolveLanguage("auto", undefined)).toBe("en");
    expect(resolveLanguage(undefined, undefined)).toBe("en");
  });

  it("a saved choice wins over the OS locale", () => {
    expect(resolveLanguage("en", "zh_CN.UTF-8")).toBe("en");
    expect(resolveLanguage("zh-CN", "en-US")).toBe("zh-CN");
  });
});
