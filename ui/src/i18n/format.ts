import type { Text } from "../ipc/bindings/Text";

/** A backend timestamp (RFC 3339) as a local date and time in the UI language; unparseable input is shown as is. */
export function formatDateTime(value: string, language: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** A backend message ({ en, zh }) in the UI language: Chinese for zh-*, English otherwise. No parsing. */
export function pick(text: Text, language: string): string {
  return language.startsWith("zh") ? text.zh : text.en;
}
