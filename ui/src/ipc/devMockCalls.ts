/**
 * The calls part of the browser-only mock backend (see devMock.ts): ~1,500 deterministic calls over the last
 * ten days, filtering, sorting, paging, stats, details with events, and simulated import/export jobs with progress.
 * `?calls=0` starts with none (the empty state); importing then adds them.
 */
import type { AppError } from "./bindings/AppError";
import type { CallDetail } from "./bindings/CallDetail";
import type { CallFilter } from "./bindings/CallFilter";
import type { CallOutcome } from "./bindings/CallOutcome";
import type { CallPageRequest } from "./bindings/CallPageRequest";
import type { CallRow } from "./bindings/CallRow";
import type { CallStats } from "./bindings/CallStats";
import type { ExportProgress } from "./bindings/ExportProgress";
import type { ExportRequest } from "./bindings/ExportRequest";
import type { FileReport } from "./bindings/FileReport";
import type { ImportProgress } from "./bindings/ImportProgress";
import type { StatsRequest } from "./bindings/StatsRequest";

const params = new URLSearchParams(window.location.search);

let seed = 42;
/** mulberry32: small, deterministic, good enough for demo data. */
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join("");

const FAILURES: [CallOutcome, number][] = [
  ["calleeNoAnswer", 30],
  ["callerHungUpWhileRinging", 25],
  ["calleeBusy", 15],
  ["calleeRejected", 10],
  ["calleeUnreachable", 8],
  ["networkFailure", 5],
  ["noBinding", 4],
  ["calleeSuspended", 2],
  ["unknown", 1],
];
const TEXT: Partial<Record<CallOutcome, [string, string]>> = {
  answered: ["已接通并正常结束。无需处理。", "Answered and ended normally. Nothing to do."],
  calleeNoAnswer: ["被叫振铃后无人接听，超时结束。请稍后重试。", "The callee's phone rang but nobody answered before the timeout. Try again later."],
  callerHungUpWhileRinging: ["被叫振铃期间，主叫挂机。非故障：被叫未及时接听。", "The caller hung up while the callee's phone was ringing. Not a fault: nobody answered in time."],
  calleeBusy: ["被叫用户忙。请稍后重试。", "The callee's line was busy. Try again later."],
  calleeRejected: [
    "被叫拒接（挂断、免打扰、黑名单或拦截软件）。请让被叫接听来自隐私号 X 的来电，或在拦截软件中放行该号码。",
    "The callee rejected the call (declined, do-not-disturb, blacklist or a blocking app). Ask the callee to accept calls from the private number X or allow it in their blocking app.",
  ],
  maxDurationReached: [
    "已接通，通话达到绑定设置的最长通话时长后被平台挂断。如需更长通话，请调大绑定的最长通话时长（maxDuration）。",
    "Answered, then cut off by the platform at the binding's maximum call duration. If calls need to last longer, raise maxDuration on the binding.",
  ],
  noBinding: [
    "呼叫隐私号码时没有找到生效的绑定关系（可能已解绑或已过期），平台放音后挂断。请确认绑定关系仍然有效。",
    "No active binding was found for the private number (it may have been unbound or expired); the platform played an announcement and hung up. Check that the binding still exists.",
  ],
  networkFailure: [
    "运营商网络或被叫侧异常（信号或路由问题），呼叫失败。通常是临时问题，请重试；若持续出现，请带上 icid 联系华为云客服。",
    "The call failed in the carrier network or on the callee's side (signal or routing). Usually temporary: retry. If it persists, report it to Huawei Cloud support with the icid.",
  ],
  calleeSuspended: ["被叫号码已停机。请核对绑定的真实号码。", "The callee's number is suspended by the carrier. Check the real number in the binding."],
  unknown: ["平台返回了 Maskline 未收录的代码，原始值见下方。", "The platform sent a code Maskline does not know; the raw values are below."],
  calleeUnreachable: ["被叫无法接通（关机、飞行模式或无信号）。请稍后重试，或通过其他方式联系被叫。", "The callee could not be reached (phone off, flight mode or no signal). Try again later or reach the callee another way."],
};
const CODES: Partial<Record<CallOutcome, [string, number, string, string][]>> = {
  calleeNoAnswer: [["fwdUnaswRsn", 19, "无应答", "no answer"]],
  calleeBusy: [["fwdUnaswRsn", 17, "用户忙", "user busy"]],
  calleeRejected: [["ulFailReason", 7503, "被叫挂机", "callee hung up"], ["fwdUnaswRsn", 21, "呼叫拒绝", "call rejected"]],
  calleeUnreachable: [["fwdUnaswRsn", 20, "用户缺席", "subscriber absent"]],
  networkFailure: [["sipStatusCode", 503, "服务不可用", "service unavailable"]],
  unknown: [["ulFailReason", 9999, "", ""]],
};

function outcome(): CallOutcome {
  if (rand() < 0.62) return rand() < 0.03 ? "maxDurationReached" : "answered";
  let r = rand() * 100;
  for (const [o, w] of FAILURES) {
    if ((r -= w) < 0) return o;
  }
  return "calleeNoAnswer";
}

const X_POOL = Array.from({ length: 12 }, () => `+86170${digits(8)}`);
const PEOPLE = Array.from({ length: 80 }, () => `+861${pick(["38", "39", "86", "58", "77", "35"])}${digits(8)}`);
PEOPLE[0] = "+8613800138000";

function generate(count: number): CallRow[] {
  const now = Math.floor(Date.now() / 1000);
  const rows: CallRow[] = [];
  for (let i = 0; i < count; i++) {
    const start = now - Math.floor(rand() * 10 * 86400);
    const hour = new Date(start * 1000).getHours();
    if ((hour < 8 || hour > 21) && rand() < 0.8) continue; // quieter nights
    const o = outcome();
    const answered = o === "answered" || o === "maxDurationReached";
    const talk = answered ? Math.floor(20 + rand() * (o === "maxDurationReached" ? 3600 : 400)) : 0;
    rows.push({
      id: 0,
      startTime: start,
      endTime: start + 5 + talk + Math.floor(rand() * 20),
      direction: o === "noBinding" ? "abnormal" : rand() < 0.7 ? "toA" : "fromA",
      caller: pick(PEOPLE),
      callee: pick(PEOPLE),
      xNumber: pick(X_POOL),
      subscriptionId: o === "noBinding" ? null : `sub-${digits(4)}-${digits(4)}`,
      answered,
      talkSeconds: talk,
      outcome: o,
      hasRecording: answered && rand() < 0.4,
    });
  }
  rows.sort((a, b) => a.startTime - b.startTime);
  rows.forEach((r, i) => (r.id = i + 1));
  return rows;
}

let calls: CallRow[] = params.get("calls") === "0" ? [] : generate(1800);

/** The current mock calls, for the recordings mock (devMockRecordings.ts). */
export const mockCallRows = (): readonly CallRow[] => calls;

/** Every mock call belongs to the "Production" account of devMock.ts. */
const MOCK_APP_KEY = "7Lp2qX0aVb3kR9sD";
const national = (n: string) => n.replace(/^\+86/, "");
function matches(r: CallRow, f: CallFilter): boolean {
  if (f.from !== null && r.startTime < f.from) return false;
  if (f.to !== null && r.startTime >= f.to) return false;
  if (f.number) {
    const d = f.number.replace(/\D/g, "").replace(/^(0086|86(?=1\d{10}$))/, "");
    const nums = [r.caller, r.callee, r.xNumber].map(national);
    if (d.length <= 4 ? !nums.some((n) => n.endsWith(d)) : !nums.some((n) => n.includes(d))) return false;
  }
  if (f.xNumber && national(r.xNumber) !== f.xNumber.replace(/\D/g, "").replace(/^86(?=1)/, "")) return false;
  if (f.subscriptionId && r.subscriptionId !== f.subscriptionId) return false;
  if (f.appKey && f.appKey !== MOCK_APP_KEY) return false;
  if (f.direction && r.direction !== f.direction) return false;
  if (f.answered !== null && r.answered !== f.answered) return false;
  if (f.outcomes.length > 0 && !f.outcomes.includes(r.outcome)) return false;
  if (f.minTalkSeconds !== null && r.talkSeconds < f.minTalkSeconds) return false;
  if (f.maxTalkSeconds !== null && r.talkSeconds > f.maxTalkSeconds) return false;
  if (f.hasRecording !== null && r.hasRecording !== f.hasRecording) return false;
  return true;
}

const SORT_KEY: Record<string, (r: CallRow) => number | string> = {
  startTime: (r) => r.startTime,
  talkSeconds: (r) => r.talkSeconds,
  caller: (r) => r.caller,
  callee: (r) => r.callee,
  xNumber: (r) => r.xNumber,
  outcome: (r) => r.outcome,
};

function page(req: CallPageRequest) {
  const key = SORT_KEY[req.sort.column] ?? ((r: CallRow) => r.startTime);
  const rows = calls
    .filter((r) => matches(r, req.filter))
    .sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const c = x < y ? -1 : x > y ? 1 : a.id - b.id;
      return req.sort.descending ? -c : c;
    });
  const size = req.pageSize || 100;
  const digitsTyped = (req.filter.number ?? "").replace(/\D/g, "");
  return {
    rows: rows.slice(req.page * size, (req.page + 1) * size),
    page: req.page,
    pageSize: size,
    hasMore: rows.length > (req.page + 1) * size,
    numberMatch: digitsTyped ? (digitsTyped.length <= 4 ? "lastDigits" : digitsTyped.length >= 11 ? "full" : "anyPart") : null,
  };
}

function detail(id: number): CallDetail {
  const r = calls.find((c) => c.id === id);
  if (!r) throw { code: "notFound", message: { en: `call ${id} does not exist`, zh: `通话记录不存在` } } satisfies AppError;
  const [zh, en] = TEXT[r.outcome] ?? [`${r.outcome}（模拟数据）`, `${r.outcome} (mock data)`];
  const alerting = r.direction === "abnormal" ? null : r.startTime + 2;
  const answer = r.answered ? r.startTime + 8 : null;
  const events = [
    { kind: "callIn" as const, time: r.startTime, caller: r.caller, called: r.xNumber, stateCode: null, stateDesc: null },
    ...(alerting ? [{ kind: "alerting" as const, time: alerting, caller: r.caller, called: r.callee, stateCode: null, stateDesc: null }] : []),
    ...(answer ? [{ kind: "answer" as const, time: answer, caller: r.caller, called: r.callee, stateCode: null, stateDesc: null }] : []),
    {
      kind: "disconnect" as const,
      time: r.endTime ?? r.startTime,
      caller: r.caller,
      called: r.callee,
      stateCode: r.answered ? 0 : 7503,
      stateDesc: r.answered ? "The user releases the call." : "The callee releases the call.",
    },
  ];
  return {
    row: r,
    icid: `c08dd88381a6deaa14e1c26e89e19b16.${r.id}`,
    sessionId: `1202_${r.id}_4294967295_20261125@callenabler.example.com`,
    appKey: MOCK_APP_KEY,
    callingDisplay: r.xNumber,
    serviceType: "004",
    userData: null,
    extendNumber: null,
    alertingTime: alerting,
    answerTime: answer,
    recordObjectName: r.hasRecording ? `${r.id}.wav` : null,
    recordDomain: r.hasRecording ? "ostor.example.com" : null,
    events: r.id % 3 === 0 ? [] : events,
    explanation: {
      outcome: r.outcome,
      zh,
      en,
      codes: (CODES[r.outcome] ?? []).map(([field, value, mz, me]) => ({
        field,
        value,
        meaningZh: mz || null,
        meaningEn: me || null,
      })),
    },
  };
}

function stats(req: StatsRequest): CallStats {
  const rows = calls.filter((r) => matches(r, req.filter));
  const answered = rows.filter((r) => r.answered);
  const total = answered.reduce((s, r) => s + r.talkSeconds, 0);
  const size = req.bucket === "hour" ? 3600 : 86400;
  const off = req.utcOffsetMinutes * 60;
  const buckets = new Map<number, { calls: number; answered: number }>();
  for (const r of rows) {
    const start = Math.floor((r.startTime + off) / size) * size - off;
    const b = buckets.get(start) ?? { calls: 0, answered: 0 };
    b.calls++;
    if (r.answered) b.answered++;
    buckets.set(start, b);
  }
  const count = <K>(xs: K[]) => {
    const m = new Map<K, number>();
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, req.topN || 10);
  };
  return {
    calls: rows.length,
    answered: answered.length,
    answerRate: rows.length ? answered.length / rows.length : 0,
    totalTalkSeconds: total,
    avgTalkSeconds: answered.length ? total / answered.length : 0,
    bucket: req.bucket,
    buckets: [...buckets.entries()].sort((a, b) => a[0] - b[0]).map(([start, b]) => ({ start, ...b })),
    failureReasons: count(rows.filter((r) => !r.answered).map((r) => r.outcome)).map(([outcome, n]) => ({ outcome, calls: n })),
    topNumbers: count(rows.flatMap((r) => [r.caller, r.callee])).map(([number, n]) => ({ number, calls: n })),
    busiestX: count(rows.map((r) => r.xNumber)).map(([number, n]) => ({ number, calls: n })),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let importCancelled = false;
let exportCancelled = false;

async function runImport(paths: string[], onProgress: (p: ImportProgress) => void): Promise<FileReport[]> {
  importCancelled = false;
  const fresh = calls.length === 0 ? generate(1800) : [];
  const files = paths.length;
  const per = 1_200_000;
  const reports: FileReport[] = [];
  for (let i = 0; i < files; i++) {
    for (let step = 1; step <= 10; step++) {
      await sleep(params.get("slowImport") ? 800 : 120);
      onProgress({
        fileIndex: i,
        files,
        path: paths[i] ?? "",
        records: (i * 10 + step) * 1800,
        bytes: i * per + (step * per) / 10,
        bytesTotal: files * per,
        recordsPerSec: 41250 + step * 310,
      });
      if (importCancelled) break;
    }
    const bad = i === files - 1;
    reports.push({
      path: paths[i] ?? "",
      new: importCancelled ? 0 : Math.round(fresh.length / files),
      duplicate: fresh.length > 0 ? 0 : 18000,
      rejected: bad ? 2 : 0,
      errors: bad
        ? [
            { line: 1288, at: "feeLst[3]", field: "callInTime", reason: { en: "not a time in the platform's format (yyyy-MM-dd HH:mm:ss)", zh: "不是平台格式的时间(yyyy-MM-dd HH:mm:ss)" } },
            { line: 4051, at: "", field: null, reason: { en: "not valid JSON: expected ',' or '}' at column 212", zh: "不是有效的 JSON:第 212 列处应为 ',' 或 '}'" } },
          ]
        : [],
      status: importCancelled ? "cancelled" : "done",
      error: null,
      bytes: per,
    });
    if (importCancelled) break;
  }
  if (fresh.length > 0 && !importCancelled) calls = fresh;
  return reports;
}

async function runExport(req: ExportRequest, onProgress: (p: ExportProgress) => void) {
  exportCancelled = false;
  const total = calls.filter((r) => matches(r, req.filter)).length;
  let rows = 0;
  while (rows < total && !exportCancelled) {
    await sleep(150);
    rows = Math.min(total, rows + Math.ceil(total / 8));
    onProgress({ rows, total });
  }
  return { path: req.path, rows, cancelled: exportCancelled };
}

export const callHandlers: Record<string, (args?: Record<string, unknown>) => unknown> = {
  calls_page: (a) => page(a?.request as CallPageRequest),
  calls_count: (a) => calls.filter((r) => matches(r, a?.filter as CallFilter)).length,
  call_detail: (a) => detail(a?.id as number),
  calls_stats: (a) => stats(a?.request as StatsRequest),
  import_start: (a) => runImport(a?.paths as string[], a?.onProgress as (p: ImportProgress) => void),
  import_cancel: () => {
    importCancelled = true;
    return null;
  },
  calls_export: (a) => runExport(a?.request as ExportRequest, a?.onProgress as (p: ExportProgress) => void),
  calls_export_cancel: () => {
    exportCancelled = true;
    return null;
  },
};
