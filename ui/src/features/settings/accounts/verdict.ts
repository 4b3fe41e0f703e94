import type { ConnectionReport } from "../../../ipc/bindings/ConnectionReport";
import type { ConnectionVerdict } from "../../../ipc/bindings/ConnectionVerdict";

type Severity = "success" | "warning" | "error";

// Keyed by the generated union: a verdict added on the Rust side fails to compile here until it is phrased.
const SEVERITY: Record<ConnectionVerdict, Severity> = {
  ok: "success",
  wrongCredentials: "error",
  clockSkew: "error",
  ipLocked: "error",
  notPermitted: "error",
  noNetwork: "warning",
  tls: "error",
  timeout: "warning",
  notThePlatform: "error",
  platformError: "error",
};

export const VERDICTS = Object.keys(SEVERITY) as ConnectionVerdict[];

export const verdictSeverity = (verdict: ConnectionVerdict): Severity => SEVERITY[verdict];

/** The i18n id of the plain-words sentence for a verdict. */
export const verdictMessageId = (verdict: ConnectionVerdict) => `accounts.verdict.${verdict}` as const;

/** The platform's own explanation and suggested action, in the UI language (falling back to the other one). */
export function platformWords(report: ConnectionReport, language: string): { explanation: string | null; action: string | null } {
  const zh = language.startsWith("zh");
  return {
    explanation: (zh ? report.explanationZh ?? report.explanationEn : report.explanationEn ?? report.explanationZh) || null,
    action: (zh ? report.actionZh ?? report.actionEn : report.actionEn ?? report.actionZh) || null,
  };
}
