/** Time left before the platform deletes a recording, as words ("2 d 5 h"), and a shared one-second clock. */
import type { TFunction } from "i18next";
import { useSyncExternalStore } from "react";

/** `{ key, values }` for "2 d 5 h" / "5 h 12 min" / "12 min 30 s" / "30 s"; null when the time has passed. */
type CountdownKey = "recordings.countdown.days" | "recordings.countdown.hours" | "recordings.countdown.minutes" | "recordings.countdown.seconds";

export function countdownParts(seconds: number): { key: CountdownKey; values: Record<string, number> } | null {
  if (!(seconds > 0)) return null;
  const s = Math.floor(seconds);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return { key: "recordings.countdown.days", values: { d, h } };
  if (h > 0) return { key: "recordings.countdown.hours", values: { h, m } };
  if (m > 0) return { key: "recordings.countdown.minutes", values: { m, s: s % 60 } };
  return { key: "recordings.countdown.seconds", values: { s } };
}

/** "2 d 5 h" (or "2天5小时"); "—" once it has passed. */
export function formatCountdown(t: TFunction, seconds: number): string {
  const p = countdownParts(seconds);
  return p ? t(p.key, p.values) : "—";
}

/** Less than a day left: shown in the warning colour. */
export const URGENT_SECS = 86_400;

let now = Math.floor(Date.now() / 1000);
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (timer === null) {
    now = Math.floor(Date.now() / 1000);
    timer = setInterval(() => {
      now = Math.floor(Date.now() / 1000);
      listeners.forEach((l) => l());
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

function snapshot() {
  // Before the first subscriber (and between ticks that nobody heard) the stored second may be old.
  if (timer === null) now = Math.floor(Date.now() / 1000);
  return now;
}

/** Epoch seconds, ticking once a second while any countdown is on screen (one timer for all of them). */
export function useNowSeconds(): number {
  return useSyncExternalStore(subscribe, snapshot);
}
