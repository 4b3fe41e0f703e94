/**
 * Typed wrappers around the backend commands. With src/ipc/bindings, the only code that knows about Tauri.
 * Every function rejects with an AppError (see errors.ts).
 */
import type { AccountDraft } from "./bindings/AccountDraft";
import type { AccountInfo } from "./bindings/AccountInfo";
import type { AppInfo } from "./bindings/AppInfo";
import type { ConnectionReport } from "./bindings/ConnectionReport";
import type { DbStatus } from "./bindings/DbStatus";
import type { DemoStatus } from "./bindings/DemoStatus";
import type { RecoverAction } from "./bindings/RecoverAction";
import type { Settings } from "./bindings/Settings";

import { call } from "./invoke";

export { call, insideTauri } from "./invoke";

export const appInfo = (): Promise<AppInfo> => call("app_info");
/** Plain text for support: versions, folders, last warnings and errors; no secrets, no phone numbers. */
export const appDiagnostics = (): Promise<string> => call("app_diagnostics");
export const dbStatus = (): Promise<DbStatus> => call("db_status");
/** Returns the database status after the repair. */
export const dbRecover = (action: RecoverAction): Promise<DbStatus> => call("db_recover", { action });
export const settingsGet = (): Promise<Settings> => call("settings_get");
export const settingsSet = (settings: Settings): Promise<Settings> => call("settings_set", { settings });

export const accountsList = (): Promise<AccountInfo[]> => call("accounts_list");
/** `draft.appSecret` is required when adding. */
export const accountAdd = (draft: AccountDraft): Promise<AccountInfo> => call("account_add", { draft });
/** `draft.appSecret` null or empty keeps the saved secret. */
export const accountUpdate = (id: number, draft: AccountDraft): Promise<AccountInfo> =>
  call("account_update", { id, draft });
/** Also deletes the account's key and secret from the OS keyring. */
export const accountRemove = (id: number): Promise<null> => call("account_remove", { id });
export const accountSetActive = (id: number): Promise<null> => call("account_set_active", { id });
/** One harmless signed query; resolves with a verdict even when the platform refuses. */
export const accountTest = (id: number): Promise<ConnectionReport> => call("account_test", { id });

/** Starts the demo (first time: creates its accounts, numbers, bindings and calls); resolves when it is ready. */
export const demoStart = (): Promise<DemoStatus> => call("demo_start");
/** Stops the demo's simulator and removes every demo account and its data. */
export const demoLeave = (): Promise<DemoStatus> => call("demo_leave");
export const demoStatus = (): Promise<DemoStatus> => call("demo_status");
