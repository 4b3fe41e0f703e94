/** What the progress step of the bulk wizard shows, as a reducer over the backend's progress messages and the user's clicks. */
import type { JobProgress } from "../../../ipc/bindings/JobProgress";

export type RunPhase = "starting" | "running" | "pausing" | "paused" | "cancelling" | "cancelled" | "done" | "failed";

export interface RunState {
  jobId: number;
  phase: RunPhase;
  progress: JobProgress | null;
  error: string | null;
}

export type RunAction =
  /** Follow another job (a new one was just created, or retry restarts this one): starts over. */
  | { type: "attach"; jobId: number; progress?: JobProgress }
  | { type: "progress"; progress: JobProgress }
  | { type: "pause" }
  | { type: "resume" }
  | { type: "cancel" }
  | { type: "failed"; message: string };

export const initialRun = (jobId: number): RunState => ({ jobId, phase: "starting", progress: null, error: null });

export function runReducer(s: RunState, a: RunAction): RunState {
  switch (a.type) {
    case "attach":
      return { ...initialRun(a.jobId), progress: a.progress ?? null };
    case "progress": {
      const p = a.progress;
      if (p.jobId !== s.jobId) return s;
      const phase: RunPhase =
        p.state === "done"
          ? "done"
          : p.state === "cancelled"
            ? "cancelled"
            : p.state === "paused"
              ? "paused"
              : // A late "running" message must not undo a click that is still being carried out.
                s.phase === "pausing" || s.phase === "cancelling"
                ? s.phase
                : "running";
      return { ...s, phase, progress: p };
    }
    case "pause":
      return s.phase === "running" || s.phase === "starting" ? { ...s, phase: "pausing" } : s;
    case "resume":
      return s.phase === "paused" || s.phase === "pausing" ? { ...s, phase: "running" } : s;
    case "cancel":
      return isFinal(s.phase) ? s : { ...s, phase: "cancelling" };
    case "failed":
      return { ...s, phase: "failed", error: a.message };
  }
}

export const isFinal = (p: RunPhase) => p === "done" || p === "cancelled" || p === "failed";

/** 0–100. */
export function percent(p: JobProgress | null): number {
  if (!p || p.total === 0) return 0;
  return Math.min(100, Math.floor((p.done / p.total) * 100));
}

/** Seconds left at the current rate, or null when unknown. */
export function secondsLeft(p: JobProgress | null): number | null {
  if (!p || p.ratePerSec <= 0) return null;
  return Math.ceil((p.total - p.done) / p.ratePerSec);
}
