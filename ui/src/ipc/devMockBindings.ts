/**
 * Bindings, numbers / pools, bulk jobs and audit for the browser mock (`vite --mode mock`): a deterministic,
 * realistic data set for the active AXB account. `?bindings=0` starts with an empty cache and no numbers.
 */
import type { Text } from "./bindings/Text";
import type { AppError } from "./bindings/AppError";
import type { AuditEntry } from "./bindings/AuditEntry";
import type { BindForm } from "./bindings/BindForm";
import type { BindingFilter } from "./bindings/BindingFilter";
import type { CachedBinding } from "./bindings/CachedBinding";
import type { ColumnMapping } from "./bindings/ColumnMapping";
import type { DryRunReport } from "./bindings/DryRunReport";
import type { JobKind } from "./bindings/JobKind";
import type { JobProgress } from "./bindings/JobProgress";
import type { JobRowResult } from "./bindings/JobRowResult";
import type { JobSummary } from "./bindings/JobSummary";
import type { ModifyForm } from "./bindings/ModifyForm";
import type { NumberHealth } from "./bindings/NumberHealth";
import type { NumberStats } from "./bindings/NumberStats";
import type { PoolOverview } from "./bindings/PoolOverview";
import type { RowState } from "./bindings/RowState";
import type { Utilisation } from "./bindings/Utilisation";
import type { XNumber } from "./bindings/XNumber";
import type { XScope } from "./bindings/XScope";

type Args = Record<string, unknown> | undefined;
const params = new URLSearchParams(window.location.search);
const empty = params.get("bindings") === "0";

let seed = 42;
const rnd = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const now = Date.parse("2026-11-25T09:30:00Z");
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const CAPACITY = 5000;

const CITIES = [
  { code: "0755", pool: "shenzhen", carrier: "中国移动" },
  { code: "010", pool: "beijing", carrier: "中国联通" },
  { code: "021", pool: "east", carrier: "中国电信" },
  { code: "020", pool: null, carrier: "中国移动" },
] as const;

const numbers: XNumber[] = [];
if (!empty) {
  let id = 1;
  CITIES.forEach((c, ci) => {
    for (let i = 0; i < (ci === 3 ? 3 : 6); i++) {
      numbers.push({
        id: id,
        accountId: 1,
        number: `+86170${String(ci + 1).padStart(2, "0")}00${String(i).padStart(4, "0")}`,
        city: c.code,
        carrier: c.carrier,
        tags: i === 0 ? ["vip"] : i === 5 ? ["night", "trial"] : [],
        poolId: c.pool ? ci + 1 : null,
        pool: c.pool,
      });
      id++;
    }
  });
}

const mobile = () => `+861${pick(["38", "39", "58", "86", "77"])}${String(Math.floor(rnd() * 1e8)).padStart(8, "0")}`;
const bindings: CachedBinding[] = [];
let nextBinding = 1;
function addBinding(b: Partial<CachedBinding> & { a: string; x: string }): CachedBinding {
  const x = numbers.find((n) => n.number === b.x);
  const row: CachedBinding = {
    id: nextBinding,
    accountId: 1,
    mode: "AXB",
    subscriptionId: `b${(900_000 + nextBinding * 7919).toString(16)}-${nextBinding}`,
    b: null,
    y: null,
    extension: null,
    direction: 0,
    durationSecs: null,
    expiresAt: null,
    record: false,
    userData: null,
    status: "active",
    city: x?.city ?? null,
    boundAt: iso(now),
    lastSyncedAt: iso(now - 20 * 60_000),
    ...b,
  };
  nextBinding++;
  bindings.unshift(row);
  return row;
}
if (!empty) {
  // Shenzhen's first number is nearly full: thousands of pairs are summarised by its count below.
  for (let i = 0; i < 140; i++) {
    const x = pick(numbers.slice(0, 15)).number;
    const bound = now - Math.floor(rnd() * 20 * 86_400_000);
    const duration = pick([null, 3600, 86_400, 7 * 86_400, 30 * 86_400]);
    const expires = duration ? bound + duration * 1000 : null;
    addBinding({
      a: mobile(),
      b: mobile(),
      x,
      direction: pick([0, 0, 0, 1, 2]),
      durationSecs: duration,
      expiresAt: expires ? iso(expires) : null,
      status: expires && expires < now ? "expired" : i % 17 === 0 ? "unbound" : "active",
      record: rnd() < 0.3,
      userData: rnd() < 0.3 ? `order-${1000 + i}` : null,
      boundAt: iso(bound),
    });
  }
}
let lastSyncedAt: string | null = empty ? null : iso(now - 20 * 60_000);

const digits = (s: string) => s.replace(/[^\d]/g, "");
function listBindings(f: BindingFilter) {
  const q = f.number ? digits(f.number) : "";
  const xq = f.x ? digits(f.x) : "";
  const until = f.expiringWithinDays ? now + f.expiringWithinDays * 86_400_000 : null;
  let rows = bindings.filter(
    (b) =>
      (!q || [b.a, b.b, b.x, b.y].some((n) => n && digits(n).includes(q))) &&
      (!xq || (b.x && digits(b.x).endsWith(xq))) &&
      (!f.status || b.status === f.status) &&
      (!until || (b.status === "active" && b.expiresAt !== null && Date.parse(b.expiresAt) <= until)) &&
      (!f.city || b.city === f.city),
  );
  const key = { boundAt: "boundAt", expiresAt: "expiresAt", x: "x", a: "a", city: "city", status: "status" }[f.sort] as keyof CachedBinding;
  rows = [...rows].sort((p, q2) => String(p[key] ?? "").localeCompare(String(q2[key] ?? "")) * (f.descending ? -1 : 1));
  const size = f.pageSize || 50;
  const page = Math.max(1, f.page || 1);
  return { items: rows.slice((page - 1) * size, page * size), total: rows.length, page, pageSize: size, lastSyncedAt };
}

const audit: AuditEntry[] = [];
export function record(action: string, target: string, ok: boolean, code = ok ? "0" : "1010010") {
  audit.unshift({ id: audit.length + 1, at: iso(Date.now()), who: "operator", account: "Production", action, target, resultCode: code, ok });
}
const mask = (n: string | null) => (n ? `+86 ${n.slice(3, 6)}****${n.slice(-4)}` : "");
if (!empty) {
  for (const b of bindings.slice(0, 12).reverse()) {
    audit.push({ id: audit.length + 1, at: b.boundAt ?? iso(now), who: "operator", account: "Production", action: "bind", target: `A=${mask(b.a)} B=${mask(b.b)} X=${b.x}`, resultCode: "0", ok: true });
  }
  audit.push({ id: audit.length + 1, at: iso(now - 3_600_000), who: "operator", account: "Production", action: "bind", target: `A=${mask(mobile())} B=${mask(mobile())} X=auto`, resultCode: "1010010", ok: false });
  audit.push({ id: audit.length + 1, at: iso(now - 1_800_000), who: "operator", account: "Production", action: "bulk.create", target: "job 1 AXB bind rows=1000 valid=988", resultCode: "0", ok: true });
  audit.sort((p, q) => q.at.localeCompare(p.at));
  audit.forEach((e, i) => (e.id = audit.length - i));
}

function usage(n: XNumber) {
  const live = bindings.filter((b) => b.x === n.number && b.status === "active");
  const extra = n.id === 1 ? 4_620 : n.id === 7 ? 4_700 : 0;
  const expiring = live.filter((b) => b.expiresAt && Date.parse(b.expiresAt) - now < 3 * 86_400_000).length;
  return { live: live.length + extra, expiring };
}
function stats(): NumberStats[] {
  return numbers.map((n) => {
    const u = usage(n);
    const calls30 = n.id > 15 ? 0 : Math.floor((n.id * 37) % 90);
    const health: NumberHealth =
      u.live >= CAPACITY * 0.9 ? "nearCapacity" : u.expiring > 0 ? "expiringBindings" : u.live === 0 && calls30 === 0 ? "idle" : "busy";
    return {
      number: n,
      bindings: u.live,
      capacity: CAPACITY,
      capacityLeft: Math.max(0, CAPACITY - u.live),
      expiring: u.expiring,
      calls7d: Math.floor(calls30 / 4),
      calls30d: calls30,
      lastCallAt: calls30 ? iso(now - n.id * 3_600_000) : null,
      health,
    };
  });
}
function group(all: NumberStats[], key: (s: NumberStats) => string | null): Utilisation[] {
  const m = new Map<string | null, Utilisation>();
  for (const s of all) {
    const k = key(s);
    const u = m.get(k) ?? { key: k, numbers: 0, bindings: 0, capacity: 0, ratio: 0 };
    u.numbers++;
    u.bindings += s.bindings;
    u.capacity += s.capacity;
    u.ratio = u.bindings / u.capacity;
    m.set(k, u);
  }
  return [...m.values()];
}

const invalid = (message: Text): AppError => ({ code: "invalidInput", message });
function chooseX(scope: XScope | null): string | null {
  const candidates = stats().filter(
    (s) =>
      s.capacityLeft > 0 &&
      (!scope || scope.kind === "any" || (scope.kind === "pool" ? s.number.pool === scope.value : s.number.city === scope.value)),
  );
  candidates.sort((p, q) => p.bindings - q.bindings);
  return candidates[0]?.number.number ?? null;
}

function bind(form: BindForm) {
  if ("b" in form && form.b === "+8613900000000") {
    record("bind", `A=${mask(form.a)} B=${mask(form.b)}`, false);
    throw invalid({ en: "platform error 1010010: the number is already bound to another X", zh: "该号码已与其他 X 号码绑定，请先解绑或换一个号码" });
  }
  const x = ("x" in form && form.x) || chooseX("xScope" in form ? form.xScope : null) || "+8617001000000";
  const row = addBinding({
    mode: form.mode,
    a: form.a,
    b: "b" in form ? form.b : null,
    x,
    extension: form.mode === "AXE" ? (form.extension ?? "1234") : null,
    direction: "direction" in form ? form.direction : null,
    durationSecs: "durationSecs" in form ? form.durationSecs : form.mode === "AXE" && form.durationHours ? form.durationHours * 3600 : null,
    record: form.record,
    userData: form.userData,
    lastSyncedAt: null,
  });
  if (row.durationSecs) row.expiresAt = iso(Date.now() + row.durationSecs * 1000);
  record("bind", `A=${mask(row.a)} B=${mask(row.b)} X=${x}`, true);
  return { subscriptionId: row.subscriptionId, x, y: null, extension: row.extension };
}

// ── bulk ──
const MOCK_HEADERS = ["A号码 A", "B号码 B", "有效期(秒) durationSecs", "备注 userData", "门店"];
const mockMapping: ColumnMapping = {
  columns: [
    { field: "a", column: 0, header: "A号码 A" },
    { field: "b", column: 1, header: "B号码 B" },
    { field: "durationSecs", column: 2, header: "有效期(秒) durationSecs" },
    { field: "userData", column: 3, header: "备注 userData" },
  ],
};
function dryRun(kind: JobKind): DryRunReport {
  return {
    kind,
    mode: "AXB",
    mapping: mockMapping,
    rows: 1000,
    valid: 988,
    invalid: 7,
    duplicates: 3,
    conflicts: 2,
    issues: [
      { kind: "invalid", error: { file: "bindings.xlsx", row: 14, column: "A号码 A", message: { en: '"1380013800" has 10 digits, which is not a valid mobile, fixed-line or 400/95 number', zh: '"1380013800" 有 10 位数字,不是有效的手机、固话或 400/95 号码' } } },
      { kind: "invalid", error: { file: "bindings.xlsx", row: 57, column: "B号码 B", message: { en: "the phone number is empty", zh: "号码为空" } } },
      { kind: "duplicate", error: { file: "bindings.xlsx", row: 102, column: null, message: { en: "same A and B as row 98", zh: "与第 98 行重复" } } },
      { kind: "conflict", error: { file: "bindings.xlsx", row: 230, column: "A号码 A", message: { en: "A is already bound on +8617001000003", zh: "A 已在该 X 上绑定" } } },
      { kind: "invalid", error: { file: "bindings.xlsx", row: 311, column: "有效期(秒) durationSecs", message: { en: "duration must be 0–7776000 seconds", zh: "有效期超出范围" } } },
      { kind: "duplicate", error: { file: "bindings.xlsx", row: 450, column: null, message: { en: "same A and B as row 12", zh: "与第 12 行重复" } } },
      { kind: "conflict", error: { file: "bindings.xlsx", row: 873, column: "B号码 B", message: { en: "B is already bound on +8617002000001", zh: "B 已在该 X 上绑定" } } },
    ],
  };
}
const jobs: JobSummary[] = empty
  ? []
  : [
      {
        id: 1,
        accountId: 1,
        kind: "bind",
        mode: "AXB",
        source: "stores-2026-11.xlsx",
        createdAt: iso(now - 1_800_000),
        createdBy: "operator",
        progress: { jobId: 1, state: "cancelled", total: 988, done: 512, ok: 505, failed: 7, invalid: 12, ratePerSec: 0 },
      },
      {
        id: 2,
        accountId: 1,
        kind: "unbind",
        mode: "AXB",
        source: "expired-pairs.csv",
        createdAt: iso(now - 86_400_000),
        createdBy: "operator",
        progress: { jobId: 2, state: "done", total: 240, done: 240, ok: 236, failed: 4, invalid: 0, ratePerSec: 0 },
      },
    ];
const running = new Map<number, { paused: boolean; cancel: boolean }>();
function startJob(id: number, onProgress: (p: JobProgress) => void) {
  const job = jobs.find((j) => j.id === id);
  if (!job) throw { code: "notFound", message: { en: `no bulk job ${id}`, zh: `没有该批量任务` } } as AppError;
  const ctl = { paused: false, cancel: false };
  running.set(id, ctl);
  const p = job.progress;
  const tick = setInterval(() => {
    if (ctl.cancel) {
      p.state = "cancelled";
      p.ratePerSec = 0;
    } else if (ctl.paused) {
      p.state = "paused";
      p.ratePerSec = 0;
    } else {
      const step = Math.min(p.total - p.done, 9);
      p.done += step;
      const failed = step && rnd() < 0.15 ? 1 : 0;
      p.failed += failed;
      p.ok += step - failed;
      p.state = p.done >= p.total ? "done" : "running";
      p.ratePerSec = 45 + rnd() * 6;
    }
    onProgress({ ...p });
    if (p.state === "done" || p.state === "cancelled") {
      clearInterval(tick);
      running.delete(id);
    }
  }, 200);
  return null;
}
function results(id: number, state: RowState | null, page: number, size: number): JobRowResult[] {
  const job = jobs.find((j) => j.id === id);
  if (!job) return [];
  const all: JobRowResult[] = [];
  const p = job.progress;
  for (let row = 2; row < 2 + p.done + p.invalid; row++) {
    const s: RowState = row % 83 === 0 ? "invalid" : row % 71 === 0 ? "failed" : "ok";
    all.push({
      row,
      state: s,
      a: `+86138${String(row).padStart(8, "0")}`,
      b: `+86139${String(row).padStart(8, "0")}`,
      x: s === "ok" ? `+8617001000${String(row % 6).padStart(3, "0")}` : null,
      subscriptionId: s === "ok" ? `job${id}-${row}` : null,
      resultCode: s === "ok" ? "0" : s === "failed" ? "1010010" : null,
      reason: s === "ok" ? null : s === "failed" ? { en: "platform error 1010010: the number is already bound", zh: "号码已绑定" } : { en: "the phone number is empty", zh: "号码为空" },
    });
  }
  return all.filter((r) => !state || r.state === state).slice((page - 1) * size, page * size);
}

export const bindingHandlers: Record<string, (args: Args) => unknown> = {
  bindings_list: (a) => listBindings(a?.filter as BindingFilter),
  bindings_sync: () => {
    lastSyncedAt = iso(Date.now());
    for (const b of bindings) if (b.status === "active") b.lastSyncedAt = lastSyncedAt;
    return { numbersQueried: numbers.length, seen: bindings.filter((b) => b.status === "active").length, added: 0, removed: 0, syncedAt: lastSyncedAt };
  },
  binding_bind: (a) => bind(a?.form as BindForm),
  binding_modify: (a) => {
    const f = a?.form as ModifyForm;
    const b = bindings.find((x) => x.subscriptionId === f.subscriptionId);
    if (!b) throw { code: "notFound", message: { en: "platform error 1010005: the binding does not exist", zh: "绑定关系不存在" } } as AppError;
    if ("durationSecs" in f && f.durationSecs !== null) b.durationSecs = f.durationSecs;
    if (f.record !== null) b.record = f.record;
    if (f.userData !== null) b.userData = f.userData;
    if ("direction" in f && f.direction !== null) b.direction = f.direction;
    record("modify", `sub=${b.subscriptionId}`, true);
    return null;
  },
  binding_unbind: (a) => {
    const b = bindings.find((x) => x.subscriptionId === a?.subscriptionId);
    if (b) b.status = "unbound";
    record("unbind", `sub=${String(a?.subscriptionId)}`, true);
    return null;
  },
  numbers_list: () => stats(),
  numbers_import: () => ({ added: 3, updated: 1, unchanged: 18, errors: [{ file: "numbers.xlsx", row: 7, column: "隐私号码", message: '"17000" has 5 digits / 号码无效' }] }),
  numbers_add: (a) => {
    const list = (a?.numbers as string[]) ?? [];
    for (const n of list) {
      const d = digits(n).replace(/^86/, "");
      numbers.push({ id: numbers.length + 1, accountId: 1, number: `+86${d}`, city: (a?.city as string | null) ?? null, carrier: null, tags: [], poolId: null, pool: (a?.pool as string | null) ?? null });
    }
    return { added: list.length, updated: 0, unchanged: 0, errors: [] };
  },
  numbers_choose_x: (a) => chooseX(a?.scope as XScope),
  pools_list: () =>
    CITIES.filter((c) => c.pool).map((c, i) => ({ id: i + 1, accountId: 1, name: c.pool as string, numbers: numbers.filter((n) => n.pool === c.pool).length })),
  pools_overview: (): PoolOverview => {
    const all = stats();
    return {
      mode: "AXB",
      byCity: group(all, (s) => s.number.city),
      byPool: group(all, (s) => s.number.pool),
      idle: all.filter((s) => s.health === "idle"),
      nearCapacity: all.filter((s) => s.health === "nearCapacity"),
    };
  },
  pools_assign: (a) => ((a?.numbers as string[]) ?? []).length,
  bulk_preview: () => [MOCK_HEADERS, mockMapping],
  bulk_fields: (a) =>
    a?.kind === "bind"
      ? [["a", "b"], ["x", "areaCode", "durationSecs", "direction", "record", "recordHintTone", "userData"]]
      : a?.kind === "modify"
        ? [["subscriptionId"], ["a", "b", "durationSecs", "direction", "record", "recordHintTone", "userData"]]
        : [[], ["subscriptionId", "a", "b", "x"]],
  bulk_dry_run: (a) => dryRun(a?.kind as JobKind),
  bulk_create: (a) => {
    const r = dryRun(a?.kind as JobKind);
    const id = jobs.length + 1;
    jobs.unshift({
      id,
      accountId: 1,
      kind: a?.kind as JobKind,
      mode: "AXB",
      source: String(a?.path).split("/").pop() ?? "",
      createdAt: iso(Date.now()),
      createdBy: "operator",
      progress: { jobId: id, state: "ready", total: r.valid, done: 0, ok: 0, failed: 0, invalid: r.invalid + r.duplicates + r.conflicts, ratePerSec: 0 },
    });
    record("bulk.create", `job ${id} AXB ${String(a?.kind)} rows=${r.rows} valid=${r.valid}`, true);
    return [id, r];
  },
  bulk_start: (a) => startJob(Number(a?.jobId), a?.onProgress as (p: JobProgress) => void),
  bulk_pause: (a) => {
    const c = running.get(Number(a?.jobId));
    if (c) c.paused = true;
    return null;
  },
  bulk_resume: (a) => {
    const c = running.get(Number(a?.jobId));
    if (c) c.paused = false;
    return null;
  },
  bulk_cancel: (a) => {
    const c = running.get(Number(a?.jobId));
    if (c) c.cancel = true;
    return null;
  },
  bulk_retry_failed: (a) => {
    const j = jobs.find((x) => x.id === Number(a?.jobId));
    if (!j) return 0;
    const n = j.progress.failed;
    j.progress.done -= n;
    j.progress.failed = 0;
    return n;
  },
  bulk_get: (a) => {
    const j = jobs.find((x) => x.id === Number(a?.jobId));
    if (!j) throw { code: "notFound", message: { en: "no bulk job", zh: "没有该批量任务" } } as AppError;
    return j;
  },
  bulk_list: () => jobs,
  bulk_results: (a) => results(Number(a?.jobId), (a?.rowState as RowState | null) ?? null, Number(a?.page), Number(a?.pageSize)),
  bulk_export: (a) => {
    const j = jobs.find((x) => x.id === Number(a?.jobId));
    const n = j ? j.progress.done + j.progress.invalid : 0;
    record("bulk.export", `job ${Number(a?.jobId)}, ${n} rows${a?.unmask ? ", full numbers" : ""} / 任务 ${Number(a?.jobId)}，${n} 行${a?.unmask ? "，完整号码" : ""}`, true);
    return n;
  },
  bulk_template: () => null,
  audit_list: (a) => {
    const size = Number(a?.pageSize) || 20;
    const page = Number(a?.page) || 1;
    return audit.slice((page - 1) * size, page * size);
  },
  audit_verify: () => ({ rows: audit.length, firstBroken: params.get("audit") === "broken" ? 7 : null }),
  audit_export: (a) => {
    const check = { rows: audit.length, firstBroken: params.get("audit") === "broken" ? 7 : null };
    record("audit.export", `${check.rows} entries, chain ${check.firstBroken === null ? "intact" : `BROKEN at entry ${check.firstBroken}`}`, true);
    return { path: String(a?.path), rows: check.rows, check };
  },
};
