import { NAV } from "./nav";

/** The parts of a KeyboardEvent the shortcut logic needs (so tests can pass plain objects). */
export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function isMacPlatform(nav: Pick<Navigator, "platform" | "userAgent"> = navigator): boolean {
  return /Mac|iPhone|iPad|iPod/i.test(nav.platform || nav.userAgent);
}

/**
 * Ctrl+1…6 (Cmd+1…6 on macOS) → the route of the n-th menu entry; anything else → null.
 * Uses the physical key (`code`) first, so layouts where digits need Shift (AZERTY) still work.
 */
export function shortcutRoute(e: KeyLike, mac: boolean): string | null {
  const modifier = mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  if (!modifier || e.altKey || e.shiftKey) return null;
  const digit = /^(?:Digit|Numpad)([1-9])$/.exec(e.code ?? "")?.[1] ?? (/^[1-9]$/.test(e.key) ? e.key : undefined);
  if (digit === undefined) return null;
  return NAV[Number(digit) - 1]?.path ?? null;
}

/** How the shortcut for the menu entry at `index` (0-based) is written on this platform. */
export function shortcutLabel(index: number, mac: boolean): string {
  return mac ? `⌘${index + 1}` : `Ctrl+${index + 1}`;
}
