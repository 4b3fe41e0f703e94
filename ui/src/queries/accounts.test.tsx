import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { useSetActiveAccount } from "./accounts";
import { bindingKeys } from "./bindings";

vi.mock("../ipc/accounts", () => ({ accountSetActive: vi.fn(async () => null) }));

describe("account mutations", () => {
  it("switching the active account invalidates the bindings and numbers cached for the previous one", async () => {
    const qc = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } });
    const filter = { page: 1 } as never;
    qc.setQueryData(bindingKeys.list(filter), { items: ["the previous account's"] });
    qc.setQueryData(["numbers", "list"], ["the previous account's"]);
    qc.setQueryData(["accounts"], []);
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={qc}>{children}</QueryClientProvider>;
    const { result } = renderHook(() => useSetActiveAccount(), { wrapper });
    expect(qc.getQueryState(bindingKeys.list(filter))?.isInvalidated).toBe(false);
    await act(() => result.current.mutateAsync(2));
    expect(qc.getQueryState(bindingKeys.list(filter))?.isInvalidated).toBe(true);
    expect(qc.getQueryState(["numbers", "list"])?.isInvalidated).toBe(true);
    expect(qc.getQueryState(["accounts"])?.isInvalidated).toBe(true);
  });
});
