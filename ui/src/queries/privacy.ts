import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { PrivacyStatus } from "../ipc/bindings/PrivacyStatus";
import { privacyLockNow, privacySetPassphrase, privacyStatus, privacyUnlock } from "../ipc/privacy";

export const privacyKeys = { status: ["privacy", "status"] as const };

/** The lock's state; refetched every 30 s while shown so "locks again in N min" stays true. */
export const usePrivacyStatus = (options: { refetchInterval?: number | false } = {}) =>
  useQuery({ queryKey: privacyKeys.status, queryFn: () => privacyStatus(), staleTime: 0, refetchInterval: options.refetchInterval ?? 30_000 });

/** Every privacy command answers with the new status: put it in the cache. */
function useStatusMutation<V = void>(fn: (v: V) => Promise<PrivacyStatus>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: (s) => qc.setQueryData(privacyKeys.status, s) });
}

export const useSetPassphrase = () =>
  useStatusMutation((v: { current: string | null; passphrase: string | null }) => privacySetPassphrase(v.current, v.passphrase));
export const useUnlockApp = () => useStatusMutation((passphrase: string) => privacyUnlock(passphrase));
export const useLockNow = () => useStatusMutation(() => privacyLockNow());
