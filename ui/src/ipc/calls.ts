/**
 * Typed wrappers around the calls, import and export commands, plus the native file dialogs and
 * files dropped on the window. Like everything under src/ipc/ (client.ts, operations.ts, bindings/), it is
 * code that knows about Tauri; nothing outside src/ipc/ imports @tauri-apps/*. Every function rejects with an AppError.
 */
import { Channel, invoke } from "@tauri-apps/api/core";
import type { AppError } from "./bindings/AppError";
import type { CallDetail } from "./bindings/CallDetail";
import type { CallFilter } from "./bindings/CallFilter";
import type { CallPage } from "./bindings/CallPage";
import type { CallPageRequest } from "./bindings/CallPageRequest";
import type { CallStats } from "./bindings/CallStats";
import type { ExportProgress } from "./bindings/ExportProgress";
import type { ExportReport } from "./bindings/ExportReport";
import type { ExportRequest } from "./bindings/ExportRequest";
import type { FileReport } from "./bindings/FileReport";
import type { ImportProgress } from "./bindings/ImportProgress";
import type { StatsRequest } from "./bindings/StatsRequest";
import { notInAppText, toAppError } from "./errors";

type Args = Record<string, unknown>;

function insideTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

function notInApp(what: string, whatZh: string): AppError {
  return { code: "internal", message: notInAppText(what, whatZh) };
}

/** A progress channel: a Tauri Channel in the app; the bare callback for the browser mock. */
function channel<T>(onMessage: (m: T) => void): unknown {
  if (import.meta.env.MODE === "mock" || !insideTauri()) return onMessage;
  const ch = new Channel<T>();
  ch.onmessage = onMessage;
  return ch;
}

async function call<T>(command: string, args?: Args): Promise<T> {
  if (import.meta.env.MODE === "mock") {
    const { mockInvoke } = await import("./devMock");
    return mockInvoke<T>(command, args);
  }
  if (!insideTauri()) throw notInApp(`call "${command}"`, `调用“${command}”`);
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toAppError(e);
  }
}

export const callsPage = (request: CallPageRequest): Promise<CallPage> => call("calls_page", { request });
export const callsCount = (filter: CallFilter): Promise<number> => call("calls_count", { filter });
export const callDetail = (id: number): Promise<CallDetail> => call("call_detail", { id });
export const callsStats = (request: StatsRequest): Promise<CallStats> => call("calls_stats", { request });

/** Imports files and folders; `onProgress` hears after every batch. Resolves with one report per file. */
export const importStart = (paths: string[], onProgress: (p: ImportProgress) => void): Promise<FileReport[]> =>
  call("import_start", { paths, onProgress: channel(onProgress) });
/** Stops the running import after its current batch (what was committed stays). */
export const importCancel = (): Promise<null> => call("import_cancel");

/** Writes the filter's calls to `request.path`; numbers are masked unless `request.unmask`. */
export const callsExport = (request: ExportRequest, onProgress: (p: ExportProgress) => void): Promise<ExportReport> =>
  call("calls_export", { request, onProgress: channel(onProgress) });
export const callsExportCancel = (): Promise<null> => call("calls_export_cancel");

export interface DialogTexts {
  title: string;
  filterName: string;
}

/** Native "open" dialog for CDR files (or a folder when `folder`). Resolves with the chosen paths, [] if cancelled. */
export async function pickImportPaths(texts: DialogTexts, folder: boolean): Promise<string[]> {
  if (import.meta.env.MODE === "mock") return ["/home/demo/cdr/fee-2026-11-24.jsonl", "/home/demo/cdr/events.json.gz"];
  if (!insideTauri()) throw notInApp("open a file dialog", "打开选择文件的对话框");
  const { open } = await import("@tauri-apps/plugin-dialog");
  const picked = await open({
    title: texts.title,
    multiple: true,
    directory: folder,
    filters: folder ? undefined : [{ name: texts.filterName, extensions: ["json", "jsonl", "ndjson", "gz", "txt", "log"] }],
  });
  if (picked === null) return [];
  return Array.isArray(picked) ? picked : [picked];
}

/** Native "save" dialog for an export. Resolves with the path, or null if cancelled. */
export async function pickExportPath(texts: DialogTexts, defaultName: string, extension: string): Promise<string | null> {
  if (import.meta.env.MODE === "mock") return `/home/demo/Documents/${defaultName}`;
  if (!insideTauri()) throw notInApp("open a save dialog", "打开保存文件的对话框");
  const { save } = await import("@tauri-apps/plugin-dialog");
  return save({ title: texts.title, defaultPath: defaultName, filters: [{ name: texts.filterName, extensions: [extension] }] });
}

export type DropState = { type: "over" } | { type: "drop"; paths: string[] } | { type: "leave" };

/** Files and folders dragged onto the window. Resolves with an unsubscribe function (a no-op outside the app). */
export async function onFilesDropped(handler: (e: DropState) => void): Promise<() => void> {
  if (import.meta.env.MODE === "mock" || !insideTauri()) return () => {};
  const { getCurrentWebview } = await import("@tauri-apps/api/webview");
  return getCurrentWebview().onDragDropEvent((event) => {
    const p = event.payload;
    if (p.type === "drop") handler({ type: "drop", paths: p.paths });
    else if (p.type === "leave") handler({ type: "leave" });
    else handler({ type: "over" });
  });
}

/** True in `tauri build --debug` / `tauri dev` builds: test-only hooks are registered there and nowhere else. */
export const isDebugBuild = (): boolean => import.meta.env.TAURI_ENV_DEBUG === "true";
