import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../ipc/bindings/AppError";
import type { FetchProgress } from "../../ipc/bindings/FetchProgress";
import type { FetchReport } from "../../ipc/bindings/FetchReport";
import type { FetchRequest } from "../../ipc/bindings/FetchRequest";
import { toAppError } from "../../ipc/errors";
import { recordingsFetch, recordingsFetchCancel } from "../../ipc/recordings";
import { recordingsKeys } from "../../queries/recordings";
import { errorText } from "../../i18n/useText";

export type FetchJobState =
  | { phase: "idle" }
  | { phase: "running"; request: FetchRequest; progress: FetchProgress | null; cancelling: boolean }
  | { phase: "done"; request: FetchRequest; report: FetchReport }
  | { phase: "failed"; request: FetchRequest; error: AppError };

/** Outside `recordingsKeys.all`, so refreshing the recordings never resets the job. */
const JOB_KEY = ["recordingsFetchJob"] as const;
const IDLE: FetchJobState = { phase: "idle" };
/** Progress refreshes the lists at most this often (and once more when the job ends). */
const REFRESH_MS = 700;

/**
 * The one fetch job of the app (the backend runs one at a time), shared by the Recordings page and the call drawer
 * through the query cache, so it survives moving between pages. Every progress message refreshes the recordings.
 */
export function useFetchJob() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const { data: state = IDLE } = useQuery({ queryKey: JOB_KEY, queryFn: () => IDLE, initialData: IDLE, staleTime: Infinity, gcTime: Infinity });

  const start = useCallback(
    async (request: FetchRequest): Promise<FetchReport | null> => {
      const current = qc.getQueryData<FetchJobState>(JOB_KEY) ?? IDLE;
      if (current.phase === "running") {
        void message.warning(t("recordings.fetch.busy"));
        return null;
      }
      const set = (s: FetchJobState) => qc.setQueryData(JOB_KEY, s);
      const refresh = () => void qc.invalidateQueries({ queryKey: recordingsKeys.all });
      let last = 0;
      set({ phase: "running", request, progress: null, cancelling: false });
      try {
        const report = await recordingsFetch(request, (progress) => {
          qc.setQueryData<FetchJobState>(JOB_KEY, (s) => (s?.phase === "running" ? { ...s, progress } : s));
          const now = Date.now();
          if (now - last >= REFRESH_MS) {
            last = now;
            refresh();
          }
        });
        set({ phase: "done", request, report });
        return report;
      } catch (e) {
        const error = toAppError(e);
        set({ phase: "failed", request, error });
        void message.error(t("recordings.fetch.failed", { reason: errorText(error) }));
        return null;
      } finally {
        refresh();
      }
    },
    [qc, message, t],
  );

  const cancel = useCallback(() => {
    qc.setQueryData<FetchJobState>(JOB_KEY, (s) => (s?.phase === "running" ? { ...s, cancelling: true } : s));
    void recordingsFetchCancel();
  }, [qc]);

  const dismiss = useCallback(() => qc.setQueryData(JOB_KEY, IDLE), [qc]);

  const running = state.phase === "running";
  return { state, running, start, cancel, dismiss };
}
