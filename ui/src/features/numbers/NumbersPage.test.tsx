import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { NumberStats } from "../../ipc/bindings/NumberStats";
import * as accountsIpc from "../../ipc/accounts";
import * as numbersIpc from "../../ipc/numbers";
import { renderWithQueries } from "../../test/renderApp";

vi.mock("../../ipc/app", () => ({
  appInfo: vi.fn(async () => ({ version: "0.1.0", dataDir: "/d", dbPath: "/d/m.db", osLocale: "en-US" })),
  dbStatus: vi.fn(async () => ({ state: "ok" })),
  dbRecover: vi.fn(),
}));
vi.mock("../../ipc/settings", () => ({
  settingsGet: vi.fn(async () => ({ language: "en", theme: "light" })),
  settingsSet: vi.fn(),
}));
vi.mock("../../ipc/accounts", () => ({
  accountsList: vi.fn(),
  accountAdd: vi.fn(),
  accountUpdate: vi.fn(),
  accountRemove: vi.fn(),
  accountSetActive: vi.fn(),
  accountTest: vi.fn(),
}));
vi.mock("../../ipc/numbers", () => ({
  numbersList: vi.fn(),
  poolsAssign: vi.fn(async () => 1),
  poolsOverview: vi.fn(),
}));

const stats = (number: string, over: Partial<NumberStats> = {}): NumberStats => ({
  number: { id: Number(number.slice(-2)), accountId: 1, number, city: "0755", carrier: "CMCC", tags: [], poolId: null, pool: null },
  bindings: 0,
  capacity: 5000,
  capacityLeft: 5000,
  expiring: 0,
  calls7d: 0,
  calls30d: 0,
  lastCallAt: null,
  health: "idle",
  ...over,
});

beforeEach(() => {
  vi.mocked(accountsIpc.accountsList).mockResolvedValue([
    {
      id: 1,
      name: "Prod",
      mode: "AXB",
      auth: "aksk",
      baseUrl: "https://example.invalid",
      hasCustomCa: false,
      rateLimit: 10,
      isActive: true,
      createdAt: "2026-11-20T09:00:00Z",
      appKey: "k",
      secretSaved: true,
    },
  ]);
  vi.mocked(numbersIpc.numbersList).mockResolvedValue([
    stats("+8617000100001"),
    stats("+8617000100002", { bindings: 4700, capacityLeft: 300, health: "nearCapacity" }),
  ]);
  window.location.hash = "#/numbers";
});

describe("numbers page", { timeout: 30_000 }, () => {
  it("shows health per X and moves the selected numbers into a pool", async () => {
    renderWithQueries();
    expect(await screen.findByTestId("health-+8617000100002", {}, { timeout: 5000 })).toHaveTextContent("Near capacity");
    expect(screen.getByTestId("health-+8617000100001")).toHaveTextContent("Idle");
    expect(screen.getByTestId("numbers-move")).toBeDisabled();
    const row = screen.getByTestId("number-row-+8617000100001");
    await userEvent.click(within(row).getByRole("checkbox"));
    await userEvent.click(screen.getByTestId("numbers-move"));
    await userEvent.type(await screen.findByTestId("numbers-move-pool"), "shenzhen");
    await userEvent.click(screen.getByTestId("numbers-move-ok"));
    await waitFor(() => expect(numbersIpc.poolsAssign).toHaveBeenCalledWith(["+8617000100001"], "shenzhen"));
  });
});
