import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { CallFilter } from "../ipc/bindings/CallFilter";
import type { CallPageRequest } from "../ipc/bindings/CallPageRequest";
import type { StatsRequest } from "../ipc/bindings/StatsRequest";
import { callDetail, callsCount, callsPage, callsStats } from "../ipc/calls";
import { recordingsKeys } from "./recordings";

/** Keys of everything derived from the calls table; an import or a new CDR invalidates `callsKeys.all`. */
export const callsKeys = {
  all: ["calls"] as const,
  page: (r: CallPageRequest) => ["calls", "page", r] as const,
  count: (f: CallFilter) => ["calls", "count", f] as const,
  detail: (id: number) => ["calls", "detail", id] as const,
  stats: (r: StatsRequest) => ["calls", "stats", r] as const,
};

/** A page of calls; the previous page stays on screen while the next loads. */
export function useCallsPage(request: CallPageRequest) {
  return useQuery({
    queryKey: callsKeys.page(request),
    queryFn: () => callsPage(request),
    placeholderData: keepPreviousData,
  });
}

export function useCallsCount(filter: CallFilter) {
  return useQuery({ queryKey: callsKeys.count(filter), queryFn: () => callsCount(filter), placeholderData: keepPreviousData });
}

export function useCallDetail(id: number | null) {
  return useQuery({
    queryKey: callsKeys.detail(id ?? -1),
    queryFn: () => callDetail(id as number),
    enabled: id !== null,
  });
}

export function useCallsStats(request: StatsRequest, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: callsKeys.stats(request),
    queryFn: () => callsStats(request),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** After an import: every list, count and chart refetches, and the recordings (new calls bring new ones, and the
 * automatic fetch may have started). */
export function useInvalidateCalls() {
  const qc = useQueryClient();
  return useCallback(
    () => Promise.all([qc.invalidateQueries({ queryKey: callsKeys.all }), qc.invalidateQueries({ queryKey: recordingsKeys.all })]),
    [qc],
  );
}
