/** Typed wrappers around `commands/bulk.rs`: bulk bind/unbind/modify jobs from a spreadsheet. */
import type { BulkField } from "./bindings/BulkField";
import type { ColumnMapping } from "./bindings/ColumnMapping";
import type { DryRunReport } from "./bindings/DryRunReport";
import type { JobKind } from "./bindings/JobKind";
import type { JobProgress } from "./bindings/JobProgress";
import type { JobRowResult } from "./bindings/JobRowResult";
import type { JobSummary } from "./bindings/JobSummary";
import type { Language } from "./bindings/Language";
import type { Mode } from "./bindings/Mode";
import type { RowState } from "./bindings/RowState";
import type { XScope } from "./bindings/XScope";
import { call, channel } from "./invoke";

/** The file's headers and the mapping detected from them. */
export const bulkPreview = (path: string): Promise<[string[], ColumnMapping]> => call("bulk_preview", { path });
/** Fields a job needs ([0]) and may carry ([1]). */
export const bulkFields = (kind: JobKind, mode: Mode): Promise<[BulkField[], BulkField[]]> =>
  call("bulk_fields", { kind, mode });
export const bulkDryRun = (
  kind: JobKind,
  path: string,
  mapping: ColumnMapping | null,
  xScope: XScope | null,
): Promise<DryRunReport> => call("bulk_dry_run", { kind, path, mapping, xScope });
/** Journals the file as a job: resolves with its id and the dry run. */
export const bulkCreate = (
  kind: JobKind,
  path: string,
  mapping: ColumnMapping | null,
  xScope: XScope | null,
): Promise<[number, DryRunReport]> => call("bulk_create", { kind, path, mapping, xScope });
/** Starts or resumes a job; returns at once, progress arrives on `onProgress` (the last message is final). */
export const bulkStart = (jobId: number, onProgress: (p: JobProgress) => void): Promise<null> =>
  call("bulk_start", { jobId, onProgress: channel(onProgress) });
export const bulkPause = (jobId: number): Promise<null> => call("bulk_pause", { jobId });
export const bulkResume = (jobId: number): Promise<null> => call("bulk_resume", { jobId });
export const bulkCancel = (jobId: number): Promise<null> => call("bulk_cancel", { jobId });
export const bulkRetryFailed = (jobId: number): Promise<number> => call("bulk_retry_failed", { jobId });
export const bulkGet = (jobId: number): Promise<JobSummary> => call("bulk_get", { jobId });
export const bulkList = (): Promise<JobSummary[]> => call("bulk_list");
export const bulkResults = (
  jobId: number,
  rowState: RowState | null,
  page: number,
  pageSize: number,
): Promise<JobRowResult[]> => call("bulk_results", { jobId, rowState, page, pageSize });
/** XLSX for `.xlsx`, otherwise CSV with a UTF-8 BOM. Resolves with the rows written. */
/** Writes the job's per-row results; A and B are masked unless `unmask` (recorded in the audit log). */
export const bulkExport = (jobId: number, path: string, unmask: boolean): Promise<number> =>
  call("bulk_export", { jobId, path, unmask });
export const bulkTemplate = (kind: JobKind, mode: Mode, lang: Language, path: string): Promise<null> =>
  call("bulk_template", { kind, mode, lang, path });
