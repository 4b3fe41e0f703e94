/**
 * Typed wrappers around the bindings, numbers / pools, bulk job and audit commands, and the
 * spreadsheet "open" dialog. Every function rejects with an AppError.
 */
import { Channel } from "@tauri-apps/api/core";
import type { AuditEntry } from "./bindings/AuditEntry";
import type { AuditExportReport } from "./bindings/AuditExportReport";
import type { BindForm } from "./bindings/BindForm";
import type { BindOutcome } from "./bindings/BindOutcome";
import type { BindingFilter } from "./bindings/BindingFilter";
import type { BindingPage } from "./bindings/BindingPage";
import type { BulkField } from "./bindings/BulkField";
import type { ChainCheck } from "./bindings/ChainCheck";
import type { ColumnMapping } from "./bindings/ColumnMapping";
import type { DryRunReport } from "./bindings/DryRunReport";
import type { JobKind } from "./bindings/JobKind";
import type { JobProgress } from "./bindings/JobProgress";
import type { JobRowResult } from "./bindings/JobRowResult";
import type { JobSummary } from "./bindings/JobSummary";
import type { Language } from "./bindings/Language";
import type { Mode } from "./bindings/Mode";
import type { ModifyForm } from "./bindings/ModifyForm";
import type { NumberImportReport } from "./bindings/NumberImportReport";
import type { NumberStats } from "./bindings/NumberStats";
import type { Pool } from "./bindings/Pool";
import type { PoolOverview } from "./bindings/PoolOverview";
import type { RowState } from "./bindings/RowState";
import type { SyncReport } from "./bindings/SyncReport";
import type { XScope } from "./bindings/XScope";
import { call, insideTauri } from "./client";

/** A progress channel in the app; the bare callback for the browser mock. */
function progressChannel<T>(onMessage: (m: T) => void): unknown {
  if (import.meta.env.MODE === "mock" || !insideTauri()) return onMessage;
  const ch = new Channel<T>();
  ch.onmessage = onMessage;
  return ch;
}

export const bindingsList = (filter: BindingFilter): Promise<BindingPage> => call("bindings_list", { filter });
/** Queries the platform for every known X and brings the cache in line. */
export const bindingsSync = (): Promise<SyncReport> => call("bindings_sync");
/** With `x: null` and an `xScope`, Maskline picks the least-used X of that pool or city first. */
export const bindingBind = (form: BindForm): Promise<BindOutcome> => call("binding_bind", { form });
export const bindingModify = (form: ModifyForm): Promise<null> => call("binding_modify", { form });
export const bindingUnbind = (subscriptionId: string): Promise<null> => call("binding_unbind", { subscriptionId });

export const numbersList = (): Promise<NumberStats[]> => call("numbers_list");
export const numbersImport = (path: string, pool: string | null): Promise<NumberImportReport> =>
  call("numbers_import", { path, pool });
export const numbersAdd = (numbers: string[], city: string | null, pool: string | null): Promise<NumberImportReport> =>
  call("numbers_add", { numbers, city, pool });
/** The least-used X of the scope that can take A (and B); null when none can. */
export const numbersChooseX = (scope: XScope, a: string, b: string | null): Promise<string | null> =>
  call("numbers_choose_x", { scope, a, b });
export const poolsList = (): Promise<Pool[]> => call("pools_list");
export const poolsOverview = (): Promise<PoolOverview> => call("pools_overview");
export const poolsAssign = (numbers: string[], pool: string | null): Promise<number> =>
  call("pools_assign", { numbers, pool });

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
  call("bulk_start", { jobId, onProgress: progressChannel(onProgress) });
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

export const auditList = (action: string | null, page: number, pageSize: number): Promise<AuditEntry[]> =>
  call("audit_list", { action, page, pageSize });
export const auditVerify = (): Promise<ChainCheck> => call("audit_verify");
/** Writes the whole audit log (with each row's chain links and, last, the chain check) to a CSV file. */
export const auditExport = (path: string): Promise<AuditExportReport> => call("audit_export", { path });

/** Native "open" dialog for one CSV or XLSX file. Resolves with its path, or null if cancelled. */
export async function pickSpreadsheet(texts: { title: string; filterName: string }): Promise<string | null> {
  if (import.meta.env.MODE === "mock") return "/home/demo/Documents/bindings.xlsx";
  if (!insideTauri()) throw { code: "internal", message: "Cannot open a file dialog outside the desktop app." };
  const { open } = await import("@tauri-apps/plugin-dialog");
  const picked = await open({
    title: texts.title,
    multiple: false,
    directory: false,
    filters: [{ name: texts.filterName, extensions: ["csv", "xlsx", "xls", "txt"] }],
  });
  return Array.isArray(picked) ? (picked[0] ?? null) : picked;
}
