/** The platform's 7-digit result code inside an error message (`platform error 1010002: …`), if any. */
export function resultCodeOf(message: string): string | null {
  return /\b(\d{7})\b/.exec(message)?.[1] ?? null;
}

/** After a bind whose answer was lost (timeout, reset), Maskline asks the platform before saying
 *  anything; the backend's message says what the check found ("it may have been bound —
 *  checked: it was / was not", or that it could not be checked). `null` for other messages. */
export type UnsureBind = "bound" | "notBound" | "unknown";
export function unsureBindOf(message: string): UnsureBind | null {
  if (!message.includes("it may have been bound")) return null;
  if (message.includes("checked: it was not")) return "notBound";
  if (message.includes("checked: it was")) return "bound";
  return "unknown";
}
