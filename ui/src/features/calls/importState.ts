/** The import modal's state: what runs, how fast, and what each file gave. */
import type { AppError } from "../../ipc/bindings/AppError";
import type { FileReport } from "../../ipc/bindings/FileReport";
import type { ImportProgress } from "../../ipc/bindings/ImportProgress";
import type { Text } from "../../ipc/bindings/Text";

export type ImportState =
  | { phase: "idle" }
  | { phase: "running"; paths: string[]; progress: ImportProgress | null; cancelling: boolean }
  | { phase: "done"; paths: string[]; reports: FileReport[] }
  | { phase: "failed"; paths: string[]; error: AppError };

export type ImportAction =
  | { type: "start"; paths: string[] }
  | { type: "progress"; progress: ImportProgress }
  | { type: "cancel" }
  | { type: "finished"; reports: FileReport[] }
  | { type: "failed"; error: AppError }
  | { type: "close" };

export const IDLE: ImportState = { phase: "idle" };

export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case "start":
      return state.phase === "running" ? state : { phase: "running", paths: action.paths, progress: null, cancelling: false };
    case "progress":
      return state.phase === "running" ? { ...state, progress: action.progress } : state;
    case "cancel":
      return state.phase === "running" ? { ...state, cancelling: true } : state;
    case "finished":
      return state.phase === "running" ? { phase: "done", paths: state.paths, reports: action.reports } : state;
    case "failed":
      return state.phase === "running" ? { phase: "failed", paths: state.paths, error: action.error } : state;
    case "close":
      return state.phase === "running" ? state : IDLE;
  }
}

export interface ImportTotals {
  files: number;
  new: number;
  duplicate: number;
  rejected: number;
  cancelled: boolean;
  failedFiles: number;
}

export function totals(reports: FileReport[]): ImportTotals {
  return {
    files: reports.length,
    new: reports.reduce((s, r) => s + r.new, 0),
    duplicate: reports.reduce((s, r) => s + r.duplicate, 0),
    rejected: reports.reduce((s, r) => s + r.rejected, 0),
    cancelled: reports.some((r) => r.status === "cancelled"),
    failedFiles: reports.filter((r) => r.status === "failed").length,
  };
}

export interface ImportErrorLine {
  file: string;
  line: number;
  at: string;
  field: string | null;
  reason: Text;
}

/** The first `limit` problems across all files, naming file, line and field. */
export function firstErrors(reports: FileReport[], limit: number): ImportErrorLine[] {
  const out: ImportErrorLine[] = [];
  for (const r of reports) {
    if (r.error && out.length < limit) out.push({ file: r.path, line: 0, at: "", field: null, reason: r.error });
    for (const e of r.errors) {
      if (out.length >= limit) return out;
      out.push({ file: r.path, line: e.line, at: e.at, field: e.field, reason: e.reason });
    }
  }
  return out;
}

/** The file name of a path (either separator). */
export const baseName = (path: string): string => path.split(/[\\/]/).filter(Boolean).pop() ?? path;

/** 0–100 from bytes read; null before the first report. */
export function percent(p: ImportProgress | null): number | null {
  if (!p) return null;
  if (p.bytesTotal <= 0) return 0;
  return Math.min(100, Math.round((p.bytes / p.bytesTotal) * 100));
}
