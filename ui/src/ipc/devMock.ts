/**
 * In-memory stand-in for the Rust backend, used ONLY by `vite --mode mock` / `vite build --mode mock`
 * to look at the UI in a plain browser. client.ts imports it behind `import.meta.env.MODE === "mock"`,
 * so production builds do not contain it.
 *
 * URL switches (before the #): `?db=corrupt` shows the recovery screen (`?db=locked` the unavailable one), add `&backup=0` for no backup,
 * `?fail=settings` makes saving settings fail, `?os=zh-CN` sets the reported OS locale,
 * `?lang=en&theme=dark` set the saved settings. `?accounts=0` starts with no account (default: two).
 * Account test verdicts follow the app secret: a secret containing "wrong" → wrongCredentials, "skew" → clockSkew,
 * "lock" → ipLocked, "tls" → tls, "net" → noNetwork, "slow" → timeout, "perm" → notPermitted, "other" → notThePlatform,
 * "err" → platformError; anything else → ok. The secret itself is never returned.
 * Bindings, numbers, bulk jobs and audit (devMockBindings.ts): `?bindings=0` starts empty, `?audit=broken` breaks the chain.
 * Calls (devMockCalls.ts): `?calls=0` starts with none, `&slowImport=1` slows the simulated import down.
 * Recordings (devMockRecordings.ts): `?recordings=0` starts with none, `&slowFetch=1` slows the fetch job down.
 * App lock and reveals (devMockPrivacy.ts): `?lock=1` starts locked (passphrase `maskline`).
 * Watch folder (devMockWatch.ts): `?watch=missing` reports the watched folder as missing.
 */
import type { Text } from "./bindings/Text";
import type { AccountDraft } from "./bindings/AccountDraft";
import type { AccountInfo } from "./bindings/AccountInfo";
import type { AppError } from "./bindings/AppError";
import type { AppInfo } from "./bindings/AppInfo";
import type { ConnectionReport } from "./bindings/ConnectionReport";
import type { ConnectionVerdict } from "./bindings/ConnectionVerdict";
import type { DbStatus } from "./bindings/DbStatus";
import type { Settings } from "./bindings/Settings";
import { bindingHandlers } from "./devMockBindings";
import { callHandlers } from "./devMockCalls";
import { privacyHandlers } from "./devMockPrivacy";
import { recordingHandlers } from "./devMockRecordings";
import { watchHandlers } from "./devMockWatch";

const params = new URLSearchParams(window.location.search);
let settings: Settings = {
  language: (params.get("lang") as Settings["language"] | null) ?? "auto",
  theme: (params.get("theme") as Settings["theme"] | null) ?? "system",
};
let corrupt = params.get("db") === "corrupt";
let dbLocked = params.get("db") === "locked";
const hasBackup = params.get("backup") !== "0";

const info: AppInfo = {
  version: "0.1.0-mock",
  dataDir: "/home/demo/.local/share/com.maskline.app",
  dbPath: "/home/demo/.local/share/com.maskline.app/maskline.db",
  osLocale: params.get("os") ?? navigator.language,
};

function status(): DbStatus {
  if (!corrupt && dbLocked) {
    return {
      state: "unavailable",
      path: info.dbPath,
      reason: { en: "the database is locked by another program", zh: "数据库正被另一个程序锁定" },
      problem: "locked",
    };
  }
  if (!corrupt) return { state: "ok" };
  return {
    state: "corrupt",
    path: info.dbPath,
    reason: { en: "file is not a database", zh: "file is not a database" },
    backupAvailable: hasBackup,
    backupCreatedAt: hasBackup ? "2026-11-24T21:30:00Z" : null,
  };
}

type StoredAccount = AccountInfo & { secret: string };

let nextId = 1;
const accounts: StoredAccount[] = [];
function seed(draft: AccountDraft, active: boolean) {
  accounts.push({
    id: nextId++,
    name: draft.name,
    mode: draft.mode,
    auth: draft.auth,
    baseUrl: draft.baseUrl,
    hasCustomCa: Boolean(draft.caCertPem),
    rateLimit: draft.rateLimit,
    isActive: active,
    createdAt: "2026-11-20T09:00:00Z",
    appKey: draft.appKey,
    secretSaved: true,
    secret: draft.appSecret ?? "",
  });
}
if (params.get("accounts") !== "0") {
  const base = { auth: "aksk", baseUrl: "https://rtcpns.cn-north-1.myhuaweicloud.com", caCertPem: null, rateLimit: 10 } as const;
  seed({ ...base, name: "Production", mode: "AXB", appKey: "7Lp2qX0aVb3kR9sD", appSecret: "ok" }, true);
  seed({ ...base, name: "Staging-wrong", mode: "AXE", appKey: "Ah38fmQz0pLw6Ty1", appSecret: "wrong", rateLimit: 5 }, false);
}

const invalid = (message: Text): AppError => ({ code: "invalidInput", message });
const notFound = (): AppError => ({ code: "notFound", message: { en: "mock: no such account", zh: "账号不存在" } });
function publicView(account: StoredAccount): AccountInfo {
  const info: Partial<StoredAccount> = { ...account };
  delete info.secret;
  return info as AccountInfo;
}
const byId = (id: unknown) => {
  const found = accounts.find((a) => a.id === id);
  if (!found) throw notFound();
  return found;
};
function checkDraft(draft: AccountDraft, id?: number) {
  if (!draft.name.trim()) throw invalid({ en: "name: the account name must be 1–64 characters", zh: "账号名称须为 1–64 个字符" });
  if (accounts.some((a) => a.name === draft.name.trim() && a.id !== id)) {
    throw invalid({ en: `name: an account named "${draft.name}" already exists`, zh: `已存在同名账号` });
  }
}

const VERDICTS: [string, ConnectionVerdict][] = [
  ["wrong", "wrongCredentials"],
  ["skew", "clockSkew"],
  ["lock", "ipLocked"],
  ["tls", "tls"],
  ["net", "noNetwork"],
  ["slow", "timeout"],
  ["perm", "notPermitted"],
  ["other", "notThePlatform"],
  ["err", "platformError"],
];
function report(account: StoredAccount): ConnectionReport {
  const verdict = VERDICTS.find(([word]) => account.secret.includes(word))?.[1] ?? "ok";
  const base: ConnectionReport = { verdict, code: null, detail: "", explanationZh: null, explanationEn: null, actionZh: null, actionEn: null };
  switch (verdict) {
    case "ok":
      return { ...base, code: "0", detail: "GET /rest/caas/relationnumber/partner/v1.0 → 200" };
    case "wrongCredentials":
      return {
        ...base,
        code: "1010001",
        detail: "HTTP 401 from /rest/caas/relationnumber/partner/v1.0",
        explanationEn: "Authentication failed: the app key or signature is invalid.",
        explanationZh: "鉴权失败：App Key 或签名无效。",
        actionEn: "Check the app key and app secret of the application.",
        actionZh: "请检查应用的 App Key 和 App Secret。",
      };
    case "clockSkew":
      return { ...base, code: "1010005", detail: "Created time is more than 5 minutes off", explanationEn: "The request timestamp is outside the allowed window.", explanationZh: "请求时间戳超出允许范围。" };
    case "tls":
      return { ...base, detail: "invalid peer certificate: UnknownIssuer" };
    case "noNetwork":
      return { ...base, detail: "dns error: failed to lookup address information" };
    default:
      return { ...base, detail: `mock verdict ${verdict}` };
  }
}

const handlers: Record<string, (args?: Record<string, unknown>) => unknown> = {
  app_info: () => info,
  app_diagnostics: () => `Maskline diagnostics / 诊断信息\napp / 版本: ${info.version}\nos / 系统: mock\n`,
  db_status: status,
  db_recover: () => {
    corrupt = false;
    dbLocked = false;
    return status();
  },
  settings_get: () => settings,
  settings_set: (args) => {
    if (params.get("fail") === "settings") {
      const error: AppError = { code: "dbUnavailable", message: { en: "mock: database is locked", zh: "模拟:数据库被锁定" } };
      throw error;
    }
    settings = args?.settings as Settings;
    return settings;
  },
  accounts_list: () => accounts.map(publicView),
  account_add: (args) => {
    const draft = args?.draft as AccountDraft;
    checkDraft(draft);
    if (!draft.appSecret) throw invalid({ en: "secret: the app secret is empty", zh: "App Secret 不能为空" });
    seed({ ...draft, name: draft.name.trim() }, accounts.length === 0);
    return publicView(accounts[accounts.length - 1] as StoredAccount);
  },
  account_update: (args) => {
    const account = byId(args?.id);
    const draft = args?.draft as AccountDraft;
    checkDraft(draft, account.id);
    Object.assign(account, {
      name: draft.name.trim(),
      mode: draft.mode,
      auth: draft.auth,
      baseUrl: draft.baseUrl,
      hasCustomCa: Boolean(draft.caCertPem),
      rateLimit: draft.rateLimit,
      appKey: draft.appKey,
      secret: draft.appSecret || account.secret,
    });
    return publicView(account);
  },
  account_remove: (args) => {
    const account = byId(args?.id);
    accounts.splice(accounts.indexOf(account), 1);
    if (account.isActive && accounts[0]) accounts[0].isActive = true;
    return null;
  },
  account_set_active: (args) => {
    const account = byId(args?.id);
    for (const a of accounts) a.isActive = a === account;
    return null;
  },
  account_test: (args) => report(byId(args?.id)),
  ...callHandlers,
  ...bindingHandlers,
  ...recordingHandlers,
  ...privacyHandlers,
  ...watchHandlers,
};

export async function mockInvoke<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  await new Promise((resolve) => setTimeout(resolve, 150));
  const handler = handlers[command];
  if (!handler) {
    const error: AppError = { code: "internal", message: { en: `mock: unknown command ${command}`, zh: `模拟:未知命令 ${command}` } };
    throw error;
  }
  return handler(args) as T;
}
