import { useQuery } from "@tanstack/react-query";
import type { RowState } from "../ipc/bindings/RowState";
import { bulkList, bulkResults } from "../ipc/bulk";

export const bulkKeys = {
  all: ["bulk"] as const,
  jobs: ["bulk", "jobs"] as const,
  results: (jobId: number, state: RowState | null, page: number) => ["bulk", "results", jobId, state, page] as const,
};

export const useBulkJobs = (enabled = true) => useQuery({ queryKey: bulkKeys.jobs, queryFn: () => bulkList(), enabled });

export const useBulkResults = (jobId: number | null, state: RowState | null, page: number, pageSize: number) =>
  useQuery({
    queryKey: bulkKeys.results(jobId ?? 0, state, page),
    queryFn: () => bulkResults(jobId ?? 0, state, page, pageSize),
    enabled: jobId !== null,
  });
