/**
 * Typed wrappers around `commands/privacy.rs`: the app lock and the audited reveal of a number. Every function rejects with an AppError;
 * while the lock is on and locked, `numberReveal` (and `recording_playback`) reject with code `locked`.
 */
import type { PrivacyStatus } from "./bindings/PrivacyStatus";
import { call } from "./invoke";

export type { PrivacyStatus };

export const privacyStatus = (): Promise<PrivacyStatus> => call("privacy_status");
/**
 * Turns the lock on (`current` null), changes the passphrase, or turns it off (`passphrase` null).
 * `current` is required while the lock is on; a new passphrase needs at least 6 characters.
 */
export const privacySetPassphrase = (current: string | null, passphrase: string | null): Promise<PrivacyStatus> =>
  call("privacy_set_passphrase", { current, passphrase });
/** Unlocks for `unlockMinutes`; a wrong passphrase rejects with invalidInput (after many, "wait N seconds"). */
export const privacyUnlock = (passphrase: string): Promise<PrivacyStatus> => call("privacy_unlock", { passphrase });
export const privacyLockNow = (): Promise<PrivacyStatus> => call("privacy_lock_now");
/** Records in the audit log that the user revealed `number` on `context` (the page: `calls`, `bindings`, …). */
export const numberReveal = (context: string, number: string): Promise<null> => call("number_reveal", { context, number });
