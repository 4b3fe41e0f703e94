import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as appIpc from "../../ipc/app";
import { renderWithQueries } from "../../test/renderApp";
import { RecoveryScreen, type CorruptDb } from "./RecoveryScreen";

vi.mock("../../ipc/app", () => ({
  appInfo: vi.fn(),
  dbStatus: vi.fn(),
  dbRecover: vi.fn(),
}));
vi.mock("../../ipc/settings", () => ({
  settingsGet: vi.fn(),
  settingsSet: vi.fn(),
}));

const corrupt = (backup: boolean): CorruptDb => ({
  state: "corrupt",
  path: "/data/maskline.db",
  reason: { en: "file is not a database", zh: "file is not a database" },
  backupAvailable: backup,
  backupCreatedAt: backup ? "2026-11-24T21:30:00Z" : null,
});

const show = (status: CorruptDb) =>
  renderWithQueries(
    <App>
      <RecoveryScreen status={status} />
    </App>,
  );

describe("RecoveryScreen", () => {
  beforeEach(() => {
    vi.mocked(appIpc.dbRecover).mockResolvedValue({ state: "ok" });
    vi.mocked(appIpc.dbStatus).mockResolvedValue({ state: "ok" });
  });

  it("shows what failed and disables restore when there is no backup", () => {
    show(corrupt(false));
    expect(screen.getByTestId("recovery-screen")).toHaveTextContent("file is not a database");
    expect(screen.getByTestId("recovery-screen")).toHaveTextContent("/data/maskline.db");
    expect(screen.getByText("No backup available")).toBeInTheDocument();
    expect(screen.getByTestId("recovery-restore")).toBeDisabled();
    expect(screen.getByTestId("recovery-fresh")).toBeEnabled();
  });

  it("restores the backup only after confirmation", async () => {
    show(corrupt(true));
    expect(screen.getByTestId("recovery-restore")).toBeEnabled();

    await userEvent.click(screen.getByTestId("recovery-restore"));
    expect(appIpc.dbRecover, "nothing happens before the user confirms").not.toHaveBeenCalled();
    await userEvent.click(await screen.findByTestId("recovery-confirm-ok"));

    await waitFor(() => expect(appIpc.dbRecover).toHaveBeenCalledWith("restoreBackup"));
  });

  it("starts fresh after confirmation and reports a failure by its code", async () => {
    vi.mocked(appIpc.dbRecover).mockRejectedValue({ code: "dbUnavailable", message: { en: "rename failed: permission denied", zh: "重命名失败:权限不足" } });
    show(corrupt(false));

    await userEvent.click(screen.getByTestId("recovery-fresh"));
    await userEvent.click(await screen.findByTestId("recovery-confirm-ok"));

    expect(appIpc.dbRecover).toHaveBeenCalledWith("startFresh");
    const error = await screen.findByTestId("recovery-error");
    expect(error).toHaveTextContent("Recovery failed. The local database is busy or unavailable.");
    expect(error).toHaveTextContent("rename failed: permission denied");
  });
});
