import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as appIpc from "../../ipc/app";
import type { DbProblem } from "../../ipc/bindings/DbProblem";
import { renderWithQueries } from "../../test/renderApp";
import { UnavailableScreen, type UnavailableDb } from "./UnavailableScreen";

vi.mock("../../ipc/app", () => ({
  appInfo: vi.fn(),
  dbStatus: vi.fn(),
  dbRecover: vi.fn(),
}));
vi.mock("../../ipc/settings", () => ({
  settingsGet: vi.fn(),
  settingsSet: vi.fn(),
}));

const unavailable = (problem: DbProblem, reason = "the database is locked by another program"): UnavailableDb => ({
  state: "unavailable",
  path: "/data/maskline.db",
  reason: { en: reason, zh: reason },
  problem,
});

const show = (status: UnavailableDb) =>
  renderWithQueries(
    <App>
      <UnavailableScreen status={status} />
    </App>,
  );

describe("UnavailableScreen", () => {
  beforeEach(() => {
    vi.mocked(appIpc.dbRecover).mockReset();
    vi.mocked(appIpc.dbRecover).mockResolvedValue({ state: "ok" });
    vi.mocked(appIpc.dbStatus).mockResolvedValue({ state: "ok" });
  });

  it("says what happened and offers no restore or start fresh for a lock", () => {
    show(unavailable("locked"));
    const page = screen.getByTestId("unavailable-screen");
    expect(page).toHaveTextContent("The local database is in use by another program");
    expect(page).toHaveTextContent("nothing needs restoring");
    expect(page).toHaveTextContent("the database is locked by another program");
    expect(page).toHaveTextContent("/data/maskline.db");
    expect(screen.queryByTestId("recovery-restore")).toBeNull();
    expect(screen.queryByTestId("recovery-fresh")).toBeNull();
    expect(screen.queryByText(/Restore last backup|Start fresh/)).toBeNull();
  });

  it.each([
    ["diskFull", "The disk holding the local database is full", "Free some space"],
    ["notAFile", "The database path is a folder, not a file", "Move the folder away"],
    ["tooNew", "made by a newer Maskline", "Install the newer Maskline"],
    ["other", "can't be used right now", "Fix it, then try again"],
  ] as const)("names a %s problem with its own advice", (problem, title, hint) => {
    show(unavailable(problem, "why"));
    expect(screen.getByTestId("unavailable-screen")).toHaveTextContent(title);
    expect(screen.getByTestId("unavailable-hint")).toHaveTextContent(hint);
  });

  it("retries by reopening the same file, never by replacing it", async () => {
    vi.mocked(appIpc.dbRecover).mockResolvedValueOnce(unavailable("diskFull", "the disk is still full"));
    show(unavailable("diskFull"));

    await userEvent.click(screen.getByTestId("unavailable-retry"));
    await waitFor(() => expect(appIpc.dbRecover).toHaveBeenCalledWith("retry"));
    expect(await screen.findByText(/The database still can't be used\. the disk is still full/)).toBeInTheDocument();

    await userEvent.click(screen.getByTestId("unavailable-retry"));
    await waitFor(() => expect(appIpc.dbRecover).toHaveBeenCalledTimes(2));
    expect(vi.mocked(appIpc.dbRecover).mock.calls.every(([action]) => action === "retry")).toBe(true);
  });
});
