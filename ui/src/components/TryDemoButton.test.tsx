import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DemoStatus } from "../ipc/bindings/DemoStatus";
import * as accountsIpc from "../ipc/accounts";
import * as demoIpc from "../ipc/demo";
import { demoAccount, demoOff, demoOn, renderInShell } from "./demoTestKit";
import { TryDemoButton } from "./TryDemoButton";

vi.mock("../ipc/accounts", () => ({ accountsList: vi.fn() }));
vi.mock("../ipc/demo", () => ({
  demoStart: vi.fn(),
  demoLeave: vi.fn(),
  demoStatus: vi.fn(),
}));

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(accountsIpc.accountsList).mockResolvedValue([]);
  vi.mocked(demoIpc.demoStatus).mockResolvedValue(demoOff);
});

describe("Try the demo", () => {
  it("is offered when there is no account, shows progress while starting, then confirms", async () => {
    let finish: (s: DemoStatus) => void = () => {};
    vi.mocked(demoIpc.demoStart).mockReturnValue(new Promise((resolve) => (finish = resolve)));
    renderInShell(
      <>
        <TryDemoButton testId="demo-try-header" size="small" />
        <TryDemoButton />
      </>,
    );
    const button = await screen.findByTestId("demo-try");
    expect(button).toHaveTextContent("Try the demo");

    await userEvent.click(button);
    await waitFor(() => expect(screen.getByTestId("demo-try")).toHaveTextContent("Starting the demo…"));
    expect(screen.getByTestId("demo-try")).toHaveClass("ant-btn-loading");
    expect(screen.getByTestId("demo-try-header"), "both buttons show the start").toHaveTextContent("Starting the demo…");
    expect(demoIpc.demoStart).toHaveBeenCalledTimes(1);

    vi.mocked(accountsIpc.accountsList).mockResolvedValue([demoAccount]);
    vi.mocked(demoIpc.demoStatus).mockResolvedValue(demoOn);
    finish(demoOn);
    expect(await screen.findByText("The demo is ready: every page now shows sample data.")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId("demo-try")).not.toBeInTheDocument());
    expect(screen.queryByTestId("demo-try-header")).not.toBeInTheDocument();
  });

  it("is not offered once an account exists", async () => {
    vi.mocked(accountsIpc.accountsList).mockResolvedValue([{ ...demoAccount, name: "Production" }]);
    renderInShell(<TryDemoButton />);
    await waitFor(() => expect(accountsIpc.accountsList).toHaveBeenCalled());
    await waitFor(() => expect(demoIpc.demoStatus).toHaveBeenCalled());
    expect(screen.queryByTestId("demo-try")).not.toBeInTheDocument();
  });

  it("says why the demo could not start and can be tried again", async () => {
    vi.mocked(demoIpc.demoStart).mockRejectedValue({ code: "invalidInput", message: "the demo simulator could not start" });
    renderInShell(<TryDemoButton />);
    await userEvent.click(await screen.findByTestId("demo-try"));
    expect(
      await screen.findByText("Couldn't start the demo. the demo simulator could not start"),
    ).toBeInTheDocument();
    expect(screen.getByTestId("demo-try")).toHaveTextContent("Try the demo");
  });
});
