/** Sizes and backend failure texts as the recordings views show them. */
import type { TFunction } from "i18next";

/** `512 B`, `12.3 KB`, `4.5 MB`, `1.2 GB` (powers of 1024, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (!(bytes > 0)) return "0 B";
  const units = ["B", "KB", "MB", "GB", "TB"];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(v >= 100 ? 0 : 1)} ${units[i]}`;
}

const KINDS = ["expired", "notFound", "truncated", "network", "cacheFull", "disk"] as const;
type Kind = (typeof KINDS)[number];
const isKind = (k: string): k is Kind => (KINDS as readonly string[]).includes(k);

/** The failure kind in words: `network` → "The download was interrupted", `http503` → "The platform answered HTTP 503". */
export function errorKindText(t: TFunction, kind: string | null): string {
  if (!kind) return t("recordings.errorKind.unknown");
  if (isKind(kind)) return t(`recordings.errorKind.${kind}`);
  const http = /^http(\d+)$/.exec(kind);
  if (http) return t("recordings.errorKind.http", { status: http[1] });
  const platform = /^platform(.+)$/.exec(kind);
  if (platform) return t("recordings.errorKind.platform", { code: platform[1] });
  return t("recordings.errorKind.unknown");
}
