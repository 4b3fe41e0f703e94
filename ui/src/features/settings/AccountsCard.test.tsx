import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AccountInfo } from "../../ipc/bindings/AccountInfo";
import type { ConnectionReport } from "../../ipc/bindings/ConnectionReport";
import type { Settings } from "../../ipc/bindings/Settings";
import * as accountsIpc from "../../ipc/accounts";
import * as appIpc from "../../ipc/app";
import * as settingsIpc from "../../ipc/settings";
import { renderWithQueries } from "../../test/renderApp";

vi.mock("../../ipc/app", () => ({
  appInfo: vi.fn(),
  dbStatus: vi.fn(),
  dbRecover: vi.fn(),
}));
vi.mock("../../ipc/settings", () => ({
  settingsGet: vi.fn(),
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

const SECRET = "s3cr3t-do-not-show";

const account = (over: Partial<AccountInfo> = {}): AccountInfo => ({
  id: 1,
  name: "Prod",
  mode: "AXB",
  auth: "aksk",
  baseUrl: "https://rtcpns.cn-north-1.myhuaweicloud.com",
  hasCustomCa: false,
  rateLimit: 10,
  isActive: true,
  createdAt: "2026-11-20T09:00:00Z",
  appKey: "7Lp2qX0aVb3kR9sD",
  secretSaved: true,
  ...over,
});

const wrongSecret: ConnectionReport = {
  verdict: "wrongCredentials",
  code: "1010001",
  detail: "HTTP 401",
  explanationZh: "鉴权失败：App Key 或签名无效。",
  explanationEn: "Authentication failed: the app key or signature is invalid.",
  actionZh: "请检查 App Secret。",
  actionEn: "Check the app secret.",
};

function backend(accounts: AccountInfo[], language: Settings["language"] = "en") {
  vi.mocked(appIpc.dbStatus).mockResolvedValue({ state: "ok" });
  vi.mocked(appIpc.appInfo).mockResolvedValue({ version: "0.1.0", dataDir: "/d", dbPath: "/d/m.db", osLocale: "en-US" });
  vi.mocked(settingsIpc.settingsGet).mockResolvedValue({ language, theme: "light" });
  vi.mocked(settingsIpc.settingsSet).mockImplementation(async (s) => s);
  vi.mocked(accountsIpc.accountsList).mockResolvedValue(accounts);
}

async function openSettings() {
  window.location.hash = "#/settings";
  const user = userEvent.setup();
  renderWithQueries();
  await screen.findByTestId("page-settings");
  return user;
}

/** Every value typed into any input or textarea on the page, drawers included. */
const inputValues = () =>
  [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")].map((el) => el.value);

// Typing into antd forms in jsdom is slow; a timed-out test would keep typing into the next one.
vi.setConfig({ testTimeout: 30_000 });

describe("Platform accounts", () => {
  beforeEach(() => backend([account(), account({ id: 2, name: "Staging", mode: "AXE", isActive: false, secretSaved: false })]));

  it("lists accounts with mode, auth, key and whether a secret is saved, never the secret", async () => {
    await openSettings();
    const prod = await screen.findByTestId("account-row-Prod");
    expect(prod).toHaveTextContent("AXB");
    expect(prod).toHaveTextContent("AK/SK");
    expect(prod).toHaveTextContent("7Lp2qX0aVb3kR9sD");
    expect(prod).toHaveTextContent("Secret saved");
    expect(prod).toHaveTextContent("Active");
    expect(screen.getByTestId("account-row-Staging")).toHaveTextContent("No secret saved");
    expect(screen.getByTestId("header-account")).toHaveTextContent("Prod");
    expect(screen.getByTestId("header-account")).toHaveTextContent("AXB");
  });

  it("refuses http to a remote host and a missing secret while adding", async () => {
    const user = await openSettings();
    await user.click(await screen.findByTestId("account-add"));
    const form = await screen.findByTestId("account-form");
    await user.type(within(form).getByTestId("account-name"), "New");
    const url = within(form).getByTestId("account-base-url");
    await user.clear(url);
    await user.type(url, "http://rtcpns.example.com");
    expect(await within(form).findByText(/Use https:\/\/\. Plain http:\/\/ is allowed only for this computer/)).toBeInTheDocument();

    await user.clear(url);
    await user.type(url, "http://127.0.0.1:9443");
    await waitFor(() => expect(within(form).queryByText(/Use https:\/\//)).toBeNull());

    await user.type(within(form).getByTestId("account-app-key"), "key");
    await user.click(screen.getByTestId("account-save"));
    expect(await within(form).findByText("Enter the app secret.")).toBeInTheDocument();
    expect(accountsIpc.accountAdd, "nothing is sent while the form is invalid").not.toHaveBeenCalled();
  });

  it("adds an account and wipes the secret from the form whatever the outcome", async () => {
    vi.mocked(accountsIpc.accountAdd).mockRejectedValueOnce({
      code: "invalidInput",
      message: 'name: an account named "New" already exists / 已存在同名账号',
    });
    const user = await openSettings();
    await user.click(await screen.findByTestId("account-add"));
    const form = await screen.findByTestId("account-form");
    await user.type(within(form).getByTestId("account-name"), "New");
    await user.click(within(form).getByText("AXYB"));
    await user.click(within(form).getByText("WSSE (legacy)"));
    await user.type(within(form).getByTestId("account-app-key"), "key-1");
    await user.type(within(form).getByTestId("account-secret"), SECRET);
    await user.click(screen.getByTestId("account-save"));

    expect(await screen.findByTestId("account-form-error")).toHaveTextContent("already exists / 已存在同名账号");
    expect(accountsIpc.accountAdd).toHaveBeenCalledWith({
      name: "New",
      mode: "AXYB",
      auth: "wsse",
      baseUrl: "https://rtcpns.cn-north-1.myhuaweicloud.com",
      appKey: "key-1",
      appSecret: SECRET,
      caCertPem: null,
      rateLimit: 10,
    });
    expect(inputValues(), "the secret is gone from the form after submitting").not.toContain(SECRET);
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it("edits without asking for the secret again and never pre-fills it", async () => {
    vi.mocked(accountsIpc.accountUpdate).mockImplementation(async (_id, d) => account({ name: d.name }));
    const user = await openSettings();
    await user.click(await screen.findByTestId("account-edit-Prod"));
    const form = await screen.findByTestId("account-form");
    const secret = within(form).getByTestId("account-secret");
    expect(secret).toHaveValue("");
    expect(secret).toHaveAttribute("type", "password");
    expect(form).toHaveTextContent("Saved — leave empty to keep it");
    expect(within(form).getByTestId("account-app-key")).toHaveValue("7Lp2qX0aVb3kR9sD");

    const rate = within(form).getByTestId("account-rate");
    await user.clear(rate);
    await user.type(rate, "250");
    expect(await within(form).findByText("Enter a whole number from 1 to 100.")).toBeInTheDocument();
    await user.clear(rate);
    await user.type(rate, "20");
    await user.click(screen.getByTestId("account-save"));

    await waitFor(() => expect(accountsIpc.accountUpdate).toHaveBeenCalled());
    expect(vi.mocked(accountsIpc.accountUpdate).mock.calls[0]).toEqual([
      1,
      expect.objectContaining({ name: "Prod", appSecret: null, rateLimit: 20 }),
    ]);
    expect(await screen.findByText("Prod was saved.")).toBeInTheDocument();
  });

  it("shows each account's own values when forms are opened one after another", async () => {
    const user = await openSettings();
    await user.click(await screen.findByTestId("account-add"));
    expect(within(await screen.findByTestId("account-form")).getByTestId("account-name")).toHaveValue("");
    await user.click(screen.getByText("Cancel"));
    await waitFor(() => expect(screen.queryByTestId("account-form")).not.toBeInTheDocument());

    await user.click(await screen.findByTestId("account-edit-Prod"));
    const form = await screen.findByTestId("account-form");
    expect(within(form).getByTestId("account-name")).toHaveValue("Prod");
    expect(within(form).getByTestId("account-app-key")).toHaveValue("7Lp2qX0aVb3kR9sD");
    await user.click(screen.getByText("Cancel"));
    await waitFor(() => expect(screen.queryByTestId("account-form")).not.toBeInTheDocument());

    await user.click(await screen.findByTestId("account-edit-Staging"));
    expect(within(await screen.findByTestId("account-form")).getByTestId("account-name")).toHaveValue("Staging");
  });

  it("asks before removing and says the secret leaves the keyring too", async () => {
    vi.mocked(accountsIpc.accountRemove).mockResolvedValue(null);
    const user = await openSettings();
    await user.click(await screen.findByTestId("account-remove-Staging"));

    expect(await screen.findByText("Remove the account Staging?")).toBeInTheDocument();
    expect(screen.getByText(/deleted from the system keyring too/)).toBeInTheDocument();
    expect(accountsIpc.accountRemove, "removing waits for the confirmation").not.toHaveBeenCalled();

    await user.click(screen.getByTestId("account-remove-confirm"));
    await waitFor(() => expect(accountsIpc.accountRemove).toHaveBeenCalledWith(2));
    expect(accountsIpc.accountsList, "the list is refetched after removal").toHaveBeenCalledTimes(2);
  });

  it("explains a failed connection test in plain words with the platform's explanation and code", async () => {
    vi.mocked(accountsIpc.accountTest).mockResolvedValue(wrongSecret);
    const user = await openSettings();
    await user.click(await screen.findByTestId("account-test-Prod"));

    const result = await screen.findByTestId("account-test-result");
    expect(result).toHaveTextContent("The platform rejected the app key or secret. Check them; repeated failures block this computer's IP for 30 minutes.");
    expect(result).toHaveTextContent("Authentication failed: the app key or signature is invalid.");
    expect(result).toHaveTextContent("Check the app secret.");
    expect(result).toHaveTextContent("1010001");
    expect(result).not.toHaveTextContent("鉴权失败");
    expect(accountsIpc.accountTest).toHaveBeenCalledWith(1);
  });

  it("explains it in Chinese when the UI is in Chinese", async () => {
    backend([account()], "zh-CN");
    vi.mocked(accountsIpc.accountTest).mockResolvedValue(wrongSecret);
    const user = await openSettings();
    await user.click(await screen.findByTestId("account-test-Prod"));

    const result = await screen.findByTestId("account-test-result");
    expect(result).toHaveTextContent("平台拒绝了 App Key 或 App Secret，请检查后重试。多次失败会导致本机 IP 被封禁 30 分钟。");
    expect(result).toHaveTextContent("鉴权失败：App Key 或签名无效。");
    expect(result).toHaveTextContent("请检查 App Secret。");
    expect(result).not.toHaveTextContent("Authentication failed");
  });

  it("switches the active account from the header", async () => {
    vi.mocked(accountsIpc.accountSetActive).mockResolvedValue(null);
    const user = await openSettings();
    await user.click(await screen.findByTestId("header-account"));
    await user.click(await screen.findByTestId("header-account-Staging"));
    await waitFor(() => expect(accountsIpc.accountSetActive).toHaveBeenCalledWith(2));
  });
});

describe("without an account", () => {
  beforeEach(() => backend([]));

  it("offers Add account in the header, which opens the form in Settings", async () => {
    window.location.hash = "#/dashboard";
    const user = userEvent.setup();
    renderWithQueries();
    await screen.findByTestId("page-dashboard");
    expect(await screen.findByTestId("header-account")).toHaveTextContent("Add account…");

    await user.click(screen.getByTestId("header-account"));
    expect(await screen.findByTestId("page-settings")).toBeInTheDocument();
    expect(await screen.findByTestId("account-form")).toBeInTheDocument();
  });
});
