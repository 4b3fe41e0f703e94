import { useIsMutating, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { demoLeave, demoStart, demoStatus } from "../ipc/demo";

export const demoKey = ["demo"] as const;
const startKey = ["demo", "start"] as const;

/** Whether the demo is on. While it is on but its simulator is still starting (after an app restart), polls. */
export function useDemoStatus() {
  return useQuery({
    queryKey: demoKey,
    queryFn: () => demoStatus(),
    refetchInterval: (q) => (q.state.data?.active && !q.state.data.running ? 1500 : false),
  });
}

/** Starting or leaving the demo changes accounts, bindings, numbers and calls: everything is refetched. */
function useDemoMutation(fn: () => ReturnType<typeof demoStatus>, mutationKey?: readonly string[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey,
    mutationFn: fn,
    onSuccess: (status) => qc.setQueryData(demoKey, status),
    onSettled: () => qc.invalidateQueries(),
  });
}

export const useStartDemo = () => useDemoMutation(() => demoStart(), startKey);
/** True while any "Try the demo" button is starting it (the header's and the dashboard's show the same state). */
export const useDemoStarting = () => useIsMutating({ mutationKey: startKey }) > 0;
export const useLeaveDemo = () => useDemoMutation(() => demoLeave());
