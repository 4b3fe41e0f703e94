import type { ParseKeys } from "i18next";

export type NavId = "dashboard" | "bindings" | "numbers" | "calls" | "recordings" | "settings";

export interface NavEntry {
  id: NavId;
  path: `/${NavId}`;
  label: ParseKeys;
}

/** The main navigation, in menu order; Ctrl/Cmd+1…6 follow this order. */
export const NAV: readonly NavEntry[] = [
  { id: "dashboard", path: "/dashboard", label: "nav.dashboard" },
  { id: "bindings", path: "/bindings", label: "nav.bindings" },
  { id: "numbers", path: "/numbers", label: "nav.numbers" },
  { id: "calls", path: "/calls", label: "nav.calls" },
  { id: "recordings", path: "/recordings", label: "nav.recordings" },
  { id: "settings", path: "/settings", label: "nav.settings" },
];

export const pathOf = (id: NavId): NavEntry["path"] => `/${id}`;
