import type { NumberHealth } from "../../ipc/bindings/NumberHealth";
import type { NumberStats } from "../../ipc/bindings/NumberStats";

/** Tag colours of the health states: idle is quiet, busy is fine, the two that need action stand out. */
export const HEALTH_COLOR: Record<NumberHealth, string> = {
  idle: "default",
  busy: "blue",
  nearCapacity: "red",
  expiringBindings: "orange",
};

/** Numbers typed or pasted one per line, or separated by commas, semicolons or tabs. */
export function splitTyped(text: string): string[] {
  return text
    .split(/[\n,;，；\t]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Case-insensitive match on number digits, city, carrier, pool or a tag. */
export function matchesSearch(s: NumberStats, q: string): boolean {
  const needle = q.trim().toLowerCase();
  if (!needle) return true;
  const digits = needle.replace(/[\s+-]/g, "");
  const n = s.number;
  return (
    (digits !== "" && /^\d+$/.test(digits) && n.number.includes(digits)) ||
    [n.city, n.carrier, n.pool, ...n.tags].some((v) => v?.toLowerCase().includes(needle))
  );
}

/** Percent of capacity in use, 0–100 (one decimal). */
export const usedPercent = (ratio: number) => Math.round(ratio * 1000) / 10;

/** `12.5 %`; a little use is `<0.1 %`, not a misleading `0 %`. */
export const percentLabel = (ratio: number) =>
  ratio > 0 && ratio < 0.001 ? "<0.1 %" : `${usedPercent(ratio)} %`;
