import { describe, expect, it } from "vitest";
import { isMacPlatform, shortcutLabel, shortcutRoute, type KeyLike } from "./shortcuts";

const key = (digit: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: digit,
  code: `Digit${digit}`,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe("shortcutRoute", () => {
  it("maps Ctrl+1…6 to the pages in menu order", () => {
    const routes = ["1", "2", "3", "4", "5", "6"].map((d) => shortcutRoute(key(d, { ctrlKey: true }), false));
    expect(routes).toEqual(["/dashboard", "/bindings", "/numbers", "/calls", "/recordings", "/settings"]);
  });

  it("uses Cmd, not Ctrl, on macOS", () => {
    expect(shortcutRoute(key("2", { metaKey: true }), true)).toBe("/bindings");
    expect(shortcutRoute(key("2", { ctrlKey: true }), true), "Ctrl+2 is not ours on macOS").toBeNull();
    expect(shortcutRoute(key("2", { metaKey: true }), false), "Meta+2 is not ours elsewhere").toBeNull();
  });

  it("ignores digits without the modifier, other modifiers, and digits past the menu", () => {
    expect(shortcutRoute(key("1"), false)).toBeNull();
    expect(shortcutRoute(key("1", { ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(shortcutRoute(key("1", { ctrlKey: true, altKey: true }), false)).toBeNull();
    expect(shortcutRoute(key("7", { ctrlKey: true }), false)).toBeNull();
    expect(shortcutRoute(key("0", { ctrlKey: true }), false)).toBeNull();
    expect(shortcutRoute({ ...key("s", { ctrlKey: true }), code: "KeyS" }, false)).toBeNull();
  });

  it("goes by the physical key, so AZERTY (where '1' is typed with Shift) works", () => {
    expect(shortcutRoute({ ...key("&", { ctrlKey: true }), code: "Digit1" }, false)).toBe("/dashboard");
    expect(shortcutRoute({ ...key("3", { ctrlKey: true }), code: "Numpad3" }, false)).toBe("/numbers");
  });
});

describe("shortcut labels and platform", () => {
  it("writes shortcuts the platform's way", () => {
    expect(shortcutLabel(0, false)).toBe("Ctrl+1");
    expect(shortcutLabel(5, true)).toBe("⌘6");
  });

  it("detects macOS", () => {
    expect(isMacPlatform({ platform: "MacIntel", userAgent: "" })).toBe(true);
    expect(isMacPlatform({ platform: "Linux x86_64", userAgent: "" })).toBe(false);
  });
});
