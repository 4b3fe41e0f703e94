/** Typed wrappers around `commands/accounts.rs`. Every function rejects with an AppError (see errors.ts). */
import type { AccountDraft } from "./bindings/AccountDraft";
import type { AccountInfo } from "./bindings/AccountInfo";
import type { ConnectionReport } from "./bindings/ConnectionReport";
import { call } from "./invoke";

export const accountsList = (): Promise<AccountInfo[]> => call("accounts_list");
/** `draft.appSecret` is required when adding. */
export const accountAdd = (draft: AccountDraft): Promise<AccountInfo> => call("account_add", { draft });
/** `draft.appSecret` null or empty keeps the saved secret. */
export const accountUpdate = (id: number, draft: AccountDraft): Promise<AccountInfo> =>
  call("account_update", { id, draft });
/** Also deletes the account's key and secret from the OS keyring. */
export const accountRemove = (id: number): Promise<null> => call("account_remove", { id });
export const accountSetActive = (id: number): Promise<null> => call("account_set_active", { id });
/** One harmless signed query; resolves with a verdict even when the platform refuses. */
export const accountTest = (id: number): Promise<ConnectionReport> => call("account_test", { id });
