import { useCallback, useState } from "react";
import type { AppError } from "../../ipc/bindings/AppError";
import type { ExportFormat } from "../../ipc/bindings/ExportFormat";
import type { ExportLanguage } from "../../ipc/bindings/ExportLanguage";
import type { ExportProgress } from "../../ipc/bindings/ExportProgress";
import type { ExportReport } from "../../ipc/bindings/ExportReport";
import type { ExportRequest } from "../../ipc/bindings/ExportRequest";
import { callsExport, callsExportCancel } from "../../ipc/calls";
import { toAppError } from "../../ipc/errors";

export type ExportState =
  | { phase: "form" }
  | { phase: "running"; path: string; progress: ExportProgress | null; cancelling: boolean }
  | { phase: "done"; report: ExportReport }
  | { phase: "failed"; error: AppError };

/** Exports are written in the UI language (headers, yes/no, outcomes). */
export const exportLanguage = (uiLanguage: string): ExportLanguage => (uiLanguage.startsWith("zh") ? "zh-CN" : "en");

export const EXTENSION: Record<ExportFormat, string> = { csv: "csv", xlsx: "xlsx" };

/** `calls-2026-11-25-1403.csv` */
export function defaultExportName(format: ExportFormat, now: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  const stamp = `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}`;
  return `calls-${stamp}.${EXTENSION[format]}`;
}

/** Runs one export at a time with progress; the modal shows its state. */
export function useExportJob() {
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<ExportState>({ phase: "form" });

  const run = useCallback(async (request: ExportRequest) => {
    setOpen(true);
    setState({ phase: "running", path: request.path, progress: null, cancelling: false });
    try {
      const report = await callsExport(request, (progress) =>
        setState((s) => (s.phase === "running" ? { ...s, progress } : s)),
      );
      setState({ phase: "done", report });
      return report;
    } catch (e) {
      setState({ phase: "failed", error: toAppError(e) });
      return null;
    }
  }, []);

  const cancel = useCallback(() => {
    setState((s) => (s.phase === "running" ? { ...s, cancelling: true } : s));
    void callsExportCancel();
  }, []);

  const show = useCallback(() => {
    setState({ phase: "form" });
    setOpen(true);
  }, []);
  const close = useCallback(() => {
    setOpen(false);
    setState({ phase: "form" });
  }, []);

  return { open, state, run, cancel, show, close };
}
