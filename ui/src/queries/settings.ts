import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { useCallback } from "react";
import i18n from "../i18n";
import { resolveLanguage } from "../i18n/language";
import type { AppInfo } from "../ipc/bindings/AppInfo";
import type { Settings } from "../ipc/bindings/Settings";
import { settingsGet, settingsSet } from "../ipc/settings";
import { toAppError } from "../ipc/errors";
import { queryKeys } from "./keys";

export function useSettings(options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => settingsGet(), enabled: options.enabled ?? true });
}

/**
 * Saves settings optimistically: the cache (and so language/theme) changes at once and is rolled back
 * if the backend refuses, with a message in the language that is in effect after the rollback.
 */
export function useSaveSettings() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (next: Settings) => settingsSet(next),
    scope: { id: "settings" }, // one save at a time, in order
    onMutate: async (next: Settings) => {
      await qc.cancelQueries({ queryKey: queryKeys.settings });
      const previous = qc.getQueryData<Settings>(queryKeys.settings);
      qc.setQueryData(queryKeys.settings, next);
      return { previous };
    },
    onError: (err, _next, context) => {
      if (context?.previous) qc.setQueryData(queryKeys.settings, context.previous);
      const os = qc.getQueryData<AppInfo>(queryKeys.appInfo)?.osLocale || navigator.language;
      const t = i18n.getFixedT(resolveLanguage(context?.previous?.language, os));
      const { code } = toAppError(err);
      void message.error(t("settings.saveFailed", { reason: t(`errors.${code}`) }));
    },
    onSuccess: (saved) => qc.setQueryData(queryKeys.settings, saved),
  });
}

/** Changes one or more fields of the current settings; a no-op until settings have loaded. */
export function useUpdateSettings() {
  const qc = useQueryClient();
  const { mutate, isPending } = useSaveSettings();
  const update = useCallback(
    (patch: Partial<Settings>) => {
      const current = qc.getQueryData<Settings>(queryKeys.settings);
      if (current) mutate({ ...current, ...patch });
    },
    [qc, mutate],
  );
  return { update, isPending };
}
