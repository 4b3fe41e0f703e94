/** Typed wrappers around `commands/calls.rs`: the call records (CDRs), their statistics and the export. */
import type { CallDetail } from "./bindings/CallDetail";
import type { CallFilter } from "./bindings/CallFilter";
import type { CallPage } from "./bindings/CallPage";
import type { CallPageRequest } from "./bindings/CallPageRequest";
import type { CallStats } from "./bindings/CallStats";
import type { ExportProgress } from "./bindings/ExportProgress";
import type { ExportReport } from "./bindings/ExportReport";
import type { ExportRequest } from "./bindings/ExportRequest";
import type { StatsRequest } from "./bindings/StatsRequest";
import { call, channel } from "./invoke";

export const callsPage = (request: CallPageRequest): Promise<CallPage> => call("calls_page", { request });
export const callsCount = (filter: CallFilter): Promise<number> => call("calls_count", { filter });
export const callDetail = (id: number): Promise<CallDetail> => call("call_detail", { id });
export const callsStats = (request: StatsRequest): Promise<CallStats> => call("calls_stats", { request });

/** Writes the filter's calls to `request.path`; numbers are masked unless `request.unmask`. */
export const callsExport = (request: ExportRequest, onProgress: (p: ExportProgress) => void): Promise<ExportReport> =>
  call("calls_export", { request, onProgress: channel(onProgress) });
export const callsExportCancel = (): Promise<null> => call("calls_export_cancel");
