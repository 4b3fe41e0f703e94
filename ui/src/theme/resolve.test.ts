import { describe, expect, it } from "vitest";
import { resolveTheme } from "./resolve";

describe("resolveTheme", () => {
  it("system follows the OS colour scheme", () => {
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("system", false)).toBe("light");
    expect(resolveTheme(undefined, true)).toBe("dark");
  });

  it("an explicit choice ignores the OS", () => {
    expect(resolveTheme("light", true)).toBe("light");
    expect(resolveTheme("dark", false)).toBe("dark");
  });
});
