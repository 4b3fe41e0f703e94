/**
 * Checks the account form runs as the user types. Each returns an i18n message id, or null when the value is fine.
 * The backend checks again; these only catch mistakes early and say how to fix them.
 */

import type en from "../../../i18n/en.json";

/** The i18n id of a form message. */
export type FieldMessage = Extract<keyof typeof en, `accounts.form.${string}`>;

export const DEFAULT_BASE_URL = "https://rtcpns.cn-north-1.myhuaweicloud.com";
export const DEFAULT_RATE_LIMIT = 10;
export const RATE_MIN = 1;
export const RATE_MAX = 100;
export const NAME_MAX = 64;

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

const blank = (v: string | null | undefined) => !v || v.trim() === "";
const trimmed = (v: string | null | undefined) => (v ?? "").trim();

export function checkName(name: string | undefined): FieldMessage | null {
  if (blank(name)) return "accounts.form.name.required";
  if ([...trimmed(name)].length > NAME_MAX) return "accounts.form.name.tooLong";
  return null;
}

/** https everywhere; plain http only to this computer (the simulator); no path, query or fragment. */
export function checkBaseUrl(value: string | undefined): FieldMessage | null {
  if (blank(value)) return "accounts.form.baseUrl.required";
  let url: URL;
  try {
    url = new URL(trimmed(value));
  } catch {
    return "accounts.form.baseUrl.invalid";
  }
  if (!url.hostname) return "accounts.form.baseUrl.invalid";
  if (url.protocol !== "https:" && url.protocol !== "http:") return "accounts.form.baseUrl.invalid";
  if (url.protocol === "http:" && !LOOPBACK_HOSTS.has(url.hostname)) return "accounts.form.baseUrl.httpsOnly";
  // Scheme, host and port only: the API paths are added by Maskline (a path here ends in "HTTP 404").
  const typed = trimmed(value).replace(/\/+$/, "");
  const afterHost = typed.slice(typed.indexOf("//") + 2);
  if (/[/?#]/.test(afterHost)) return "accounts.form.baseUrl.path";
  return null;
}

export function checkAppKey(value: string | undefined): FieldMessage | null {
  return blank(value) ? "accounts.form.appKey.required" : null;
}

/** Required when adding; when editing, empty keeps the saved secret. */
export function checkSecret(value: string | undefined, editing: boolean): FieldMessage | null {
  return !editing && blank(value) ? "accounts.form.secret.required" : null;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----\s*([A-Za-z0-9+/=\s]+?)\s*-----END CERTIFICATE-----/g;

/** Optional; when given, one or more PEM certificates and nothing else. */
export function checkCaPem(value: string | undefined): FieldMessage | null {
  if (blank(value)) return null;
  const text = trimmed(value);
  const blocks = [...text.matchAll(PEM_BLOCK)];
  if (blocks.length === 0) return "accounts.form.ca.invalid";
  const rest = text.replace(PEM_BLOCK, "").trim();
  if (rest !== "") return "accounts.form.ca.invalid";
  if (blocks.some((m) => (m[1] ?? "").replace(/\s/g, "").length < 16)) return "accounts.form.ca.invalid";
  return null;
}

export function checkRate(value: number | null | undefined): FieldMessage | null {
  if (value === null || value === undefined || Number.isNaN(value)) return "accounts.form.rate.required";
  if (!Number.isInteger(value) || value < RATE_MIN || value > RATE_MAX) return "accounts.form.rate.range";
  return null;
}
