import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { BindForm } from "../ipc/bindings/BindForm";
import type { BindingFilter } from "../ipc/bindings/BindingFilter";
import type { ModifyForm } from "../ipc/bindings/ModifyForm";
import { bindingBind, bindingModify, bindingUnbind, bindingsList, bindingsSync } from "../ipc/bindings";

/** Keys of this area; every binding change invalidates `all` (the table, numbers and pools follow). */
export const bindingKeys = {
  all: ["bindings"] as const,
  list: (f: BindingFilter) => ["bindings", "list", f] as const,
};
/** Numbers and pools show bindings per X: they change with every bind. */
const NUMBERS_KEY = ["numbers"] as const;

export function useBindings(filter: BindingFilter, enabled = true) {
  return useQuery({
    queryKey: bindingKeys.list(filter),
    queryFn: () => bindingsList(filter),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useBindingMutation<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: bindingKeys.all });
      await qc.invalidateQueries({ queryKey: NUMBERS_KEY });
    },
  });
}

export const useSyncBindings = () => useBindingMutation(() => bindingsSync());
export const useBind = () => useBindingMutation((form: BindForm) => bindingBind(form));
export const useModifyBinding = () => useBindingMutation((form: ModifyForm) => bindingModify(form));
export const useUnbind = () => useBindingMutation((subscriptionId: string) => bindingUnbind(subscriptionId));
