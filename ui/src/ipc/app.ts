/** Typed wrappers around `commands/app.rs`: app info, diagnostics, database status and recovery. */
import type { AppInfo } from "./bindings/AppInfo";
import type { DbStatus } from "./bindings/DbStatus";
import type { RecoverAction } from "./bindings/RecoverAction";
import { call } from "./invoke";

export const appInfo = (): Promise<AppInfo> => call("app_info");
/** Plain text for support: versions, folders, last warnings and errors; no secrets, no phone numbers. */
export const appDiagnostics = (): Promise<string> => call("app_diagnostics");
export const dbStatus = (): Promise<DbStatus> => call("db_status");
/** Returns the database status after the repair. */
export const dbRecover = (action: RecoverAction): Promise<DbStatus> => call("db_recover", { action });
