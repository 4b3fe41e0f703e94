import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App as AntApp } from "antd";
import { MemoryRouter } from "react-router";
import { beforeEach, describe, expect, it, vi } from "vitest";
import "../../i18n";
import type { CallPage } from "../../ipc/bindings/CallPage";
import type { CallRow } from "../../ipc/bindings/CallRow";
import type { ImportProgress } from "../../ipc/bindings/ImportProgress";
import * as calls from "../../ipc/calls";
import * as dialogs from "../../ipc/dialogs";
import * as importIpc from "../../ipc/import";
import { createQueryClient } from "../../queries/client";
import { CallsPage } from "./CallsPage";

vi.mock("../../ipc/calls", () => ({
  callsCount: vi.fn(),
  callsPage: vi.fn(),
  callDetail: vi.fn(),
  callsExport: vi.fn(),
  callsExportCancel: vi.fn(),
}));
vi.mock("../../ipc/import", () => ({
  importStart: vi.fn(),
  importCancel: vi.fn(async () => null),
}));
vi.mock("../../ipc/dialogs", () => ({
  pickImportPaths: vi.fn(),
  pickExportPath: vi.fn(),
  onFilesDropped: vi.fn(async () => () => {}),
}));

const row: CallRow = {
  id: 1,
  startTime: 1_709_287_200,
  endTime: 1_709_287_260,
  direction: "toA",
  caller: "+8613800138000",
  callee: "+8618600000002",
  xNumber: "+8617000000001",
  subscriptionId: "sub-1",
  answered: true,
  talkSeconds: 50,
  outcome: "answered",
  hasRecording: false,
};
const page = (rows: CallRow[]): CallPage => ({ rows, page: 0, pageSize: 100, hasMore: false, numberMatch: null });

function renderPage() {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <AntApp>
        <MemoryRouter>
          <CallsPage />
        </MemoryRouter>
      </AntApp>
    </QueryClientProvider>,
  );
}

describe("Calls page", () => {
  beforeEach(() => {
    vi.mocked(calls.callsPage).mockResolvedValue(page([]));
  });

  it("starts empty, imports the picked files with progress, and reports per file", async () => {
    let total = 0;
    vi.mocked(calls.callsCount).mockImplementation(async () => total);
    vi.mocked(dialogs.pickImportPaths).mockResolvedValue(["/cdr/a.jsonl"]);
    let report: (p: ImportProgress) => void = () => {};
    let finish: () => void = () => {};
    vi.mocked(importIpc.importStart).mockImplementation(
      (_paths, onProgress) =>
        new Promise((resolve) => {
          report = onProgress;
          finish = () =>
            resolve([
              {
                path: "/cdr/a.jsonl",
                new: 3,
                duplicate: 1,
                rejected: 1,
                errors: [{ line: 7, at: "feeLst[2]", field: "callInTime", reason: { en: "not a time", zh: "不是时间" } }],
                status: "done",
                error: null,
                bytes: 900,
              },
            ]);
        }),
    );
    const user = userEvent.setup();
    renderPage();
    const empty = await screen.findByTestId("calls-empty");
    expect(empty).toHaveTextContent("JSON Lines");
    await user.click(within(empty).getByTestId("calls-empty-import"));

    await waitFor(() => expect(importIpc.importStart).toHaveBeenCalledWith(["/cdr/a.jsonl"], expect.any(Function)));
    report({ fileIndex: 0, files: 1, path: "/cdr/a.jsonl", records: 12000, bytes: 450, bytesTotal: 900, recordsPerSec: 40000 });
    expect(await screen.findByTestId("import-rate")).toHaveTextContent("12,000 records · 40,000 records/s");

    total = 3;
    finish();
    const summary = await screen.findByTestId("import-summary");
    expect(summary).toHaveTextContent("1 file(s): 3 new, 1 already imported, 1 rejected.");
    expect(screen.getByTestId("import-errors")).toHaveTextContent("a.jsonl, line 7 feeLst[2]");
    expect(screen.getByTestId("import-errors")).toHaveTextContent("field callInTime");
  });

  it("shows masked numbers and sends the typed number to the backend", async () => {
    vi.mocked(calls.callsCount).mockResolvedValue(1);
    vi.mocked(calls.callsPage).mockResolvedValue(page([row]));
    const user = userEvent.setup();
    renderPage();
    await screen.findByTestId("calls-table");
    await waitFor(() => expect(screen.getByTestId("calls-table")).toHaveTextContent("+86 138****8000"));
    expect(screen.getByTestId("calls-table")).not.toHaveTextContent("13800138000");
    expect(screen.getByTestId("calls-zone")).toHaveTextContent(/UTC[+-]\d\d:\d\d/);

    await user.type(screen.getByTestId("calls-filter-number"), "8000");
    await waitFor(() =>
      expect(vi.mocked(calls.callsPage).mock.lastCall?.[0]).toMatchObject({ filter: { number: "8000" }, page: 0 }),
    );
  });

  it("refuses a number search without a digit inline and sends full-width digits", async () => {
    vi.mocked(calls.callsCount).mockResolvedValue(1);
    vi.mocked(calls.callsPage).mockResolvedValue(page([row]));
    const user = userEvent.setup();
    renderPage();
    await screen.findByTestId("calls-table");
    const box = screen.getByTestId("calls-filter-number");
    await user.type(box, "abc");
    expect(await screen.findByTestId("calls-number-refused")).toHaveTextContent("needs at least one digit");
    // Give the debounce time to fire: nothing without a digit reaches the backend.
    await new Promise((r) => setTimeout(r, 600));
    const sent = vi.mocked(calls.callsPage).mock.calls.map((c) => c[0].filter.number);
    expect(sent).not.toContain("abc");
    await user.clear(box);
    await user.type(box, "１３８");
    await waitFor(() =>
      expect(vi.mocked(calls.callsPage).mock.lastCall?.[0]).toMatchObject({ filter: { number: "１３８" } }),
    );
    expect(screen.queryByTestId("calls-number-refused")).toBeNull();
  });
});
