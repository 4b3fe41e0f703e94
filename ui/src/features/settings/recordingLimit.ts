/** The recordings cache limit as typed (an amount in MiB or GiB) and as stored (whole MiB). Pure, tested. */

export type SizeUnit = "MiB" | "GiB";

/** Below this the cache could not hold one long call. */
export const MIN_LIMIT_MB = 64;
/** 1 TiB: anything larger is almost certainly a typo. */
export const MAX_LIMIT_MB = 1024 * 1024;

export function toLimitMb(amount: number, unit: SizeUnit): number {
  return Math.round(unit === "GiB" ? amount * 1024 : amount);
}

/** Whole GiB are shown in GiB, anything else in MiB. */
export function fromLimitMb(mb: number): { amount: number; unit: SizeUnit } {
  return mb >= 1024 && mb % 1024 === 0 ? { amount: mb / 1024, unit: "GiB" } : { amount: mb, unit: "MiB" };
}

/** Why the typed limit cannot be saved (an id under settings.recordings.limitError), or null when it can. */
export function limitError(amount: number | null, unit: SizeUnit): "required" | "whole" | "tooSmall" | "tooLarge" | null {
  if (amount === null || !Number.isFinite(amount)) return "required";
  if (unit === "MiB" && !Number.isInteger(amount)) return "whole";
  const mb = toLimitMb(amount, unit);
  if (mb < MIN_LIMIT_MB) return "tooSmall";
  if (mb > MAX_LIMIT_MB) return "tooLarge";
  return null;
}
