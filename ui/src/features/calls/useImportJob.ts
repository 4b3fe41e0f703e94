import { App } from "antd";
import { useCallback, useReducer, useRef } from "react";
import { useTranslation } from "react-i18next";
import { pickImportPaths } from "../../ipc/dialogs";
import { importCancel, importStart } from "../../ipc/import";
import { toAppError } from "../../ipc/errors";
import { useInvalidateCalls } from "../../queries/calls";
import { IDLE, importReducer, totals } from "./importState";
import { errorText } from "../../i18n/useText";

/** The import job of the Calls page: pick or drop paths, run with progress, cancel, report. */
export function useImportJob() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateCalls();
  const [state, dispatch] = useReducer(importReducer, IDLE);
  const running = useRef(false);

  const run = useCallback(
    async (paths: string[]) => {
      if (paths.length === 0 || running.current) return;
      running.current = true;
      dispatch({ type: "start", paths });
      try {
        const reports = await importStart(paths, (progress) => dispatch({ type: "progress", progress }));
        dispatch({ type: "finished", reports });
        const sum = totals(reports);
        if (sum.new > 0) void message.success(t("calls.import.done", { new: sum.new }));
      } catch (e) {
        dispatch({ type: "failed", error: toAppError(e) });
      } finally {
        running.current = false;
        void invalidate();
      }
    },
    [invalidate, message, t],
  );

  const pickAndRun = useCallback(
    async (folder: boolean) => {
      try {
        const paths = await pickImportPaths(
          { title: t("calls.import.dialogTitle"), filterName: t("calls.import.filterName") },
          folder,
        );
        await run(paths);
      } catch (e) {
        void message.error(t("calls.import.startFailed", { reason: errorText(e) }));
      }
    },
    [message, run, t],
  );

  const cancel = useCallback(() => {
    dispatch({ type: "cancel" });
    void importCancel();
  }, []);

  const close = useCallback(() => dispatch({ type: "close" }), []);

  return { state, run, pickAndRun, cancel, close };
}
