import { QueryClient } from "@tanstack/react-query";

/** Local IPC either answers or fails for a reason a retry will not fix; the UI shows errors instead. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
