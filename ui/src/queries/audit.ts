import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { auditList, auditVerify } from "../ipc/operations";

export const auditKeys = { page: (page: number, size: number) => ["audit", page, size] as const };

export const useAudit = (page: number, pageSize: number) =>
  useQuery({
    queryKey: auditKeys.page(page, pageSize),
    queryFn: () => auditList(null, page, pageSize),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export const useVerifyAudit = () => useMutation({ mutationFn: () => auditVerify() });
