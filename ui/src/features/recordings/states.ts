/** Recording states: their tag colours, the order filters list them, and which still need fetching. */
import type { RecordingState } from "../../ipc/bindings/RecordingState";
import type { RecordingStatus } from "../../ipc/bindings/RecordingStatus";

export const STATE_COLOR: Record<RecordingState, string> = {
  notRecorded: "default",
  waiting: "blue",
  fetching: "processing",
  fetched: "green",
  failed: "red",
  expired: "default",
  evicted: "orange",
};

/** Every state, in the order the filters list them. */
export const STATES: readonly RecordingState[] = ["waiting", "fetching", "fetched", "failed", "evicted", "expired"];

/** Not fetched, and the platform still has it: the countdown matters. */
export const pendingOnPlatform = (s: RecordingStatus) =>
  (s.state === "waiting" || s.state === "failed" || s.state === "evicted" || s.state === "fetching") && s.platformDeletesAt !== null;
