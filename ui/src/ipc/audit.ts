/** Typed wrappers around `commands/audit.rs`: the hash-chained audit log. */
import type { AuditEntry } from "./bindings/AuditEntry";
import type { AuditExportReport } from "./bindings/AuditExportReport";
import type { ChainCheck } from "./bindings/ChainCheck";
import { call } from "./invoke";

export const auditList = (action: string | null, page: number, pageSize: number): Promise<AuditEntry[]> =>
  call("audit_list", { action, page, pageSize });
export const auditVerify = (): Promise<ChainCheck> => call("audit_verify");
/** Writes the whole audit log (with each row's chain links and, last, the chain check) to a CSV file. */
export const auditExport = (path: string): Promise<AuditExportReport> => call("audit_export", { path });
