import { useCallback, useState } from "react";
import { fileStamp, useFileJob, type FileJobState } from "../../components/useFileJob";
import type { ZipExportProgress } from "../../ipc/bindings/ZipExportProgress";
import type { ZipExportReport } from "../../ipc/bindings/ZipExportReport";
import type { ZipExportRequest } from "../../ipc/bindings/ZipExportRequest";
import { recordingsExportCancel, recordingsExportZip } from "../../ipc/recordings";

export type ZipExportState = FileJobState<ZipExportProgress, ZipExportReport>;

/** `recordings-2026-11-25-1403.zip` */
export function defaultZipName(now: Date): string {
  return `recordings-${fileStamp(now)}.zip`;
}

/** One zip export at a time (calls.csv + audio files) with progress; the modal shows its state. */
export function useZipExportJob() {
  const [callIds, setCallIds] = useState<number[] | null>(null);
  const job = useFileJob<ZipExportRequest, ZipExportProgress, ZipExportReport>(recordingsExportZip, recordingsExportCancel);
  const { reset } = job;

  const show = useCallback(
    (ids: number[]) => {
      reset();
      setCallIds(ids);
    },
    [reset],
  );
  const close = useCallback(() => {
    setCallIds(null);
    reset();
  }, [reset]);

  return { callIds, state: job.state, run: job.run, cancel: job.cancel, show, close };
}
