/**
 * The native file and folder pickers (tauri-plugin-dialog) and files dropped on the window. They only choose
 * paths: the commands that read or write them live in the area files (import.ts, calls.ts, bulk.ts, …).
 */
import { insideTauri, notInApp } from "./invoke";

export interface DialogTexts {
  title: string;
  filterName: string;
}

/** Native "open" dialog for CDR files (or a folder when `folder`). Resolves with the chosen paths, [] if cancelled. */
export async function pickImportPaths(texts: DialogTexts, folder: boolean): Promise<string[]> {
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
  if (!insideTauri()) throw notInApp("open a save dialog", "打开保存文件的对话框");
  const { save } = await import("@tauri-apps/plugin-dialog");
  return save({ title: texts.title, defaultPath: defaultName, filters: [{ name: texts.filterName, extensions: [extension] }] });
}

/** Native "open" dialog for one CSV or XLSX file. Resolves with its path, or null if cancelled. */
export async function pickSpreadsheet(texts: DialogTexts): Promise<string | null> {
  if (!insideTauri()) throw notInApp("open a file dialog", "打开选择文件的对话框");
  const { open } = await import("@tauri-apps/plugin-dialog");
  const picked = await open({
    title: texts.title,
    multiple: false,
    directory: false,
    filters: [{ name: texts.filterName, extensions: ["csv", "xlsx", "xls", "txt"] }],
  });
  return Array.isArray(picked) ? (picked[0] ?? null) : picked;
}

/** Native folder picker. Resolves with the chosen folder, or null if cancelled. */
export async function pickWatchFolder(title: string, defaultPath?: string): Promise<string | null> {
  if (!insideTauri()) throw notInApp("open a folder dialog", "打开选择文件夹的对话框");
  const { open } = await import("@tauri-apps/plugin-dialog");
  const picked = await open({ title, directory: true, multiple: false, defaultPath });
  return typeof picked === "string" ? picked : null;
}

export type DropState = { type: "over" } | { type: "drop"; paths: string[] } | { type: "leave" };

/** Files and folders dragged onto the window. Resolves with an unsubscribe function (a no-op outside the app). */
export async function onFilesDropped(handler: (e: DropState) => void): Promise<() => void> {
  if (!insideTauri()) return () => {};
  const { getCurrentWebview } = await import("@tauri-apps/api/webview");
  return getCurrentWebview().onDragDropEvent((event) => {
    const p = event.payload;
    if (p.type === "drop") handler({ type: "drop", paths: p.paths });
    else if (p.type === "leave") handler({ type: "leave" });
    else handler({ type: "over" });
  });
}
