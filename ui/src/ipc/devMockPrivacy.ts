/**
 * The app lock and audited reveals for the browser mock (see devMock.ts), with the backend's rules:
 * passphrases of at least 6 characters, 10 minutes unlocked, a 30 s wait after 5 wrong passphrases in a row,
 * bilingual { en: "English", zh: "中文" } messages. `?lock=1` starts with the lock on and locked (passphrase `maskline`).
 * Other mock files can ask `mockLocked()` (e.g. recording playback refuses with `locked` while it is true).
 */
import type { Text } from "./bindings/Text";
import { maskNumber } from "../components/phoneNumber";
import type { AppError } from "./bindings/AppError";
import type { PrivacyStatus } from "./bindings/PrivacyStatus";
import { record as recordAudit } from "./devMockBindings";

const params = new URLSearchParams(window.location.search);
const UNLOCK_MINUTES = 10;
const MAX_FAILURES = 5;
const BACKOFF_MS = 30_000;

let passphrase: string | null = params.get("lock") === "1" ? "maskline" : null;
let unlockedUntil = 0;
let failures = 0;
let blockedUntil = 0;

const invalid = (message: Text): AppError => ({ code: "invalidInput", message });
const lockedError: AppError = {
  code: "locked",
  message:
    { en: "The app is locked: enter your passphrase to reveal numbers or play recordings.", zh: "应用已锁定:请输入口令后再查看完整号码或播放录音。" },
};

function status(): PrivacyStatus {
  const left = Math.max(0, Math.floor((unlockedUntil - Date.now()) / 1000));
  const on = passphrase !== null;
  return { lockEnabled: on, unlocked: !on || left > 0, unlockedSecsLeft: on && left > 0 ? left : null, unlockMinutes: UNLOCK_MINUTES };
}

/** True while the lock is on and locked. */
export const mockLocked = (): boolean => !status().unlocked;

/** Throws when locked, like the backend's `require_unlocked`. */
export function mockRequireUnlocked(): void {
  if (mockLocked()) throw lockedError;
}

function check(given: unknown) {
  const now = Date.now();
  if (blockedUntil > now) {
    const secs = Math.max(1, Math.ceil((blockedUntil - now) / 1000));
    throw invalid({ en: `Too many wrong passphrases: wait ${secs} seconds, then try again.`, zh: `口令错误次数过多,请等待 ${secs} 秒后重试。` });
  }
  if (passphrase === null || given === passphrase) {
    failures = 0;
    blockedUntil = 0;
    return;
  }
  failures += 1;
  if (failures >= MAX_FAILURES) blockedUntil = now + BACKOFF_MS;
  throw invalid({ en: "Wrong passphrase. Check it and try again.", zh: "口令不正确,请检查后重试。" });
}

type Args = Record<string, unknown> | undefined;

export const privacyHandlers: Record<string, (args?: Args) => unknown> = {
  privacy_status: () => status(),
  privacy_set_passphrase: (a) => {
    if (passphrase !== null) check(a?.current ?? "");
    const next = a?.passphrase;
    if (typeof next === "string") {
      if ([...next].length < 6) throw invalid({ en: "The passphrase must have at least 6 characters.", zh: "口令至少需要 6 个字符。" });
      passphrase = next;
      unlockedUntil = Date.now() + UNLOCK_MINUTES * 60_000;
    } else {
      passphrase = null;
      unlockedUntil = 0;
    }
    return status();
  },
  privacy_unlock: (a) => {
    check(a?.passphrase);
    unlockedUntil = Date.now() + UNLOCK_MINUTES * 60_000;
    return status();
  },
  privacy_lock_now: () => {
    unlockedUntil = 0;
    return status();
  },
  number_reveal: (a) => {
    mockRequireUnlocked();
    const context = String(a?.context ?? "").replace(/[^A-Za-z0-9.-]/g, "").slice(0, 40);
    recordAudit("reveal", `${context} ${maskNumber(String(a?.number ?? ""))}`, true);
    return null;
  },
};
