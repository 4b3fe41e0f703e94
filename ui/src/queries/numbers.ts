import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { XScope } from "../ipc/bindings/XScope";
import { numbersAdd, numbersChooseX, numbersImport, numbersList, poolsAssign, poolsList, poolsOverview } from "../ipc/numbers";

export const numberKeys = {
  all: ["numbers"] as const,
  list: ["numbers", "list"] as const,
  pools: ["numbers", "pools"] as const,
  overview: ["numbers", "overview"] as const,
};

export const useNumbers = () => useQuery({ queryKey: numberKeys.list, queryFn: () => numbersList() });
export const usePools = () => useQuery({ queryKey: numberKeys.pools, queryFn: () => poolsList() });
export const usePoolOverview = () => useQuery({ queryKey: numberKeys.overview, queryFn: () => poolsOverview() });

function useNumbersMutation<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: numberKeys.all }) });
}

export const useImportNumbers = () =>
  useNumbersMutation(({ path, pool }: { path: string; pool: string | null }) => numbersImport(path, pool));

/** Moves numbers into a pool (created if needed); `pool: null` takes them out of any pool. */
export const useAssignPool = () =>
  useNumbersMutation(({ numbers, pool }: { numbers: string[]; pool: string | null }) => poolsAssign(numbers, pool));

export const useAddNumbers = () =>
  useNumbersMutation(({ numbers, city, pool }: { numbers: string[]; city: string | null; pool: string | null }) =>
    numbersAdd(numbers, city, pool),
  );

/** The X Maskline would pick for A (and B) from a pool or city; disabled until the inputs are valid. */
export const useChosenX = (scope: XScope | null, a: string | null, b: string | null) =>
  useQuery({
    queryKey: ["numbers", "chooseX", scope, a, b],
    queryFn: () => numbersChooseX(scope as XScope, a as string, b),
    enabled: scope !== null && a !== null,
    staleTime: 0,
  });
