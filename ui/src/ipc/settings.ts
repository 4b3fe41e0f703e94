/** Typed wrappers around `commands/settings.rs`. */
import type { Settings } from "./bindings/Settings";
import { call } from "./invoke";

export const settingsGet = (): Promise<Settings> => call("settings_get");
export const settingsSet = (settings: Settings): Promise<Settings> => call("settings_set", { settings });
