/** The Calls page filter as the user edits it, and how it maps to the backend's CallFilter. */
import type { CallDirection } from "../../ipc/bindings/CallDirection";
import type { CallFilter } from "../../ipc/bindings/CallFilter";
import type { CallOutcome } from "../../ipc/bindings/CallOutcome";
import type { CallSort } from "../../ipc/bindings/CallSort";

/** Time range presets; `custom` uses `custom` (epoch seconds, [from, to)). */
export const RANGE_PRESETS = ["all", "today", "yesterday", "week", "month", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export interface CallsFilterState {
  range: RangePreset;
  custom: [number, number] | null;
  /** Any format: full number, any part, or the last digits. */
  number: string;
  xNumber: string;
  subscriptionId: string;
  direction: CallDirection | null;
  answered: boolean | null;
  outcomes: CallOutcome[];
  minTalk: number | null;
  maxTalk: number | null;
  hasRecording: boolean | null;
}

export const EMPTY_FILTER: CallsFilterState = {
  range: "all",
  custom: null,
  number: "",
  xNumber: "",
  subscriptionId: "",
  direction: null,
  answered: null,
  outcomes: [],
  minTalk: null,
  maxTalk: null,
  hasRecording: null,
};

/** Whether a number search can be run: blank (no number filter) or holding at least one digit,
 *  ASCII or full-width (`１３８…`, as a Chinese input method types it; the backend reads those as
 *  ASCII). A search without any digit is refused by the backend, so the box says so instead. */
export function numberSearchOk(text: string): boolean {
  return text.trim() === "" || /[0-9\uFF10-\uFF19]/.test(text);
}

/** Every outcome, in the order the backend lists them. */
export const OUTCOMES: readonly CallOutcome[] = [
  "answered",
  "maxDurationReached",
  "callerHungUpBeforeRinging",
  "callerHungUpWhileRinging",
  "callerHungUpBeforeTransfer",
  "calleeRejected",
  "calleeBusy",
  "calleeNoAnswer",
  "calleeUnreachable",
  "calleeSuspended",
  "calleeNumberInvalid",
  "networkFailure",
  "noBinding",
  "directionNotAllowed",
  "restricted",
  "accountProblem",
  "platformFailure",
  "endedBeforeAnswer",
  "unknown",
];

const secs = (d: Date) => Math.floor(d.getTime() / 1000);
const localMidnight = (d: Date, addDays = 0) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + addDays);

/** The [from, to) bounds of a preset in the user's time zone (null = open). */
export function rangeBounds(
  preset: RangePreset,
  now: Date,
  custom: [number, number] | null = null,
): { from: number | null; to: number | null } {
  switch (preset) {
    case "all":
      return { from: null, to: null };
    case "today":
      return { from: secs(localMidnight(now)), to: secs(localMidnight(now, 1)) };
    case "yesterday":
      return { from: secs(localMidnight(now, -1)), to: secs(localMidnight(now)) };
    case "week":
      return { from: secs(localMidnight(now, -6)), to: secs(localMidnight(now, 1)) };
    case "month":
      return {
        from: secs(new Date(now.getFullYear(), now.getMonth(), 1)),
        to: secs(new Date(now.getFullYear(), now.getMonth() + 1, 1)),
      };
    case "custom":
      return custom ? { from: custom[0], to: custom[1] } : { from: null, to: null };
  }
}

const text = (s: string) => (s.trim() === "" ? null : s.trim());

/** What the backend is asked for. Empty fields mean "no restriction". */
export function toCallFilter(state: CallsFilterState, now: Date): CallFilter {
  const { from, to } = rangeBounds(state.range, now, state.custom);
  const [min, max] =
    state.minTalk !== null && state.maxTalk !== null && state.minTalk > state.maxTalk
      ? [state.maxTalk, state.minTalk]
      : [state.minTalk, state.maxTalk];
  return {
    from,
    to,
    // Full-width digits count (the backend reads them as ASCII); a text without any digit is
    // never sent (the box says why, and the backend would refuse it).
    number: state.number.trim() !== "" && numberSearchOk(state.number) ? state.number.trim() : null,
    numberMatch: null,
    xNumber: text(state.xNumber),
    subscriptionId: text(state.subscriptionId),
    appKey: null,
    direction: state.direction,
    answered: state.answered,
    outcomes: [...state.outcomes],
    minTalkSeconds: min,
    maxTalkSeconds: max,
    hasRecording: state.hasRecording,
  };
}

/** How many filters differ from the empty filter (for the "Reset (n)" button). */
export function activeFilterCount(state: CallsFilterState): number {
  let n = 0;
  if (state.range !== "all") n++;
  if (/\d/.test(state.number)) n++;
  if (text(state.xNumber)) n++;
  if (text(state.subscriptionId)) n++;
  if (state.direction !== null) n++;
  if (state.answered !== null) n++;
  if (state.outcomes.length > 0) n++;
  if (state.minTalk !== null || state.maxTalk !== null) n++;
  if (state.hasRecording !== null) n++;
  return n;
}

/** Table column keys that can be sorted, and the backend column each sorts by. */
export const SORTABLE = {
  start: "startTime",
  talk: "talkSeconds",
  caller: "caller",
  callee: "callee",
  x: "xNumber",
  outcome: "outcome",
} as const satisfies Record<string, CallSort["column"]>;

/** The backend sort for the table's sorter state; no sorter = newest first. */
export function toCallSort(columnKey: string | undefined, order: "ascend" | "descend" | null | undefined): CallSort {
  const column = columnKey && columnKey in SORTABLE ? SORTABLE[columnKey as keyof typeof SORTABLE] : null;
  if (!column || !order) return { column: "startTime", descending: true };
  return { column, descending: order === "descend" };
}
