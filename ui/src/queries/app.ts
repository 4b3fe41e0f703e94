import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { appInfo, dbRecover, dbStatus } from "../ipc/app";
import type { RecoverAction } from "../ipc/bindings/RecoverAction";
import { queryKeys } from "./keys";

export function useAppInfo() {
  return useQuery({ queryKey: queryKeys.appInfo, queryFn: () => appInfo(), staleTime: Infinity });
}

export function useDbStatus() {
  return useQuery({ queryKey: queryKeys.dbStatus, queryFn: () => dbStatus(), staleTime: Infinity });
}

/** Repairs the database, then refetches everything; the app appears once the status is "ok". */
export function useDbRecover() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: RecoverAction) => dbRecover(action),
    onSuccess: (status) => {
      qc.setQueryData(queryKeys.dbStatus, status);
      return qc.invalidateQueries();
    },
  });
}
