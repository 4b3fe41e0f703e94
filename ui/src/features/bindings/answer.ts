/** The platform's 7-digit result code inside an error message (`platform error 1010002: …`), if any. */
export function resultCodeOf(message: string): string | null {
  return /\b(\d{7})\b/.exec(message)?.[1] ?? null;
}
