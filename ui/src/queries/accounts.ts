import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AccountDraft } from "../ipc/bindings/AccountDraft";
import type { AccountInfo } from "../ipc/bindings/AccountInfo";
import { accountAdd, accountRemove, accountSetActive, accountTest, accountUpdate, accountsList } from "../ipc/accounts";
import { queryKeys } from "./keys";

export function useAccounts(options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: queryKeys.accounts, queryFn: () => accountsList(), enabled: options.enabled ?? true });
}

/** The active account, if any (undefined while loading or when there is none). */
export function useActiveAccount(): AccountInfo | undefined {
  return useAccounts().data?.find((a) => a.isActive);
}

/**
 * Every account change refetches everything: which account is active (or its mode, or its platform) can
 * change as a side effect, and bindings, numbers, jobs and calls are the active account's. Their query keys
 * do not name the account, so without this a page would show the previous account's cached rows.
 */
function useAccountMutation<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => qc.invalidateQueries(),
  });
}

export const useAddAccount = () => useAccountMutation((draft: AccountDraft) => accountAdd(draft));

export const useUpdateAccount = () =>
  useAccountMutation(({ id, draft }: { id: number; draft: AccountDraft }) => accountUpdate(id, draft));

export const useRemoveAccount = () => useAccountMutation((id: number) => accountRemove(id));

export const useSetActiveAccount = () => useAccountMutation((id: number) => accountSetActive(id));

/** Tests the connection; changes nothing, so nothing to invalidate. */
export function useTestAccount() {
  return useMutation({ mutationFn: (id: number) => accountTest(id) });
}
