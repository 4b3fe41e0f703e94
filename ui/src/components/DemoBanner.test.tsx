import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as accountsIpc from "../ipc/accounts";
import * as demoIpc from "../ipc/demo";
import { DemoBanner } from "./DemoBanner";
import { demoOff, demoOn, renderInShell } from "./demoTestKit";

vi.mock("../ipc/accounts", () => ({ accountsList: vi.fn() }));
vi.mock("../ipc/demo", () => ({
  demoStart: vi.fn(),
  demoLeave: vi.fn(),
  demoStatus: vi.fn(),
}));

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(accountsIpc.accountsList).mockResolvedValue([]);
});

describe("demo banner", () => {
  it("is absent outside the demo", async () => {
    vi.mocked(demoIpc.demoStatus).mockResolvedValue(demoOff);
    renderInShell(<DemoBanner />);
    await waitFor(() => expect(demoIpc.demoStatus).toHaveBeenCalled());
    expect(screen.queryByTestId("demo-banner")).not.toBeInTheDocument();
  });

  it("says the data is simulated, and leaving asks first, says what is removed, then removes it", async () => {
    vi.mocked(demoIpc.demoStatus).mockResolvedValue(demoOn);
    vi.mocked(demoIpc.demoLeave).mockResolvedValue(demoOff);
    renderInShell(<DemoBanner />);
    const banner = await screen.findByTestId("demo-banner");
    expect(banner).toHaveTextContent(
      "You are looking at the demo: data comes from a local simulator, nothing reaches Huawei Cloud.",
    );

    await userEvent.click(screen.getByTestId("demo-leave"));
    expect(await screen.findByText(/removes the demo accounts with their numbers, pools, bindings and calls/)).toBeInTheDocument();
    expect(screen.getByText(/Your own accounts and their data are kept/)).toBeInTheDocument();
    expect(demoIpc.demoLeave, "nothing is removed before confirming").not.toHaveBeenCalled();

    vi.mocked(demoIpc.demoStatus).mockResolvedValue(demoOff);
    await userEvent.click(screen.getByTestId("demo-leave-confirm"));
    await waitFor(() => expect(demoIpc.demoLeave).toHaveBeenCalledTimes(1));
    expect(await screen.findByText("You left the demo; its data was removed.")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId("demo-banner")).not.toBeInTheDocument());
  });

  it("says when the simulator is still starting after a restart", async () => {
    vi.mocked(demoIpc.demoStatus).mockResolvedValue({ ...demoOn, running: false, baseUrl: null });
    renderInShell(<DemoBanner />);
    expect(await screen.findByTestId("demo-banner")).toHaveTextContent("The simulator is starting…");
  });
});
