import { useCallback, useState } from "react";
import type { AppError } from "../../ipc/bindings/AppError";
import type { ZipExportProgress } from "../../ipc/bindings/ZipExportProgress";
import type { ZipExportReport } from "../../ipc/bindings/ZipExportReport";
import type { ZipExportRequest } from "../../ipc/bindings/ZipExportRequest";
import { toAppError } from "../../ipc/errors";
import { recordingsExportCancel, recordingsExportZip } from "../../ipc/recordings";

export type ZipExportState =
  | { phase: "form" }
  | { phase: "running"; path: string; progress: ZipExportProgress | null; cancelling: boolean }
  | { phase: "done"; report: ZipExportReport }
  | { phase: "failed"; error: AppError };

/** `recordings-2026-11-25-1403.zip` */
export function defaultZipName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `recordings-${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}.zip`;
}

/** One zip export at a time (calls.csv + audio files) with progress; the modal shows its state. */
export function useZipExportJob() {
  const [callIds, setCallIds] = useState<number[] | null>(null);
  const [state, setState] = useState<ZipExportState>({ phase: "form" });

  const run = useCallback(async (request: ZipExportRequest) => {
    setState({ phase: "running", path: request.path, progress: null, cancelling: false });
    try {
      const report = await recordingsExportZip(request, (progress) =>
        setState((s) => (s.phase === "running" ? { ...s, progress } : s)),
      );
      setState({ phase: "done", report });
    } catch (e) {
      setState({ phase: "failed", error: toAppError(e) });
    }
  }, []);

  const cancel = useCallback(() => {
    setState((s) => (s.phase === "running" ? { ...s, cancelling: true } : s));
    void recordingsExportCancel();
  }, []);

  const show = useCallback((ids: number[]) => {
    setState({ phase: "form" });
    setCallIds(ids);
  }, []);
  const close = useCallback(() => {
    setCallIds(null);
    setState({ phase: "form" });
  }, []);

  return { callIds, state, run, cancel, show, close };
}
