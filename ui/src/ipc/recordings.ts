/**
 * Typed wrappers around the recordings commands (page, state, fetch job, local cache, playback, zip export),
 * and the `rec` URI scheme the player loads audio from. Like everything under src/ipc/, code that knows about
 * Tauri; nothing outside src/ipc/ imports @tauri-apps/*. Every function rejects with an AppError.
 */
import { Channel, convertFileSrc } from "@tauri-apps/api/core";
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
import { call, insideTauri } from "./client";

/** A progress channel in the app; the bare callback for the browser mock. */
function progressChannel<T>(onMessage: (m: T) => void): unknown {
  if (import.meta.env.MODE === "mock" || !insideTauri()) return onMessage;
  const ch = new Channel<T>();
  ch.onmessage = onMessage;
  return ch;
}

/** Only calls that have (or had) a recording, filtered and paged by the backend. */
export const recordingsPage = (request: RecordingPageRequest): Promise<RecordingPage> => call("recordings_page", { request });
export const recordingsSummary = (): Promise<RecordingSummary> => call("recordings_summary");
/** The recording side of any call (also calls without one: state `notRecorded` says why). */
export const recordingStatus = (callId: number): Promise<RecordingStatus> => call("recording_status", { callId });

/** Runs the (single) fetch job; `onProgress` hears after every recording. Resolves when it ends. */
export const recordingsFetch = (request: FetchRequest, onProgress: (p: FetchProgress) => void): Promise<FetchReport> =>
  call("recordings_fetch", { request, onProgress: progressChannel(onProgress) });
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
): Promise<ZipExportReport> => call("recordings_export_zip", { request, onProgress: progressChannel(onProgress) });
export const recordingsExportCancel = (): Promise<null> => call("recordings_export_cancel");

/**
 * The URL the player streams `info.source` from: the app's `rec` scheme (HTTP Range, no IPC).
 * The browser mock serves a generated WAV instead.
 */
export async function recordingUrl(source: string): Promise<string> {
  if (import.meta.env.MODE === "mock") {
    const { mockRecordingUrl } = await import("./devMockRecordings");
    return mockRecordingUrl(source);
  }
  if (!insideTauri()) return "";
  return convertFileSrc(source, "rec");
}
