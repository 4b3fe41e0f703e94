/** Backend answers shared by the UI tests (one copy of each shape, patched per test). */
import type { RecordingStatus } from "../ipc/bindings/RecordingStatus";

/** The tests' "now": 2026-11-25 12:00 UTC. */
export const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
export const nowSecs = NOW / 1000;

/** A call's recording side: by default waiting to be fetched, with the platform deleting it in 2 d 5 h. */
export function recordingStatus(patch: Partial<RecordingStatus> = {}): RecordingStatus {
  return {
    callId: 7,
    state: "waiting",
    notRecorded: null,
    platformDeletesAt: nowSecs + 2 * 86400 + 5 * 3600 + 30,
    error: null,
    errorKind: null,
    attempts: 0,
    nextAttemptAt: null,
    fileName: null,
    sha256: null,
    bytes: null,
    durationMs: null,
    format: null,
    fetchedAt: null,
    lastPlayedAt: null,
    pinned: false,
    ...patch,
  };
}
