/** Player clock text and speed steps (pure, tested in time.test.ts). */

const pad = (n: number) => String(n).padStart(2, "0");

/** Elapsed or total time: `0:03`, `12:05`, `1:02:03` (whole seconds, rounded down). */
export function formatClock(seconds: number): string {
  const s = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds + 1e-6)) : 0;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/** Playback speeds offered, slowest first. */
export const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** The next speed up (`step` 1) or down (-1) from `rate`, staying within 0.5×–2×. */
export function stepSpeed(rate: number, step: 1 | -1): number {
  const i = SPEEDS.findIndex((s) => s >= rate - 1e-9);
  const at = i === -1 ? SPEEDS.length - 1 : i;
  const exact = Math.abs((SPEEDS[at] ?? 1) - rate) < 1e-9;
  const next = step === 1 ? (exact ? at + 1 : at) : at - 1;
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, next))] ?? 1;
}

/** Seconds skipped by the ±10 s buttons and by ← / → on the keyboard. */
export const BUTTON_SKIP = 10;
export const KEY_SKIP = 5;
