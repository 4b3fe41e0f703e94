/**
 * Typed wrappers around `commands/recordings.rs` (page, state, fetch job, local cache, playback, zip export),
 * and the `rec` URI scheme the player loads audio from. Every function rejects with an AppError.
 */
import { convertFileSrc } from "@tauri-apps/api/core";
import type { FetchProgress } from "./bindings/FetchProgress";
import type { FetchReport } from "./bindings/FetchReport";
import type { FetchRequest } from "./bindings/FetchRequest";
import type { PlaybackInfo } from "./bindings/PlaybackInfo";
import type { RecordingPage } from "./bindings/RecordingPage";
import type { RecordingPageRequest } from "./bindings/RecordingPageRequest";
import type { RecordingSettings } from "./bindings/RecordingSettings";
import type { RecordingStatus } from "./bindings/RecordingStatus";
import type { RecordingStorage } from "./bindings/RecordingStorage";
import type { RecordingSummary } from "./bindings/RecordingSummary";
import type { ZipExportProgress } from "./bindings/ZipExportProgress";
import type { ZipExportReport } from "./bindings/ZipExportReport";
import type { ZipExportRequest } from "./bindings/ZipExportRequest";
import { call, channel, insideTauri } from "./invoke";

/** Only calls that have (or had) a recording, filtered and paged by the backend. */
export const recordingsPage = (request: RecordingPageRequest): Promise<RecordingPage> => call("recordings_page", { request });
export const recordingsSummary = (): Promise<RecordingSummary> => call("recordings_summary");
/** The recording side of any call (also calls without one: state `notRecorded` says why). */
export const recordingStatus = (callId: number): Promise<RecordingStatus> => call("recording_status", { callId });

/** Runs the (single) fetch job; `onProgress` hears after every recording. Resolves when it ends. */
export const recordingsFetch = (request: FetchRequest, onProgress: (p: FetchProgress) => void): Promise<FetchReport> =>
  call("recordings_fetch", { request, onProgress: channel(onProgress) });
/** Stops the running fetch; fetched files are kept, the rest stays waiting. */
export const recordingsFetchCancel = (): Promise<null> => call("recordings_fetch_cancel");

export const recordingPlayback = (callId: number): Promise<PlaybackInfo> => call("recording_playback", { callId });
/** Call once when playback of a loaded recording first starts (audit log, LRU order). */
export const recordingPlayed = (callId: number): Promise<null> => call("recording_played", { callId });

/** Pinned recordings (evidence) are never evicted by the size limit. */
export const recordingPin = (callIds: number[], pinned: boolean): Promise<null> => call("recording_pin", { callIds, pinned });
/** Resolves with the number of local files removed. */
export const recordingDeleteLocal = (callIds: number[]): Promise<number> => call("recording_delete_local", { callIds });

export const recordingsStorage = (): Promise<RecordingStorage> => call("recordings_storage");
export const recordingsSettingsSet = (settings: RecordingSettings): Promise<RecordingStorage> =>
  call("recordings_settings_set", { settings });

/** calls.csv + the audio files into `request.path`. */
export const recordingsExportZip = (
  request: ZipExportRequest,
  onProgress: (p: ZipExportProgress) => void,
): Promise<ZipExportReport> => call("recordings_export_zip", { request, onProgress: channel(onProgress) });
export const recordingsExportCancel = (): Promise<null> => call("recordings_export_cancel");

/** The URL the player streams `info.source` from: the app's `rec` scheme (HTTP Range, no IPC). */
export async function recordingUrl(source: string): Promise<string> {
  if (!insideTauri()) return "";
  return convertFileSrc(source, "rec");
}
