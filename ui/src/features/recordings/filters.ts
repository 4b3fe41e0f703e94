/** The Recordings page filter as the user edits it, and the backend's RecordingFilter it becomes. */
import type { RecordingFilter } from "../../ipc/bindings/RecordingFilter";
import type { RecordingState } from "../../ipc/bindings/RecordingState";
import { rangeBounds, type RangePreset } from "../calls/filters";

export interface RecFilterState {
  range: RangePreset;
  custom: [number, number] | null;
  /** Caller, callee or X in any format (same matching as the Calls page). */
  number: string;
  minSeconds: number | null;
  maxSeconds: number | null;
  states: RecordingState[];
  pinnedOnly: boolean;
  /** Only those the platform deletes within a day and not fetched yet. */
  expiringSoon: boolean;
}

export const EMPTY_REC_FILTER: RecFilterState = {
  range: "all",
  custom: null,
  number: "",
  minSeconds: null,
  maxSeconds: null,
  states: [],
  pinnedOnly: false,
  expiringSoon: false,
};

export function toRecordingFilter(s: RecFilterState, now: Date): RecordingFilter {
  const { from, to } = rangeBounds(s.range, now, s.custom);
  const [min, max] =
    s.minSeconds !== null && s.maxSeconds !== null && s.minSeconds > s.maxSeconds ? [s.maxSeconds, s.minSeconds] : [s.minSeconds, s.maxSeconds];
  return {
    from,
    to,
    number: /\d/.test(s.number) ? s.number.trim() : null,
    minSeconds: min,
    maxSeconds: max,
    states: [...s.states],
    pinnedOnly: s.pinnedOnly,
    expiringWithin: s.expiringSoon ? 86_400 : null,
  };
}

export function activeRecFilterCount(s: RecFilterState): number {
  return [
    s.range !== "all",
    /\d/.test(s.number),
    s.minSeconds !== null || s.maxSeconds !== null,
    s.states.length > 0,
    s.pinnedOnly,
    s.expiringSoon,
  ].filter(Boolean).length;
}
