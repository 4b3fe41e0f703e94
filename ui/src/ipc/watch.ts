/**
 * Typed wrappers around the watch folder commands, its `watch-folder` event and the folder picker. Like everything
 * under src/ipc/, code that knows about Tauri; nothing outside src/ipc/ imports @tauri-apps/*.
 * Every function rejects with an AppError.
 */
import type { AppError } from "./bindings/AppError";
import type { WatchFolderSettings } from "./bindings/WatchFolderSettings";
import type { WatchStatus } from "./bindings/WatchStatus";
import { call, insideTauri } from "./invoke";
import { notInAppText } from "./errors";

/** The backend event name (Rust: `commands::watch::EVENT`). */
const EVENT = "watch-folder";

export const watchFolderGet = (): Promise<WatchFolderSettings> => call("watch_folder_get");
/** Saves the setting and starts, restarts or stops watching at once; resolves with the new status. */
export const watchFolderSet = (settings: WatchFolderSettings): Promise<WatchStatus> => call("watch_folder_set", { settings });
export const watchFolderStatus = (): Promise<WatchStatus> => call("watch_folder_status");

/** Hears every status change (also after each watched import). Resolves with an unsubscribe function. */
export async function onWatchFolderStatus(handler: (s: WatchStatus) => void): Promise<() => void> {
  if (import.meta.env.MODE === "mock") {
    const { onMockWatchStatus } = await import("./devMockWatch");
    return onMockWatchStatus(handler);
  }
  if (!insideTauri()) return () => {};
  const { listen } = await import("@tauri-apps/api/event");
  return listen<WatchStatus>(EVENT, (e) => handler(e.payload));
}

/** Native folder picker. Resolves with the chosen folder, or null if cancelled. */
export async function pickWatchFolder(title: string, defaultPath?: string): Promise<string | null> {
  if (import.meta.env.MODE === "mock") return "/home/demo/cdr-inbox";
  if (!insideTauri()) {
    const error: AppError = {
      code: "internal",
      message: notInAppText("open a folder dialog", "打开选择文件夹的对话框"),
    };
    throw error;
  }
  const { open } = await import("@tauri-apps/plugin-dialog");
  const picked = await open({ title, directory: true, multiple: false, defaultPath });
  return typeof picked === "string" ? picked : null;
}
