/**
 * In-memory stand-in for the Rust backend, used ONLY by `vite --mode mock` / `vite build --mode mock`
 * to look at the UI in a plain browser. client.ts imports it behind `import.meta.env.MODE === "mock"`,
 * so production builds do not contain it.
 *
 * URL switches (before the #): `?db=corrupt` shows the recovery screen, add `&backup=0` for no backup,
 * `?fail=settings` makes saving settings fail, `?os=zh-CN` sets the reported OS locale,
 * `?lang=en&theme=dark` set the saved settings.
 */
import type { AppError } from "./bindings/AppError";
import type { AppInfo } from "./bindings/AppInfo";
import type { DbStatus } from "./bindings/DbStatus";
import type { Settings } from "./bindings/Settings";

const params = new URLSearchParams(window.location.search);
let settings: Settings = {
  language: (params.get("lang") as Settings["language"] | null) ?? "auto",
  theme: (params.get("theme") as Settings["theme"] | null) ?? "system",
};
let corrupt = params.get("db") === "corrupt";
const hasBackup = params.get("backup") !== "0";

const info: AppInfo = {
  version: "0.1.0-mock",
  dataDir: "/home/demo/.local/share/com.maskline.app",
  dbPath: "/home/demo/.local/share/com.maskline.app/maskline.db",
  osLocale: params.get("os") ?? navigator.language,
};

function status(): DbStatus {
  if (!corrupt) return { state: "ok" };
  return {
    state: "corrupt",
    path: info.dbPath,
    reason: "file is not a database",
    backupAvailable: hasBackup,
    backupCreatedAt: hasBackup ? "2026-11-24T21:30:00Z" : null,
  };
}

const handlers: Record<string, (args?: Record<string, unknown>) => unknown> = {
  app_info: () => info,
  db_status: status,
  db_recover: () => {
    corrupt = false;
    return status();
  },
  settings_get: () => settings,
  settings_set: (args) => {
    if (params.get("fail") === "settings") {
      const error: AppError = { code: "dbUnavailable", message: "mock: database is locked" };
      throw error;
    }
    settings = args?.settings as Settings;
    return settings;
  },
};

export async function mockInvoke<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  await new Promise((resolve) => setTimeout(resolve, 150));
  const handler = handlers[command];
  if (!handler) {
    const error: AppError = { code: "internal", message: `mock: unknown command ${command}` };
    throw error;
  }
  return handler(args) as T;
}
