import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { auditExport, auditList, auditVerify } from "../ipc/audit";

export const auditKeys = { page: (page: number, size: number) => ["audit", page, size] as const };

export const useAudit = (page: number, pageSize: number) =>
  useQuery({
    queryKey: auditKeys.page(page, pageSize),
    queryFn: () => auditList(null, page, pageSize),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export const useVerifyAudit = () => useMutation({ mutationFn: () => auditVerify() });

/** The export is itself recorded in the audit log: the list is refreshed after it. */
export const useExportAudit = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (path: string) => auditExport(path),
    onSettled: () => client.invalidateQueries({ queryKey: ["audit"] }),
  });
};
