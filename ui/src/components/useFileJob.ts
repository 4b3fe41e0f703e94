import { useCallback, useState } from "react";
import type { AppError } from "../ipc/bindings/AppError";
import { toAppError } from "../ipc/errors";

/** The phases of a background job that writes one file, as its modal shows them. */
export type FileJobState<P, R> =
  | { phase: "form" }
  | { phase: "running"; path: string; progress: P | null; cancelling: boolean }
  | { phase: "done"; report: R }
  | { phase: "failed"; error: AppError };

/** `2026-11-25-1403`: the local time stamp in default export file names. */
export function fileStamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}`;
}

/**
 * One file-writing job at a time (an export): `run` starts it with progress, `cancel` asks the backend
 * to stop, and the state drives the modal. `start` and `stop` are the job's IPC calls.
 */
export function useFileJob<Q extends { path: string }, P, R>(
  start: (request: Q, onProgress: (p: P) => void) => Promise<R>,
  stop: () => Promise<unknown>,
) {
  const [state, setState] = useState<FileJobState<P, R>>({ phase: "form" });

  const run = useCallback(
    async (request: Q): Promise<R | null> => {
      setState({ phase: "running", path: request.path, progress: null, cancelling: false });
      try {
        const report = await start(request, (progress) =>
          setState((s) => (s.phase === "running" ? { ...s, progress } : s)),
        );
        setState({ phase: "done", report });
        return report;
      } catch (e) {
        setState({ phase: "failed", error: toAppError(e) });
        return null;
      }
    },
    [start],
  );

  const cancel = useCallback(() => {
    setState((s) => (s.phase === "running" ? { ...s, cancelling: true } : s));
    void stop();
  }, [stop]);

  const reset = useCallback(() => setState({ phase: "form" }), []);
  return { state, run, cancel, reset };
}
