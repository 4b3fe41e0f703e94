import type { AppError } from "./bindings/AppError";
import type { ErrorCode } from "./bindings/ErrorCode";

export type { AppError, ErrorCode };

// Keyed by the generated ErrorCode union: a code added on the Rust side fails to compile here until handled.
const KNOWN_CODES: Record<ErrorCode, true> = {
  internal: true,
  invalidInput: true,
  notFound: true,
  dbUnavailable: true,
  dbCorrupt: true,
  noBackup: true,
  locked: true,
};

export const ERROR_CODES = Object.keys(KNOWN_CODES) as ErrorCode[];

/** Tauri rejects a failed command with the serialized `{ code, message }` object, not an Error. */
export function isAppError(e: unknown): e is AppError {
  if (typeof e !== "object" || e === null) return false;
  const { code, message } = e as Record<string, unknown>;
  return typeof code === "string" && (ERROR_CODES as string[]).includes(code) && typeof message === "string";
}

/** Any thrown value as an AppError; unknown shapes become `internal` with the best message we can find. */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e;
  if (e instanceof Error) return { code: "internal", message: e.message };
  if (typeof e === "string") return { code: "internal", message: e };
  if (typeof e === "object" && e !== null && typeof (e as { message?: unknown }).message === "string") {
    return { code: "internal", message: (e as { message: string }).message };
  }
  return { code: "internal", message: String(e) };
}
