import { useCallback, useState } from "react";
import { fileStamp, useFileJob, type FileJobState } from "../../components/useFileJob";
import type { ExportFormat } from "../../ipc/bindings/ExportFormat";
import type { ExportLanguage } from "../../ipc/bindings/ExportLanguage";
import type { ExportProgress } from "../../ipc/bindings/ExportProgress";
import type { ExportReport } from "../../ipc/bindings/ExportReport";
import type { ExportRequest } from "../../ipc/bindings/ExportRequest";
import { callsExport, callsExportCancel } from "../../ipc/calls";

export type ExportState = FileJobState<ExportProgress, ExportReport>;

/** Exports are written in the UI language (headers, yes/no, outcomes). */
export const exportLanguage = (uiLanguage: string): ExportLanguage => (uiLanguage.startsWith("zh") ? "zh-CN" : "en");

export const EXTENSION: Record<ExportFormat, string> = { csv: "csv", xlsx: "xlsx" };

/** `calls-2026-11-25-1403.csv` */
export function defaultExportName(format: ExportFormat, now: Date): string {
  return `calls-${fileStamp(now)}.${EXTENSION[format]}`;
}

/** Runs one export at a time with progress; the modal shows its state. */
export function useExportJob() {
  const [open, setOpen] = useState(false);
  const job = useFileJob<ExportRequest, ExportProgress, ExportReport>(callsExport, callsExportCancel);
  const { run: start, reset } = job;

  const run = useCallback(
    (request: ExportRequest) => {
      setOpen(true);
      return start(request);
    },
    [start],
  );
  const show = useCallback(() => {
    reset();
    setOpen(true);
  }, [reset]);
  const close = useCallback(() => {
    setOpen(false);
    reset();
  }, [reset]);

  return { open, state: job.state, run, cancel: job.cancel, show, close };
}
