import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useBackendListener } from "../components/useBackendListener";
import type { WatchFolderSettings } from "../ipc/bindings/WatchFolderSettings";
import type { WatchStatus } from "../ipc/bindings/WatchStatus";
import { onWatchFolderStatus, watchFolderGet, watchFolderSet, watchFolderStatus } from "../ipc/watch";
import { useInvalidateCalls } from "./calls";

/** The watch folder's saved setting and its live status (kept fresh by the backend's `watch-folder` event). */
export const watchKeys = {
  settings: ["watchFolder", "settings"] as const,
  status: ["watchFolder", "status"] as const,
};

export function useWatchFolderSettings() {
  return useQuery({ queryKey: watchKeys.settings, queryFn: () => watchFolderGet() });
}

export function useWatchFolderStatus() {
  return useQuery({ queryKey: watchKeys.status, queryFn: () => watchFolderStatus() });
}

/** Saves the setting; the backend follows it at once and answers with the new status. */
export function useSaveWatchFolder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (next: WatchFolderSettings) => watchFolderSet(next),
    scope: { id: "watchFolder" }, // one save at a time, in order
    onSuccess: (status, saved) => {
      qc.setQueryData(watchKeys.status, status);
      qc.setQueryData(watchKeys.settings, saved);
      // Events of the new watch may have overtaken this answer: read both again.
      void qc.invalidateQueries({ queryKey: ["watchFolder"] });
    },
  });
}

/** Whether `next` reports a file imported since `prev` (so calls, the dashboard and recordings must refetch). */
export function importedSince(prev: WatchStatus | undefined, next: WatchStatus): boolean {
  if (!next.lastImport) return false;
  return prev?.lastImport?.at !== next.lastImport.at || prev.importedFiles !== next.importedFiles;
}

/**
 * Mounted once for the whole app: keeps the status fresh from the backend's events and, after every watched import,
 * refreshes what the Calls page, the dashboard and the Recordings page show (as a manual import does).
 */
export function useWatchFolderEvents() {
  const qc = useQueryClient();
  const invalidateCalls = useInvalidateCalls();
  const subscribe = useCallback(
    () =>
      onWatchFolderStatus((next) => {
        const prev = qc.getQueryData<WatchStatus>(watchKeys.status);
        qc.setQueryData(watchKeys.status, next);
        if (importedSince(prev, next)) void invalidateCalls();
      }),
    [qc, invalidateCalls],
  );
  useBackendListener(subscribe);
}
