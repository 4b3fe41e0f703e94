/**
 * The recordings part of the browser-only mock backend (see devMock.ts): a recording state for every mock call
 * (older than 7 days and not fetched = expired), paging and filters, a simulated fetch job with progress and cancel,
 * pin / delete local copy, cache usage and settings, playback peaks and a generated WAV to play, and the zip export.
 * `?recordings=0` starts with no recordings at all (the empty state); `?slowFetch=1` slows the fetch job down.
 */
import type { CallRow } from "./bindings/CallRow";
import type { FetchProgress } from "./bindings/FetchProgress";
import type { FetchRequest } from "./bindings/FetchRequest";
import type { PlaybackInfo } from "./bindings/PlaybackInfo";
import type { RecordingFilter } from "./bindings/RecordingFilter";
import type { RecordingPageRequest } from "./bindings/RecordingPageRequest";
import type { RecordingRow } from "./bindings/RecordingRow";
import type { RecordingSettings } from "./bindings/RecordingSettings";
import type { RecordingState } from "./bindings/RecordingState";
import type { RecordingStatus } from "./bindings/RecordingStatus";
import type { RecordingStorage } from "./bindings/RecordingStorage";
import type { ZipExportProgress } from "./bindings/ZipExportProgress";
import type { ZipExportRequest } from "./bindings/ZipExportRequest";
import { mockCallRows } from "./devMockCalls";
import { mockWavUrl, mockPeaks } from "./devMockWav";

const params = new URLSearchParams(window.location.search);
const none = params.get("recordings") === "0";
const RETENTION = 7 * 86400;
const BYTES_PER_SEC = 16_000; // 8 kHz 16-bit mono, as the platform records
const now = () => Math.floor(Date.now() / 1000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const statuses = new Map<number, RecordingStatus>();
let settings: RecordingSettings = { cacheLimitMb: 2048, autoFetch: true };
let fetchCancelled = false;
let fetchRunning = false;
let exportCancelled = false;

const hasRecording = (r: CallRow) => r.hasRecording && !none;
const sha = (id: number) => (id * 2654435761).toString(16).padStart(8, "0").repeat(8).slice(0, 64);

function initial(r: CallRow): RecordingStatus {
  const base: RecordingStatus = {
    callId: r.id,
    state: "notRecorded",
    notRecorded: null,
    platformDeletesAt: null,
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
  };
  if (!hasRecording(r)) {
    const notRecorded = !r.answered ? "notAnswered" : r.talkSeconds < 3 ? "tooShort" : "recordingOff";
    return { ...base, notRecorded };
  }
  const deletes = (r.endTime ?? r.startTime) + RETENTION;
  const roll = r.id % 20;
  const fetched = roll < 7;
  const withDeletes = { ...base, platformDeletesAt: deletes };
  if (fetched) return fetchedStatus(withDeletes, r, roll === 0);
  if (deletes <= now()) return { ...withDeletes, state: "expired", attempts: roll === 7 ? 3 : 0 };
  if (roll === 8 || roll === 9) {
    return {
      ...withDeletes,
      state: "failed",
      attempts: 2,
      errorKind: roll === 8 ? "network" : "truncated",
      error:
        roll === 8
          ? { en: "The download was interrupted (connection reset). It will be retried; check the network if it keeps failing.", zh: "下载中断（连接被重置），将自动重试；如持续失败请检查网络。" }
          : { en: "The platform sent fewer bytes than it announced; nothing was kept. It will be retried.", zh: "平台返回的数据不完整，未保存，将自动重试。" },
      nextAttemptAt: now() + 600,
    };
  }
  if (roll === 10) return { ...withDeletes, state: "evicted", attempts: 1 };
  return { ...withDeletes, state: "waiting" };
}

function fetchedStatus(s: RecordingStatus, r: CallRow, pinned: boolean): RecordingStatus {
  return {
    ...s,
    state: "fetched",
    attempts: Math.max(1, s.attempts + 1),
    error: null,
    errorKind: null,
    nextAttemptAt: null,
    fileName: `${sha(r.id)}.wav`,
    sha256: sha(r.id),
    bytes: r.talkSeconds * BYTES_PER_SEC + 44,
    durationMs: r.talkSeconds * 1000,
    format: "wav/alaw",
    fetchedAt: Math.min(now(), r.startTime + 3600),
    pinned: pinned || s.pinned,
  };
}

function status(r: CallRow): RecordingStatus {
  let s = statuses.get(r.id);
  if (!s) {
    s = initial(r);
    statuses.set(r.id, s);
  }
  if (s.platformDeletesAt !== null && s.platformDeletesAt <= now() && ["waiting", "failed", "evicted"].includes(s.state)) {
    s = { ...s, state: "expired" };
    statuses.set(r.id, s);
  }
  return s;
}

const byId = (id: number) => {
  const r = mockCallRows().find((c) => c.id === id);
  if (!r) throw { code: "notFound", message: { en: `call ${id} does not exist`, zh: `通话记录不存在` } };
  return r;
};
const national = (n: string) => n.replace(/^\+86/, "");

function matches(r: CallRow, s: RecordingStatus, f: RecordingFilter): boolean {
  if (s.state === "notRecorded") return false;
  if (f.from !== null && r.startTime < f.from) return false;
  if (f.to !== null && r.startTime >= f.to) return false;
  if (f.number) {
    const d = f.number.replace(/\D/g, "").replace(/^(0086|86(?=1\d{10}$))/, "");
    const nums = [r.caller, r.callee, r.xNumber].map(national);
    if (d.length <= 4 ? !nums.some((n) => n.endsWith(d)) : !nums.some((n) => n.includes(d))) return false;
  }
  if (f.minSeconds !== null && r.talkSeconds < f.minSeconds) return false;
  if (f.maxSeconds !== null && r.talkSeconds > f.maxSeconds) return false;
  if (f.states.length > 0 && !f.states.includes(s.state)) return false;
  if (f.pinnedOnly && !s.pinned) return false;
  if (f.expiringWithin !== null && !(s.platformDeletesAt !== null && s.state !== "fetched" && s.platformDeletesAt - now() <= f.expiringWithin)) {
    return false;
  }
  return true;
}

const toRow = (r: CallRow): RecordingRow => ({
  callId: r.id,
  startTime: r.startTime,
  direction: r.direction,
  caller: r.caller,
  callee: r.callee,
  xNumber: r.xNumber,
  talkSeconds: r.talkSeconds,
  status: status(r),
});

function page(req: RecordingPageRequest) {
  const size = req.pageSize || 50;
  const rows = mockCallRows()
    .filter((r) => matches(r, status(r), req.filter))
    .sort((a, b) => b.startTime - a.startTime);
  return { rows: rows.slice(req.page * size, (req.page + 1) * size).map(toRow), total: rows.length, page: req.page, pageSize: size };
}

function summary() {
  const all = mockCallRows().map(status);
  const count = (st: RecordingState) => all.filter((s) => s.state === st).length;
  const pending = all.filter((s) => ["waiting", "failed", "evicted", "fetching"].includes(s.state) && s.platformDeletesAt !== null);
  const deletions = pending.map((s) => s.platformDeletesAt as number).filter((d) => d > now());
  return {
    waiting: count("waiting"),
    fetching: count("fetching"),
    fetched: count("fetched"),
    failed: count("failed"),
    expired: count("expired"),
    evicted: count("evicted"),
    expiringWithinDay: deletions.filter((d) => d - now() <= 86400).length,
    nextDeletionAt: deletions.length ? Math.min(...deletions) : null,
  };
}

async function runFetch(req: FetchRequest, onProgress: (p: FetchProgress) => void) {
  if (fetchRunning) throw { code: "invalidInput", message: { en: "A recordings fetch is already running.", zh: "已有录音下载任务在运行。" } };
  fetchRunning = true;
  fetchCancelled = false;
  const wanted = mockCallRows()
    .filter((r) => (req.callIds.length ? req.callIds.includes(r.id) : req.since === null || r.startTime >= req.since))
    .filter((r) => ["waiting", "failed", "evicted"].includes(status(r).state))
    .sort((a, b) => a.startTime - b.startTime);
  const p: FetchProgress = { total: wanted.length, fetched: 0, failed: 0, expired: 0, bytes: 0, callId: null };
  onProgress({ ...p });
  try {
    for (const r of wanted) {
      if (fetchCancelled) break;
      statuses.set(r.id, { ...status(r), state: "fetching" });
      onProgress({ ...p, callId: r.id });
      await sleep(params.get("slowFetch") ? 900 : 180);
      const s = status(r);
      if (r.id % 17 === 0) {
        statuses.set(r.id, { ...s, state: "failed", attempts: s.attempts + 1, errorKind: "http503", error: { en: "The platform answered HTTP 503. It will be retried later.", zh: "平台返回 HTTP 503，稍后将自动重试。" }, nextAttemptAt: now() + 300 });
        p.failed++;
      } else {
        const done = fetchedStatus(s, r, false);
        statuses.set(r.id, done);
        p.fetched++;
        p.bytes += done.bytes ?? 0;
      }
      onProgress({ ...p, callId: r.id });
    }
  } finally {
    fetchRunning = false;
  }
  return { ...p, cancelled: fetchCancelled, evicted: 0 };
}

function storage(): RecordingStorage {
  const fetched = mockCallRows()
    .map(status)
    .filter((s) => s.state === "fetched");
  const pinned = fetched.filter((s) => s.pinned);
  const sum = (xs: RecordingStatus[]) => xs.reduce((n, s) => n + (s.bytes ?? 0), 0);
  return {
    usedBytes: sum(fetched),
    files: fetched.length,
    pinnedBytes: sum(pinned),
    pinnedFiles: pinned.length,
    folder: "/home/demo/.local/share/com.maskline.app/recordings",
    settings,
  };
}

function playback(callId: number): PlaybackInfo {
  const r = byId(callId);
  const s = status(r);
  if (s.state !== "fetched" || !s.fileName) throw { code: "notFound", message: { en: "This recording is not in the local cache: fetch it first.", zh: "本机没有这段录音，请先下载。" } };
  return { callId, source: s.fileName, mime: "audio/wav", durationMs: s.durationMs ?? 0, peaks: mockPeaks(callId, 600) };
}

async function runZip(req: ZipExportRequest, onProgress: (p: ZipExportProgress) => void) {
  exportCancelled = false;
  let done = 0;
  const total = req.callIds.length;
  while (done < total && !exportCancelled) {
    await sleep(200);
    done = Math.min(total, done + Math.max(1, Math.ceil(total / 6)));
    onProgress({ done, total });
  }
  const missing = req.callIds.filter((id) => statuses.get(id)?.state !== "fetched").length;
  return { path: req.path, calls: done, recordings: Math.max(0, done - missing), missing, cancelled: exportCancelled };
}

/** The mock's stand-in for the `rec` scheme: a generated WAV of the recording's length. */
export function mockRecordingUrl(source: string): string {
  const s = [...statuses.values()].find((x) => x.fileName === source);
  return mockWavUrl(source, (s?.durationMs ?? 10_000) / 1000, s?.callId ?? 1);
}

const setPinned = (ids: number[], pinned: boolean) => {
  for (const id of ids) statuses.set(id, { ...status(byId(id)), pinned });
  return null;
};
const deleteLocal = (ids: number[]) => {
  let n = 0;
  for (const id of ids) {
    const s = status(byId(id));
    if (s.state !== "fetched") continue;
    n++;
    const gone = s.platformDeletesAt !== null && s.platformDeletesAt <= now();
    statuses.set(id, { ...s, state: gone ? "expired" : "evicted", fileName: null, sha256: null, bytes: null, fetchedAt: null, pinned: false });
  }
  return n;
};

export const recordingHandlers: Record<string, (args?: Record<string, unknown>) => unknown> = {
  recordings_page: (a) => page(a?.request as RecordingPageRequest),
  recordings_summary: summary,
  recording_status: (a) => status(byId(a?.callId as number)),
  recordings_fetch: (a) => runFetch(a?.request as FetchRequest, a?.onProgress as (p: FetchProgress) => void),
  recordings_fetch_cancel: () => {
    fetchCancelled = true;
    return null;
  },
  recording_playback: (a) => playback(a?.callId as number),
  recording_played: (a) => {
    const r = byId(a?.callId as number);
    statuses.set(r.id, { ...status(r), lastPlayedAt: now() });
    return null;
  },
  recording_pin: (a) => setPinned(a?.callIds as number[], a?.pinned as boolean),
  recording_delete_local: (a) => deleteLocal(a?.callIds as number[]),
  recordings_storage: storage,
  recordings_settings_set: (a) => {
    const next = a?.settings as RecordingSettings;
    if (!Number.isInteger(next.cacheLimitMb) || next.cacheLimitMb < 64) {
      throw { code: "invalidInput", message: { en: "The cache limit must be at least 64 MiB.", zh: "缓存上限至少为 64 MiB。" } };
    }
    settings = next;
    return storage();
  },
  recordings_export_zip: (a) => runZip(a?.request as ZipExportRequest, a?.onProgress as (p: ZipExportProgress) => void),
  recordings_export_cancel: () => {
    exportCancelled = true;
    return null;
  },
};
