/**
 * Typed wrappers around `commands/watch.rs` and its `watch-folder` event (the folder picker is in dialogs.ts).
 * Every function rejects with an AppError.
 */
import type { WatchFolderSettings } from "./bindings/WatchFolderSettings";
import type { WatchStatus } from "./bindings/WatchStatus";
import { call, insideTauri } from "./invoke";

/** The backend event name (Rust: `commands::watch::EVENT`). */
const EVENT = "watch-folder";

export const watchFolderGet = (): Promise<WatchFolderSettings> => call("watch_folder_get");
/** Saves the setting and starts, restarts or stops watching at once; resolves with the new status. */
export const watchFolderSet = (settings: WatchFolderSettings): Promise<WatchStatus> => call("watch_folder_set", { settings });
export const watchFolderStatus = (): Promise<WatchStatus> => call("watch_folder_status");

/** Hears every status change (also after each watched import). Resolves with an unsubscribe function. */
export async function onWatchFolderStatus(handler: (s: WatchStatus) => void): Promise<() => void> {
  if (!insideTauri()) return () => {};
  const { listen } = await import("@tauri-apps/api/event");
  return listen<WatchStatus>(EVENT, (e) => handler(e.payload));
}
