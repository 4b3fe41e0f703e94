import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import i18n from "../../i18n";
import * as auditIpc from "../../ipc/audit";
import * as dialogs from "../../ipc/dialogs";
import * as invokeIpc from "../../ipc/invoke";
import type * as Invoke from "../../ipc/invoke";
import { renderWithQueries } from "../../test/renderApp";
import { AuditCard } from "./AuditCard";

vi.mock("../../ipc/dialogs", () => ({ pickExportPath: vi.fn() }));
vi.mock("../../ipc/invoke", async (importOriginal) => ({
  ...(await importOriginal<typeof Invoke>()),
  isDebugBuild: vi.fn(() => false),
}));
vi.mock("../../ipc/audit", () => ({ auditList: vi.fn(), auditVerify: vi.fn(), auditExport: vi.fn() }));

const PATH = "/home/op/audit-log.csv";

beforeEach(() => {
  vi.mocked(auditIpc.auditList).mockReset().mockResolvedValue([]);
  vi.mocked(auditIpc.auditExport).mockReset();
  vi.mocked(dialogs.pickExportPath).mockReset();
  vi.mocked(invokeIpc.isDebugBuild).mockReturnValue(false);
});

describe("Audit card export", () => {
  it("asks where to save a CSV, exports there, says the chain is intact and refreshes the list", async () => {
    vi.mocked(dialogs.pickExportPath).mockResolvedValue(PATH);
    vi.mocked(auditIpc.auditExport).mockResolvedValue({ path: PATH, rows: 42, check: { rows: 42, firstBroken: null } });
    const user = userEvent.setup();
    renderWithQueries(<AuditCard />);
    await waitFor(() => expect(auditIpc.auditList).toHaveBeenCalledTimes(1));

    await user.click(screen.getByTestId("audit-export"));
    expect(await screen.findByTestId("audit-exported")).toHaveTextContent(`Entries written to ${PATH}: 42, each with its chain hashes`);
    expect(screen.getByTestId("audit-exported")).toHaveTextContent("The chain is intact");
    const [texts, name, ext] = vi.mocked(dialogs.pickExportPath).mock.calls[0] ?? [];
    expect(texts?.title).toBe("Save the audit log");
    expect(name).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
    expect(ext).toBe("csv");
    expect(auditIpc.auditExport).toHaveBeenCalledWith(PATH);
    // The export is itself an audit entry: the table is loaded again.
    await waitFor(() => expect(auditIpc.auditList).toHaveBeenCalledTimes(2));
  });

  it("shows a broken chain found while exporting as an error, with what to do", async () => {
    vi.mocked(dialogs.pickExportPath).mockResolvedValue(PATH);
    vi.mocked(auditIpc.auditExport).mockResolvedValue({ path: PATH, rows: 42, check: { rows: 42, firstBroken: 17 } });
    const user = userEvent.setup();
    renderWithQueries(<AuditCard />);
    await user.click(screen.getByTestId("audit-export"));
    const alert = await screen.findByTestId("audit-exported-broken");
    expect(alert).toHaveTextContent("the chain is broken at entry #17");
    expect(alert).toHaveTextContent("Keep a copy of the database");
    expect(screen.queryByTestId("audit-exported")).not.toBeInTheDocument();
  });

  it("does nothing when the save dialog is cancelled, and shows the backend's reason when writing fails", async () => {
    vi.mocked(dialogs.pickExportPath).mockResolvedValueOnce(null);
    const user = userEvent.setup();
    renderWithQueries(<AuditCard />);
    await user.click(screen.getByTestId("audit-export"));
    await waitFor(() => expect(dialogs.pickExportPath).toHaveBeenCalledTimes(1));
    expect(auditIpc.auditExport).not.toHaveBeenCalled();
    expect(screen.queryByTestId("audit-exported")).not.toBeInTheDocument();

    vi.mocked(dialogs.pickExportPath).mockResolvedValueOnce("/read-only/audit.csv");
    vi.mocked(auditIpc.auditExport).mockRejectedValueOnce({ code: "invalidInput", message: "cannot write /read-only/audit.csv: denied. Choose another folder" });
    await user.click(screen.getByTestId("audit-export"));
    expect(await screen.findByTestId("audit-export-failed")).toHaveTextContent(
      "The audit log could not be exported: cannot write /read-only/audit.csv: denied. Choose another folder",
    );
  });

  it("debug builds only: the E2E hook exports to the given path without the dialog, and is gone after unmount", async () => {
    const { unmount } = renderWithQueries(<AuditCard />);
    expect(window.__MASKLINE_E2E__?.exportAudit, "a release build registers nothing").toBeUndefined();
    unmount();

    vi.mocked(invokeIpc.isDebugBuild).mockReturnValue(true);
    vi.mocked(auditIpc.auditExport).mockResolvedValue({ path: PATH, rows: 3, check: { rows: 3, firstBroken: null } });
    const again = renderWithQueries(<AuditCard />);
    await waitFor(() => expect(typeof window.__MASKLINE_E2E__?.exportAudit).toBe("function"));
    const hook = window.__MASKLINE_E2E__?.exportAudit as unknown as (p: string) => Promise<void>;
    await hook(PATH);
    expect(await screen.findByTestId("audit-exported")).toHaveTextContent(`Entries written to ${PATH}: 3`);
    expect(dialogs.pickExportPath).not.toHaveBeenCalled();
    expect(auditIpc.auditExport).toHaveBeenCalledWith(PATH);
    again.unmount();
    expect(window.__MASKLINE_E2E__?.exportAudit).toBeUndefined();
  });

  it("names the actions and shows a target worded in both languages in the UI language only", async () => {
    const entry = { who: "op", account: null, resultCode: "0", ok: true, at: "2026-12-04T10:00:00Z" };
    vi.mocked(auditIpc.auditList).mockResolvedValue([
      { ...entry, id: 3, action: "audit.export", target: "2 entries, chain intact / 共 2 条记录，记录链完整" },
      { ...entry, id: 2, action: "future.thing", target: "AXB A=+86 138****8000 / X=+8617000100000" },
      { ...entry, id: 1, action: "calls.export", target: "121 calls, CSV / 121 条通话，CSV" },
    ]);
    await act(() => i18n.changeLanguage("en"));
    renderWithQueries(<AuditCard />);
    const table = await screen.findByTestId("audit-table");
    await waitFor(() => expect(table).toHaveTextContent("Audit log exported"));
    expect(table).toHaveTextContent("2 entries, chain intact");
    expect(table).not.toHaveTextContent("记录链完整");
    expect(table).toHaveTextContent("Calls exported");
    expect(table).toHaveTextContent("121 calls, CSV");
    expect(within(table).getByText("future.thing"), "an action without words is shown as recorded").toBeInTheDocument();
    expect(table, "a ' / ' that is not two languages stays whole").toHaveTextContent("AXB A=+86 138****8000 / X=+8617000100000");

    await act(() => i18n.changeLanguage("zh-CN"));
    try {
      expect(table).toHaveTextContent("导出审计记录");
      expect(table).toHaveTextContent("共 2 条记录，记录链完整");
      expect(table).toHaveTextContent("121 条通话，CSV");
      expect(table).not.toHaveTextContent("chain intact");
      expect(table).toHaveTextContent("导出通话");
    } finally {
      await act(() => i18n.changeLanguage("en"));
    }
  });
});
