import type { AppError } from "./bindings/AppError";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { Text } from "./bindings/Text";

export type { AppError, ErrorCode, Text };

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
  return typeof code === "string" && (ERROR_CODES as string[]).includes(code) && isText(message);
}

/** A backend message `{ en, zh }`. */
export function isText(t: unknown): t is Text {
  if (typeof t !== "object" || t === null) return false;
  const { en, zh } = t as Record<string, unknown>;
  return typeof en === "string" && typeof zh === "string";
}

/** Words that read the same in both languages (a library's or the OS's own message, quoted as is). */
export function sameText(s: string): Text {
  return { en: s, zh: s };
}

/** "Cannot <what>" outside the desktop app, in both languages. */
export function notInAppText(whatEn: string, whatZh: string): Text {
  return {
    en: `Cannot ${whatEn}: the Maskline backend is only available inside the desktop app.`,
    zh: `无法${whatZh}:Maskline 后端只在桌面应用中可用。`,
  };
}

/** Any thrown value as an AppError; unknown shapes become `internal` with the best message we can find. */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e;
  if (e instanceof Error) return { code: "internal", message: sameText(e.message) };
  if (typeof e === "string") return { code: "internal", message: sameText(e) };
  if (typeof e === "object" && e !== null && typeof (e as { message?: unknown }).message === "string") {
    return { code: "internal", message: sameText((e as { message: string }).message) };
  }
  return { code: "internal", message: sameText(String(e)) };
}
