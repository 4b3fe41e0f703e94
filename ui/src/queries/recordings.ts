import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { RecordingPageRequest } from "../ipc/bindings/RecordingPageRequest";
import type { RecordingSettings } from "../ipc/bindings/RecordingSettings";
import {
  recordingDeleteLocal,
  recordingPin,
  recordingPlayback,
  recordingsPage,
  recordingsSettingsSet,
  recordingsStorage,
  recordingsSummary,
  recordingStatus,
  recordingUrl,
} from "../ipc/recordings";

/**
 * Keys of everything recordings-related. A fetch job's progress, pin, delete or a settings change invalidates
 * `recordingsKeys.all` (the storage figures and a call's state follow from the same data).
 */
export const recordingsKeys = {
  all: ["recordings"] as const,
  page: (r: RecordingPageRequest) => ["recordings", "page", r] as const,
  summary: ["recordings", "summary"] as const,
  status: (callId: number) => ["recordings", "status", callId] as const,
  playback: (callId: number) => ["recordings", "playback", callId] as const,
  storage: ["recordings", "storage"] as const,
};

/** While something is being downloaded (also the automatic fetch after an import, which sends no progress to
 * the UI) the summary is polled, and every recordings query refreshes when it changes. */
const POLL_MS = 2000;

/** `poll` while something is being downloaded (e.g. the automatic fetch after an import, which reports to nobody). */
export function useRecordingsPage(request: RecordingPageRequest, options: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: recordingsKeys.page(request),
    queryFn: () => recordingsPage(request),
    placeholderData: keepPreviousData,
    refetchInterval: options.poll ? POLL_MS : false,
  });
}

export function useRecordingsSummary() {
  return useQuery({
    queryKey: recordingsKeys.summary,
    queryFn: () => recordingsSummary(),
    refetchInterval: (q) => ((q.state.data?.fetching ?? 0) > 0 ? POLL_MS : false),
  });
}

export function useRecordingStatus(callId: number | null) {
  return useQuery({
    queryKey: recordingsKeys.status(callId ?? -1),
    queryFn: () => recordingStatus(callId as number),
    enabled: callId !== null,
    refetchInterval: (q) => (q.state.data?.state === "fetching" ? POLL_MS : false),
  });
}

/** Peaks, duration and the streaming URL of a fetched recording (peaks are computed once in Rust, cached there). */
export function usePlayback(callId: number | null, enabled: boolean) {
  return useQuery({
    queryKey: recordingsKeys.playback(callId ?? -1),
    queryFn: async () => {
      const info = await recordingPlayback(callId as number);
      return { ...info, url: info.streamUrl ?? (await recordingUrl(info.source)) };
    },
    enabled: callId !== null && enabled,
    staleTime: Infinity,
  });
}

export function useRecordingStorage() {
  return useQuery({ queryKey: recordingsKeys.storage, queryFn: () => recordingsStorage() });
}

export function useInvalidateRecordings() {
  const qc = useQueryClient();
  return useCallback(() => qc.invalidateQueries({ queryKey: recordingsKeys.all }), [qc]);
}

export function usePinRecordings() {
  const invalidate = useInvalidateRecordings();
  return useMutation({
    mutationFn: ({ callIds, pinned }: { callIds: number[]; pinned: boolean }) => recordingPin(callIds, pinned),
    onSettled: invalidate,
  });
}

/** Resolves with the number of files removed. */
export function useDeleteLocalRecordings() {
  const invalidate = useInvalidateRecordings();
  return useMutation({
    mutationFn: (callIds: number[]) => recordingDeleteLocal(callIds),
    onSettled: invalidate,
  });
}

export function useSaveRecordingSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (settings: RecordingSettings) => recordingsSettingsSet(settings),
    onSuccess: (storage) => {
      qc.setQueryData(recordingsKeys.storage, storage);
      void qc.invalidateQueries({ queryKey: recordingsKeys.all });
    },
  });
}
