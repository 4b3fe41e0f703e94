import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { describe, expect, it, vi } from "vitest";
import "../../i18n";
import type { CallStats } from "../../ipc/bindings/CallStats";
import * as calls from "../../ipc/calls";
import { createQueryClient } from "../../queries/client";
import { DashboardPage } from "./DashboardPage";

vi.mock("../../ipc/calls", () => ({ callsCount: vi.fn(), callsStats: vi.fn() }));
vi.mock("../../ipc/accounts", () => ({ accountsList: vi.fn(async () => []) }));
// Canvas charts do not render in jsdom; the chart options are covered by looking at the app.
vi.mock("./Chart", () => ({ Chart: ({ testId }: { testId: string }) => <div data-testid={testId} /> }));

const stats: CallStats = {
  calls: 1200,
  answered: 750,
  answerRate: 0.625,
  totalTalkSeconds: 3723,
  avgTalkSeconds: 65,
  bucket: "day",
  buckets: [{ start: 1_764_000_000, calls: 1200, answered: 750 }],
  failureReasons: [{ outcome: "calleeBusy", calls: 300 }],
  topNumbers: [{ number: "+8613800138000", calls: 40 }],
  busiestX: [{ number: "+8617000000001", calls: 500 }],
};

const renderPage = () =>
  render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter>
        <DashboardPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );

describe("dashboard", () => {
  it("points to Calls → Import when nothing was imported", async () => {
    vi.mocked(calls.callsCount).mockResolvedValue(0);
    renderPage();
    expect(await screen.findByTestId("dashboard-empty")).toHaveTextContent("Import CDR files on the Calls page");
    expect(calls.callsStats).not.toHaveBeenCalled();
  });

  it("shows the figures with masked top numbers, for all time by default", async () => {
    vi.mocked(calls.callsCount).mockResolvedValue(1200);
    vi.mocked(calls.callsStats).mockResolvedValue(stats);
    renderPage();
    await screen.findByTestId("dashboard-stats");
    expect(screen.getByTestId("dashboard-stat-calls")).toHaveTextContent("1,200");
    expect(screen.getByTestId("dashboard-stat-answer-rate")).toHaveTextContent("62.5%");
    expect(screen.getByTestId("dashboard-stat-total-talk")).toHaveTextContent("1:02:03");
    expect(screen.getByTestId("dashboard-top-numbers")).toHaveTextContent("+86 138****8000");
    expect(screen.getByTestId("dashboard-top-numbers")).not.toHaveTextContent("13800138000");
    await waitFor(() =>
      expect(vi.mocked(calls.callsStats).mock.lastCall?.[0]).toMatchObject({ filter: { from: null, to: null, appKey: null }, bucket: "day" }),
    );
  });
});
