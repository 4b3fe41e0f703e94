import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AppInfo } from "../ipc/bindings/AppInfo";
import type { Settings } from "../ipc/bindings/Settings";
import * as accountsIpc from "../ipc/accounts";
import * as appIpc from "../ipc/app";
import * as settingsIpc from "../ipc/settings";
import { renderWithQueries } from "../test/renderApp";

vi.mock("../ipc/app", () => ({
  appInfo: vi.fn(),
  dbStatus: vi.fn(),
  dbRecover: vi.fn(),
}));
vi.mock("../ipc/settings", () => ({
  settingsGet: vi.fn(),
  settingsSet: vi.fn(),
}));
vi.mock("../ipc/accounts", () => ({
  accountsList: vi.fn(),
  accountAdd: vi.fn(),
  accountUpdate: vi.fn(),
  accountRemove: vi.fn(),
  accountSetActive: vi.fn(),
  accountTest: vi.fn(),
}));
// No calls imported: the dashboard shows its empty state.
vi.mock("../ipc/calls", () => ({
  callsCount: vi.fn(async () => 0),
  callsStats: vi.fn(),
  callsPage: vi.fn(),
  callDetail: vi.fn(),
}));
vi.mock("../ipc/dialogs", () => ({ onFilesDropped: vi.fn(async () => () => {}) }));

// An account with nothing cached yet: the Bindings page says so and offers to sync.
vi.mock("../ipc/bindings", () => ({
  bindingsList: vi.fn(async () => ({ items: [], total: 0, page: 1, pageSize: 50, lastSyncedAt: null })),
}));
vi.mock("../ipc/numbers", () => ({ poolsList: vi.fn(async () => []) }));
vi.mock("../ipc/audit", () => ({ auditList: vi.fn(async () => []) }));

const info = (osLocale: string): AppInfo => ({ version: "0.1.0", dataDir: "/data", dbPath: "/data/maskline.db", osLocale });

function backend(settings: Settings, osLocale = "en-US") {
  vi.mocked(appIpc.dbStatus).mockResolvedValue({ state: "ok" });
  vi.mocked(appIpc.appInfo).mockResolvedValue(info(osLocale));
  vi.mocked(settingsIpc.settingsGet).mockResolvedValue(settings);
  vi.mocked(settingsIpc.settingsSet).mockImplementation(async (s) => s);
  vi.mocked(accountsIpc.accountsList).mockResolvedValue([]);
}

const navLabels = () =>
  ["dashboard", "bindings", "numbers", "calls", "recordings", "settings"].map((id) =>
    screen.getByTestId(`nav-${id}`).textContent?.trim(),
  );

describe("app shell", () => {
  beforeEach(() => backend({ language: "en", theme: "light" }));

  it("shows the navigation in English, then in Chinese right after switching language", async () => {
    renderWithQueries();
    await screen.findByTestId("page-dashboard");
    expect(navLabels()).toEqual(["Dashboard", "Bindings", "Numbers", "Calls", "Recordings", "Settings"]);
    expect(document.documentElement.lang).toBe("en");

    await userEvent.click(screen.getByTestId("lang-zh-CN"));

    await waitFor(() => expect(navLabels()).toEqual(["概览", "绑定关系", "号码池", "通话记录", "录音", "设置"]));
    expect(document.documentElement.lang).toBe("zh-CN");
    expect(settingsIpc.settingsSet).toHaveBeenCalledWith({ language: "zh-CN", theme: "light" });
  });

  it("rolls the language back and says why when saving fails", async () => {
    vi.mocked(settingsIpc.settingsSet).mockRejectedValue({ code: "dbUnavailable", message: { en: "database is locked", zh: "数据库被锁定" } });
    renderWithQueries();
    await screen.findByTestId("page-dashboard");

    await userEvent.click(screen.getByTestId("lang-zh-CN"));

    expect(await screen.findByText(/Couldn't save your settings\. The local database is busy/)).toBeInTheDocument();
    await waitFor(() => expect(navLabels()[0]).toBe("Dashboard"));
    expect(document.documentElement.lang).toBe("en");
  });

  it("follows a Chinese OS when the language is auto", async () => {
    backend({ language: "auto", theme: "system" }, "zh_CN.UTF-8");
    renderWithQueries();
    await screen.findByTestId("page-dashboard");
    expect(navLabels()[1]).toBe("绑定关系");
    expect(document.documentElement.lang).toBe("zh-CN");
  });

  it("applies the theme to <html data-theme> and saves the choice", async () => {
    renderWithQueries();
    await screen.findByTestId("page-dashboard");
    expect(document.documentElement.dataset.theme).toBe("light");

    await userEvent.click(screen.getByTestId("theme-dark"));

    await waitFor(() => expect(document.documentElement.dataset.theme).toBe("dark"));
    expect(settingsIpc.settingsSet).toHaveBeenCalledWith({ language: "en", theme: "dark" });
  });

  it("switches pages with Ctrl+number and from the menu", async () => {
    renderWithQueries();
    await screen.findByTestId("page-dashboard");

    fireEvent.keyDown(window, { key: "5", code: "Digit5", ctrlKey: true });
    expect(await screen.findByTestId("page-recordings")).toBeInTheDocument();

    await userEvent.click(screen.getByTestId("nav-bindings"));
    const page = await screen.findByTestId("page-bindings");
    // The empty state's action leads to Settings, where accounts will be added.
    await userEvent.click(within(page).getByRole("button", { name: /Open Settings/ }));
    expect(await screen.findByTestId("page-settings")).toBeInTheDocument();
  });

  it("stops asking for an account once one exists, and points an empty dashboard to importing calls", async () => {
    vi.mocked(accountsIpc.accountsList).mockResolvedValue([
      {
        id: 1,
        name: "Prod",
        mode: "AXE",
        auth: "aksk",
        baseUrl: "https://rtcpns.cn-north-1.myhuaweicloud.com",
        hasCustomCa: false,
        rateLimit: 10,
        isActive: true,
        createdAt: "2026-11-20T09:00:00Z",
        appKey: "key",
        secretSaved: true,
      },
    ]);
    renderWithQueries();
    const dashboard = await screen.findByTestId("dashboard-empty");
    await waitFor(() => expect(dashboard).toHaveTextContent("No calls to summarise yet"));
    expect(dashboard).toHaveTextContent("Import CDR files on the Calls page");

    await userEvent.click(screen.getByTestId("nav-bindings"));
    const bindings = await screen.findByTestId("bindings-empty");
    expect(bindings).toHaveTextContent("No bindings cached for Prod (AXE) yet");
    expect(bindings).not.toHaveTextContent(/needs a platform account/);
  });

  it("shows the recovery screen instead of the app when the database is corrupt", async () => {
    vi.mocked(appIpc.dbStatus).mockResolvedValue({
      state: "corrupt",
      path: "/data/maskline.db",
      reason: { en: "file is not a database", zh: "file is not a database" },
      backupAvailable: false,
      backupCreatedAt: null,
    });
    renderWithQueries();
    expect(await screen.findByTestId("recovery-screen")).toBeInTheDocument();
    expect(screen.queryByTestId("nav-dashboard")).toBeNull();
    expect(settingsIpc.settingsGet, "settings live in the broken database").not.toHaveBeenCalled();
  });

  it("shows what stands in the way, not the recovery choices, when the database is only locked", async () => {
    vi.mocked(appIpc.dbStatus).mockResolvedValueOnce({
      state: "unavailable",
      path: "/data/maskline.db",
      reason: { en: "the database is locked by another program", zh: "the database is locked by another program" },
      problem: "locked",
    });
    vi.mocked(appIpc.dbRecover).mockResolvedValue({ state: "ok" });
    renderWithQueries();

    expect(await screen.findByTestId("unavailable-screen")).toBeInTheDocument();
    expect(screen.queryByTestId("recovery-screen")).toBeNull();
    expect(screen.queryByTestId("nav-dashboard")).toBeNull();
    expect(settingsIpc.settingsGet, "the database is not open yet").not.toHaveBeenCalled();

    await userEvent.click(screen.getByTestId("unavailable-retry"));
    expect(await screen.findByTestId("page-dashboard")).toBeInTheDocument();
    expect(appIpc.dbRecover).toHaveBeenCalledWith("retry");
  });

  it("brings the app up once the database is recovered", async () => {
    vi.mocked(appIpc.dbStatus).mockResolvedValueOnce({
      state: "corrupt",
      path: "/data/maskline.db",
      reason: { en: "database disk image is malformed", zh: "database disk image is malformed" },
      backupAvailable: true,
      backupCreatedAt: "2026-11-24T21:30:00Z",
    });
    vi.mocked(appIpc.dbRecover).mockResolvedValue({ state: "ok" });
    renderWithQueries();

    await userEvent.click(await screen.findByTestId("recovery-restore"));
    await userEvent.click(await screen.findByTestId("recovery-confirm-ok"));

    expect(await screen.findByTestId("page-dashboard")).toBeInTheDocument();
    expect(appIpc.dbRecover).toHaveBeenCalledWith("restoreBackup");
    expect(settingsIpc.settingsGet, "settings are read once the database works").toHaveBeenCalled();
  });

  it("explains when the backend does not answer", async () => {
    vi.mocked(appIpc.dbStatus).mockRejectedValue({ code: "internal", message: { en: "not inside the desktop app", zh: "不在桌面应用中" } });
    renderWithQueries();
    expect(await screen.findByTestId("boot-error")).toHaveTextContent("not inside the desktop app");
  });
});
