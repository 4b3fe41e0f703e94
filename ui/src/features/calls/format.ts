/** Numbers, times and durations as the Calls page and the dashboard show them. */

/** The one masking function (same as the Rust `mask_number`); re-exported here for the calls and dashboard code. */
export { maskNumber } from "../../components/phoneNumber";

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
