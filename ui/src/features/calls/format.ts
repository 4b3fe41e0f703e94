/** Numbers, times and durations as the Calls page and the dashboard show them. */

/** Area codes 10 and 20–29 have two digits; all others three (same rule as the backend). */
const areaCodeLength = (national: string) => (/^(10|2\d)/.test(national) ? 2 : 3);

/**
 * A number for display with its middle hidden: `+86 138****8000` for Chinese numbers in any format
 * (fixed lines keep the area code: `+86 755****1234`); other numbers keep the first 3 and last 4 characters.
 * Mirrors `mask_number` in Rust, which exports use.
 */
export function maskNumber(raw: string): string {
  const n = raw.trim();
  const compact = n.replace(/[\s\-()]/g, "");
  let national: string | null = null;
  if (/^\+86\d{5,}$/.test(compact)) national = compact.slice(3);
  else if (/^0086\d{5,}$/.test(compact)) national = compact.slice(4);
  else if (/^1\d{10}$/.test(compact)) national = compact;
  else if (/^0[1-9]\d{8,10}$/.test(compact)) national = compact.slice(1);
  if (national !== null) {
    national = national.replace(/^0/, "");
    // Mobiles and service numbers keep 3 digits; fixed lines keep their area code.
    const head = /^(1[3-9]|400|800|95|96)/.test(national) ? 3 : areaCodeLength(national);
    const tail = Math.min(4, Math.max(0, national.length - head));
    const hidden = Math.max(0, national.length - head - tail);
    return `+86 ${national.slice(0, head)}${"*".repeat(hidden)}${national.slice(national.length - tail)}`;
  }
  const chars = [...n];
  if (chars.length <= 7) return "*".repeat(chars.length);
  return `${chars.slice(0, 3).join("")}${"*".repeat(chars.length - 7)}${chars.slice(-4).join("")}`;
}

/** The user's UTC offset in minutes at `at` (east positive, e.g. 480 in China). */
export const localOffsetMinutes = (at: Date = new Date()): number => -at.getTimezoneOffset();

/** `UTC+08:00`, `UTC-05:30`, `UTC+00:00`: the zone label shown next to every time. */
export function offsetLabel(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const a = Math.abs(offsetMinutes);
  const hh = String(Math.floor(a / 60)).padStart(2, "0");
  const mm = String(a % 60).padStart(2, "0");
  return `UTC${sign}${hh}:${mm}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Epoch seconds as `2026-11-25 14:03:22` at the given offset (same text as exports). */
export function formatTime(epochSeconds: number, offsetMinutes: number): string {
  const d = new Date((epochSeconds + offsetMinutes * 60) * 1000);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/** Talk time: `0:42`, `12:05`, `1:02:03`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}
