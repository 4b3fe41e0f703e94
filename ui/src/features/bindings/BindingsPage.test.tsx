import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { BindingPage } from "../../ipc/bindings/BindingPage";
import type { CachedBinding } from "../../ipc/bindings/CachedBinding";
import * as accountsIpc from "../../ipc/accounts";
import * as bindingsIpc from "../../ipc/bindings";
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
vi.mock("../../ipc/bindings", () => ({
  bindingsList: vi.fn(),
  bindingsSync: vi.fn(),
  bindingBind: vi.fn(),
  bindingModify: vi.fn(),
  bindingUnbind: vi.fn(),
}));
vi.mock("../../ipc/numbers", () => ({
  poolsList: vi.fn(async () => [{ id: 1, accountId: 1, name: "shenzhen", numbers: 4 }]),
  numbersChooseX: vi.fn(async () => "+8617001000002"),
}));
vi.mock("../../ipc/bulk", () => ({ bulkList: vi.fn(async () => []) }));

const row: CachedBinding = {
  id: 1,
  accountId: 1,
  mode: "AXB",
  subscriptionId: "sub-1",
  a: "+8613800138000",
  b: "+8613900139000",
  x: "+8617000100000",
  y: null,
  extension: null,
  direction: 0,
  durationSecs: 7200,
  expiresAt: "2026-11-26T12:00:00Z",
  record: false,
  userData: null,
  status: "active",
  city: "0755",
  boundAt: "2026-11-25T10:00:00Z",
  lastSyncedAt: "2026-11-25T10:05:00Z",
};
const page = (items: CachedBinding[]): BindingPage => ({ items, total: items.length, page: 1, pageSize: 50, lastSyncedAt: "2026-11-25T10:05:00Z" });

const withMode = (mode: "AXB" | "AXE" | "AXYB") =>
  vi.mocked(accountsIpc.accountsList).mockResolvedValue([
    {
      id: 1,
      name: "Prod",
      mode,
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
  vi.mocked(bindingsIpc.bindingsList).mockResolvedValue(page([row]));
  window.location.hash = "#/bindings";
});

describe("bindings page", { timeout: 30_000 }, () => {
  it("masks A and B, shows X, and says when the cache was synced", async () => {
    renderWithQueries();
    const r = await screen.findByTestId("binding-row-sub-1");
    expect(r).toHaveTextContent("+86 138****8000");
    expect(screen.getByTestId("reveal-binding-sub-1-a"), "A can be revealed (audited)").toHaveAccessibleName("Show full number");
    expect(r).toHaveTextContent("+86 139****9000");
    expect(r).toHaveTextContent("+8617000100000");
    expect(r).not.toHaveTextContent("13800138000");
    expect(screen.getByTestId("bindings-last-synced")).toHaveTextContent("Last synced");
  });

  it("unbinds after confirming, and Undo binds again with the same parameters", async () => {
    vi.mocked(bindingsIpc.bindingUnbind).mockResolvedValue(null);
    vi.mocked(bindingsIpc.bindingBind).mockResolvedValue({ subscriptionId: "sub-2", x: "+8617000100000", y: null, extension: null });
    renderWithQueries();
    await userEvent.click(await screen.findByTestId("binding-unbind-sub-1", {}, { timeout: 5000 }));
    expect(bindingsIpc.bindingUnbind).not.toHaveBeenCalled();
    await userEvent.click(await screen.findByTestId("unbind-confirm", {}, { timeout: 5000 }));
    await waitFor(() => expect(bindingsIpc.bindingUnbind).toHaveBeenCalledWith("sub-1"));
    await userEvent.click(await screen.findByTestId("unbind-undo", {}, { timeout: 5000 }));
    await waitFor(() =>
      expect(bindingsIpc.bindingBind).toHaveBeenCalledWith(
        expect.objectContaining({ mode: "AXB", a: row.a, b: row.b, x: row.x, durationSecs: 7200, direction: 0 }),
      ),
    );
    expect(await screen.findByText(/Bound again through X \+8617000100000/)).toBeInTheDocument();
  });

  it("validates as the user types and shows the platform's answer with its result code", async () => {
    vi.mocked(bindingsIpc.bindingBind).mockRejectedValue({
      code: "invalidInput",
      message: "platform error 1010010: the number is already bound / 号码已绑定",
    });
    renderWithQueries();
    await userEvent.click(await screen.findByTestId("binding-new", {}, { timeout: 5000 }));
    const drawer = await screen.findByTestId("bind-drawer", {}, { timeout: 5000 });
    await userEvent.type(within(drawer).getByTestId("bind-a"), "1380013800");
    expect(await within(drawer).findByText("Wrong number of digits for a mobile or fixed line")).toBeInTheDocument();
    await userEvent.type(within(drawer).getByTestId("bind-a"), "0");
    await waitFor(() => expect(within(drawer).queryByText(/Wrong number of digits/)).not.toBeInTheDocument());

    await userEvent.click(within(drawer).getByTestId("bind-submit"));
    expect(bindingsIpc.bindingBind).not.toHaveBeenCalled();
    expect((await within(drawer).findAllByText("Required")).length).toBeGreaterThan(0);

    await userEvent.type(within(drawer).getByTestId("bind-b"), "139 0013 9000");
    await userEvent.click(within(drawer).getByTestId("bind-submit"));
    await waitFor(() =>
      expect(bindingsIpc.bindingBind).toHaveBeenCalledWith(expect.objectContaining({ a: "+8613800138000", b: "+8613900139000" })),
    );
    const answer = await within(drawer).findByTestId("bind-error");
    expect(answer).toHaveTextContent("号码已绑定");
    expect(within(answer).getByTestId("platform-answer-code")).toHaveTextContent("Result code 1010010");
  });

  it("says plainly what the check found after a lost answer: it was bound / it was not", async () => {
    const lost = "the platform did not answer in time; it may have been bound";
    vi.mocked(bindingsIpc.bindingBind).mockRejectedValueOnce({
      code: "internal",
      message: `${lost} — checked: it was (subscription sub-9); it is recorded, do not bind it again / 平台未及时应答,可能已绑定——已向平台核实:已绑定(订阅 sub-9),已记录,请勿重复绑定`,
    });
    vi.mocked(bindingsIpc.bindingBind).mockRejectedValueOnce({
      code: "internal",
      message: `${lost} — checked: it was not; nothing was bound, so binding again is safe / 平台未及时应答,可能已绑定——已向平台核实:未绑定,可以重新绑定`,
    });
    renderWithQueries();
    await userEvent.click(await screen.findByTestId("binding-new", {}, { timeout: 5000 }));
    const drawer = await screen.findByTestId("bind-drawer", {}, { timeout: 5000 });
    await userEvent.type(within(drawer).getByTestId("bind-a"), "13800138000");
    await userEvent.type(within(drawer).getByTestId("bind-b"), "139 0013 9000");
    await userEvent.click(within(drawer).getByTestId("bind-submit"));
    const bound = await within(drawer).findByTestId("bind-error");
    expect(bound).toHaveAttribute("data-unsure", "bound");
    expect(bound).toHaveTextContent("Maskline checked: it was bound");
    expect(bound).toHaveTextContent("sub-9");
    await userEvent.click(within(drawer).getByTestId("bind-submit"));
    await waitFor(() => expect(within(drawer).getByTestId("bind-error")).toHaveAttribute("data-unsure", "notBound"));
    expect(within(drawer).getByTestId("bind-error")).toHaveTextContent("it was not bound. Binding again is safe");
  });

  it("offers an empty state when nothing is cached yet", async () => {
    vi.mocked(bindingsIpc.bindingsList).mockResolvedValue(page([]));
    renderWithQueries();
    expect(await screen.findByTestId("bindings-empty", {}, { timeout: 5000 })).toHaveTextContent("No bindings cached for Prod (AXB) yet");
  });

  it("binds AXYB in two steps: A's side first, then B's", async () => {
    withMode("AXYB");
    vi.mocked(bindingsIpc.bindingBind).mockResolvedValue({ subscriptionId: "rel-1", x: "+8617000100000", y: "+8617000200000", extension: null });
    renderWithQueries();
    await userEvent.click(await screen.findByTestId("binding-new", {}, { timeout: 5000 }));
    const drawer = await screen.findByTestId("bind-drawer", {}, { timeout: 5000 });
    expect(within(drawer).queryByTestId("bind-b")).not.toBeInTheDocument();
    await userEvent.click(within(drawer).getByTestId("bind-next"));
    expect((await within(drawer).findAllByText("Required")).length).toBeGreaterThan(0);
    await userEvent.type(within(drawer).getByTestId("bind-a"), "13800138000");
    await userEvent.click(within(drawer).getByTestId("bind-next"));
    await userEvent.type(await within(drawer).findByTestId("bind-b"), "13900139000");
    await userEvent.click(within(drawer).getByTestId("bind-submit"));
    await waitFor(() =>
      expect(bindingsIpc.bindingBind).toHaveBeenCalledWith(expect.objectContaining({ mode: "AXYB", a: "+8613800138000", b: "+8613900139000" })),
    );
  });

  it("checks the AXE extension and sends the duration in hours", async () => {
    withMode("AXE");
    vi.mocked(bindingsIpc.bindingBind).mockResolvedValue({ subscriptionId: "e-1", x: "+8617000100000", y: null, extension: "12" });
    renderWithQueries();
    await userEvent.click(await screen.findByTestId("binding-new", {}, { timeout: 5000 }));
    const drawer = await screen.findByTestId("bind-drawer", {}, { timeout: 5000 });
    await userEvent.type(within(drawer).getByTestId("bind-a"), "13800138000");
    await userEvent.type(within(drawer).getByTestId("bind-extension"), "12345");
    expect(await within(drawer).findByText("1–4 digits")).toBeInTheDocument();
    await userEvent.clear(within(drawer).getByTestId("bind-extension"));
    await userEvent.type(within(drawer).getByTestId("bind-extension"), "12");
    await userEvent.type(within(drawer).getByTestId("bind-duration"), "24");
    // The platform picks X: AXE needs the area code to pick it in.
    await userEvent.click(within(drawer).getByTestId("bind-submit"));
    expect(await within(drawer).findByText(/Give an area code/)).toBeInTheDocument();
    expect(bindingsIpc.bindingBind).not.toHaveBeenCalled();
    await userEvent.type(within(drawer).getByTestId("bind-area"), "0755");
    await userEvent.click(within(drawer).getByTestId("bind-submit"));
    await waitFor(() =>
      expect(bindingsIpc.bindingBind).toHaveBeenCalledWith(
        expect.objectContaining({ mode: "AXE", extension: "12", durationHours: 24, areaCode: "0755" }),
      ),
    );
  });

  it("chooses X by city and says which one before binding", async () => {
    vi.mocked(bindingsIpc.bindingBind).mockResolvedValue({ subscriptionId: "sub-3", x: "+8617001000002", y: null, extension: null });
    renderWithQueries();
    await userEvent.click(await screen.findByTestId("binding-new", {}, { timeout: 5000 }));
    const drawer = await screen.findByTestId("bind-drawer");
    await userEvent.type(within(drawer).getByTestId("bind-a"), "13800138000");
    await userEvent.type(within(drawer).getByTestId("bind-b"), "13900139000");
    fireEvent.click(within(drawer).getByTestId("bind-x-city"));
    await userEvent.type(within(drawer).getByTestId("bind-city"), "0755");
    expect(await within(drawer).findByTestId("bind-x-preview")).toHaveTextContent("Maskline will use X +8617001000002");
    expect(numbersIpc.numbersChooseX).toHaveBeenLastCalledWith({ kind: "city", value: "0755" }, "+8613800138000", "+8613900139000");
    await userEvent.click(within(drawer).getByTestId("bind-submit"));
    await waitFor(() =>
      expect(bindingsIpc.bindingBind).toHaveBeenCalledWith(expect.objectContaining({ x: null, xScope: { kind: "city", value: "0755" } })),
    );
  });
});
