/** A backend timestamp (RFC 3339) as a local date and time in the UI language; unparseable input is shown as is. */
export function formatDateTime(value: string, language: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

const CJK = /[\u4e00-\u9fff]/;

/**
 * Backend messages come as "English / 中文": the half in the UI language. Text without exactly two halves,
 * one of them Chinese (e.g. "A=+86 138****8000 / X=+8617000100000"), is shown whole.
 */
export function backendMessage(text: string, language: string): string {
  const halves = text.split(" / ");
  if (halves.length !== 2 || CJK.test(halves[0] ?? "") === CJK.test(halves[1] ?? "")) return text;
  const [en, zh] = CJK.test(halves[0] ?? "") ? [halves[1], halves[0]] : [halves[0], halves[1]];
  return (language.startsWith("zh") ? zh : en)?.trim() || text;
}
