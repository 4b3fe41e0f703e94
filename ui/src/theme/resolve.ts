import type { Theme } from "../ipc/bindings/Theme";

export type EffectiveTheme = "light" | "dark";

/** "system" follows the OS colour scheme; an explicit choice wins. */
export function resolveTheme(saved: Theme | undefined, systemPrefersDark: boolean): EffectiveTheme {
  if (saved === "light" || saved === "dark") return saved;
  return systemPrefersDark ? "dark" : "light";
}
