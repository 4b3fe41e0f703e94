/**
 * Test-only entry points for the real-window E2E (a native file dialog cannot be driven by WebDriver).
 * Registered on `window.__MASKLINE_E2E__` only in debug builds (`tauri build --debug`, `tauri dev`), never in releases.
 * They run the same code the dialogs lead to, with the path given instead of picked.
 */
import { isDebugBuild } from "../../ipc/invoke";

type Hooks = Record<string, (...args: never[]) => unknown>;
declare global {
  interface Window {
    __MASKLINE_E2E__?: Hooks;
  }
}

/** Registers `hooks` while the caller is mounted; returns the cleanup. */
export function registerE2E(hooks: Hooks): () => void {
  if (!isDebugBuild()) return () => {};
  window.__MASKLINE_E2E__ = { ...window.__MASKLINE_E2E__, ...hooks };
  return () => {
    const mine = new Set(Object.keys(hooks));
    window.__MASKLINE_E2E__ = Object.fromEntries(Object.entries(window.__MASKLINE_E2E__ ?? {}).filter(([k]) => !mine.has(k)));
  };
}
