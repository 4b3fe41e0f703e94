/**
 * The watch folder in the browser mock (`vite --mode mock`): turning it on "imports" one file a few seconds later and
 * announces it like the backend's `watch-folder` event. `?watch=missing` reports the folder as missing.
 */
import type { AppError } from "./bindings/AppError";
import type { WatchFolderSettings } from "./bindings/WatchFolderSettings";
import type { WatchStatus } from "./bindings/WatchStatus";

const params = new URLSearchParams(window.location.search);
let settings: WatchFolderSettings = { enabled: false, folder: null };
let status: WatchStatus = off(null);
const listeners = new Set<(s: WatchStatus) => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

function off(folder: string | null): WatchStatus {
  return { state: "off", folder, problem: null, detail: null, pending: 0, importing: null, importedFiles: 0, lastImport: null };
}

function publish(next: WatchStatus) {
  status = next;
  for (const l of listeners) l(status);
}

function start(folder: string) {
  if (params.get("watch") === "missing") {
    publish({ ...off(folder), state: "error", problem: "missing", detail: { en: `${folder}: No such file or directory (os error 2)`, zh: `${folder}: No such file or directory (os error 2)` } });
    return;
  }
  publish({ ...off(folder), state: "watching", pending: 1 });
  timer = setTimeout(() => {
    const path = `${folder}/fee-${new Date().toISOString().slice(0, 10)}.jsonl`;
    const report = { path, new: 42, duplicate: 0, rejected: 1, status: "done" as const, error: null, bytes: 18_432 };
    const issue = { line: 17, at: "feeLst[0]", field: "callInTime", reason: { en: "callInTime: not a valid date", zh: "callInTime 不是有效日期" } };
    publish({
      ...status,
      pending: 0,
      importedFiles: status.importedFiles + 1,
      lastImport: { at: Math.floor(Date.now() / 1000), report: { ...report, errors: [issue] } },
    });
  }, 3000);
}

export function onMockWatchStatus(handler: (s: WatchStatus) => void): () => void {
  listeners.add(handler);
  return () => listeners.delete(handler);
}

export const watchHandlers: Record<string, (args?: Record<string, unknown>) => unknown> = {
  watch_folder_get: () => settings,
  watch_folder_status: () => status,
  watch_folder_set: (args) => {
    const next = args?.settings as WatchFolderSettings;
    if (next.enabled && !next.folder) {
      const error: AppError = { code: "invalidInput", message: { en: "folder: choose a folder before turning the watch folder on", zh: "请先选择要监视的文件夹" } };
      throw error;
    }
    clearTimeout(timer);
    settings = next;
    if (next.enabled && next.folder) start(next.folder);
    else publish(off(next.folder));
    return status;
  },
};
