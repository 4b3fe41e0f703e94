/**
 * Typed wrappers around the backend commands. With src/ipc/bindings, the only code that knows about Tauri.
 * Every function rejects with an AppError (see errors.ts).
 */
import { invoke } from "@tauri-apps/api/core";
import type { AppError } from "./bindings/AppError";
import type { AppInfo } from "./bindings/AppInfo";
import type { DbStatus } from "./bindings/DbStatus";
import type { RecoverAction } from "./bindings/RecoverAction";
import type { Settings } from "./bindings/Settings";
import { toAppError } from "./errors";

type Args = Record<string, unknown>;

function insideTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

async function call<T>(command: string, args?: Args): Promise<T> {
  // Statically false in production builds, so the mock and its import are dropped from the bundle.
  if (import.meta.env.MODE === "mock") {
    const { mockInvoke } = await import("./devMock");
    return mockInvoke<T>(command, args);
  }
  if (!insideTauri()) {
    const error: AppError = {
      code: "internal",
      message: `Cannot call "${command}": the Maskline backend is only available inside the desktop app.`,
    };
    throw error;
  }
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toAppError(e);
  }
}

export const appInfo = (): Promise<AppInfo> => call("app_info");
export const dbStatus = (): Promise<DbStatus> => call("db_status");
/** Returns the database status after the repair. */
export const dbRecover = (action: RecoverAction): Promise<DbStatus> => call("db_recover", { action });
export const settingsGet = (): Promise<Settings> => call("settings_get");
export const settingsSet = (settings: Settings): Promise<Settings> => call("settings_set", { settings });
