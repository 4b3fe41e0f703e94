import { describe, expect, it } from "vitest";
import type { JobProgress } from "../../../ipc/bindings/JobProgress";
import { initialRun, percent, runReducer, secondsLeft } from "./progress";

const p = (over: Partial<JobProgress>): JobProgress => ({
  jobId: 7,
  state: "running",
  total: 1000,
  done: 0,
  ok: 0,
  failed: 0,
  invalid: 3,
  ratePerSec: 0,
  ...over,
});

describe("bulk progress reducer", () => {
  it("follows the backend's messages to the end", () => {
    let s = initialRun(7);
    s = runReducer(s, { type: "progress", progress: p({ done: 100, ok: 98, failed: 2, ratePerSec: 50 }) });
    expect(s.phase).toBe("running");
    expect(percent(s.progress)).toBe(10);
    expect(secondsLeft(s.progress)).toBe(18);
    s = runReducer(s, { type: "progress", progress: p({ state: "done", done: 1000, ok: 990, failed: 10 }) });
    expect(s.phase).toBe("done");
    expect(percent(s.progress)).toBe(100);
  });

  it("keeps 'pausing' until the backend says paused, then resumes", () => {
    let s = runReducer(initialRun(7), { type: "progress", progress: p({ done: 10 }) });
    s = runReducer(s, { type: "pause" });
    s = runReducer(s, { type: "progress", progress: p({ done: 12 }) });
    expect(s.phase).toBe("pausing");
    s = runReducer(s, { type: "progress", progress: p({ state: "paused", done: 12 }) });
    expect(s.phase).toBe("paused");
    s = runReducer(s, { type: "resume" });
    expect(s.phase).toBe("running");
  });

  it("cancelling ends in cancelled; a finished job ignores clicks and other jobs' messages", () => {
    let s = runReducer(initialRun(7), { type: "cancel" });
    expect(s.phase).toBe("cancelling");
    s = runReducer(s, { type: "progress", progress: p({ state: "cancelled", done: 500 }) });
    expect(s.phase).toBe("cancelled");
    expect(runReducer(s, { type: "cancel" })).toBe(s);
    expect(runReducer(s, { type: "progress", progress: p({ jobId: 8, state: "running" }) })).toBe(s);
  });

  it("attaching to a new job starts over and then follows that job only", () => {
    let s = runReducer(initialRun(0), { type: "progress", progress: p({ jobId: 7 }) });
    expect(s.progress).toBeNull();
    s = runReducer(s, { type: "attach", jobId: 7, progress: p({ state: "ready" }) });
    expect(s.phase).toBe("starting");
    s = runReducer(s, { type: "progress", progress: p({ done: 5 }) });
    expect(s.progress?.done).toBe(5);
  });

  it("has no rate or percentage before the first message", () => {
    expect(percent(null)).toBe(0);
    expect(secondsLeft(p({ ratePerSec: 0 }))).toBeNull();
  });
});
