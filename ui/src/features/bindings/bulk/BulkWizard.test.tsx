import { App as AntApp } from "antd";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { DryRunReport } from "../../../ipc/bindings/DryRunReport";
import type { JobProgress } from "../../../ipc/bindings/JobProgress";
import * as bulkIpc from "../../../ipc/bulk";
import { renderWithQueries } from "../../../test/renderApp";
import { BulkWizard } from "./BulkWizard";

vi.mock("../../../ipc/dialogs", () => ({ pickExportPath: vi.fn(), pickSpreadsheet: vi.fn(async () => "/tmp/pairs.csv") }));
vi.mock("../../../ipc/bulk", () => ({
  bulkPreview: vi.fn(async () => [["A号码 A", "对方 callee", "memo"], { columns: [{ field: "a", column: 0, header: "A号码 A" }] }]),
  bulkFields: vi.fn(async () => [["a", "b"], ["x", "userData"]]),
  bulkDryRun: vi.fn(),
  bulkCreate: vi.fn(),
  bulkStart: vi.fn(),
  bulkPause: vi.fn(async () => null),
  bulkResume: vi.fn(),
  bulkCancel: vi.fn(),
  bulkResults: vi.fn(async () => []),
  bulkGet: vi.fn(),
}));

const report: DryRunReport = {
  kind: "bind",
  mode: "AXB",
  mapping: { columns: [] },
  rows: 4,
  valid: 3,
  invalid: 1,
  duplicates: 0,
  conflicts: 0,
  issues: [{ kind: "invalid", error: { file: "pairs.csv", row: 3, column: "A号码 A", message: { en: "the phone number is empty", zh: "号码为空" } } }],
};
const progress = (over: Partial<JobProgress>): JobProgress => ({
  jobId: 9,
  state: "running",
  total: 3,
  done: 0,
  ok: 0,
  failed: 0,
  invalid: 1,
  ratePerSec: 0,
  ...over,
});

describe("bulk wizard", { timeout: 30_000 }, () => {
  it("maps the missing column, shows the dry run with row numbers, then runs with progress to the results", async () => {
    vi.mocked(bulkIpc.bulkDryRun).mockResolvedValue(report);
    vi.mocked(bulkIpc.bulkCreate).mockResolvedValue([9, report]);
    let send: (p: JobProgress) => void = () => {};
    vi.mocked(bulkIpc.bulkStart).mockImplementation(async (_id, onProgress) => {
      send = onProgress;
      return null;
    });
    renderWithQueries(
      <AntApp>
        <BulkWizard mode="AXB" kind="bind" onClose={() => {}} />
      </AntApp>,
    );
    await userEvent.click(await screen.findByTestId("bulk-choose-file", {}, { timeout: 5000 }));
    const missing = await screen.findByTestId("bulk-mapping-missing", {}, { timeout: 5000 });
    expect(missing).toHaveTextContent("B number");
    expect(screen.getByTestId("bulk-dry-run-button")).toBeDisabled();

    // Column 2 ("对方 callee") feeds B.
    await userEvent.click(within(screen.getByTestId("bulk-map-1")).getByRole("combobox"));
    await userEvent.click(await screen.findByTitle("B number *"));
    await waitFor(() => expect(screen.queryByTestId("bulk-mapping-missing")).not.toBeInTheDocument());
    await userEvent.click(screen.getByTestId("bulk-dry-run-button"));
    await waitFor(() =>
      expect(bulkIpc.bulkDryRun).toHaveBeenCalledWith("bind", "/tmp/pairs.csv", {
        columns: [
          { field: "a", column: 0, header: "A号码 A" },
          { field: "b", column: 1, header: "对方 callee" },
        ],
      }, null),
    );
    const issues = await screen.findByTestId("bulk-issues");
    expect(issues).toHaveTextContent("3");
    expect(issues).toHaveTextContent("the phone number is empty");
    expect(issues, "the backend's reason in the UI language only").not.toHaveTextContent("号码为空");

    await userEvent.click(screen.getByTestId("bulk-start"));
    await waitFor(() => expect(bulkIpc.bulkStart).toHaveBeenCalled());
    send(progress({ done: 2, ok: 1, failed: 1, ratePerSec: 12.5 }));
    expect(await screen.findByTestId("bulk-done")).toHaveTextContent("2 / 3");
    expect(screen.getByTestId("bulk-failed")).toHaveTextContent("1");
    expect(screen.getByTestId("bulk-run")).toHaveTextContent("12.5/s");

    await userEvent.click(screen.getByTestId("bulk-pause"));
    expect(bulkIpc.bulkPause).toHaveBeenCalledWith(9);
    expect(screen.getByTestId("bulk-run")).toHaveAttribute("data-phase", "pausing");

    send(progress({ state: "done", done: 3, ok: 2, failed: 1 }));
    expect(await screen.findByTestId("bulk-results")).toBeInTheDocument();
    expect(screen.getByTestId("bulk-retry")).toHaveTextContent("Retry failed rows (1)");
  });
});
