import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import "../../i18n";
import type { FetchProgress } from "../../ipc/bindings/FetchProgress";
import type { FetchReport } from "../../ipc/bindings/FetchReport";
import type { RecordingRow } from "../../ipc/bindings/RecordingRow";
import type { RecordingSummary } from "../../ipc/bindings/RecordingSummary";
import * as accountsIpc from "../../ipc/accounts";
import * as rec from "../../ipc/recordings";
import { RecordingsPage } from "./RecordingsPage";
import { NOW, nowSecs } from "../../test/fixtures";
import { renderInApp, row } from "./testKit";

vi.mock("wavesurfer.js", () => import("../../test/fakeWaveSurfer"));
vi.mock("../../ipc/accounts", () => ({ accountsList: vi.fn(async () => []) }));
vi.mock("../../ipc/bindings", () => ({}));
vi.mock("../../ipc/numbers", () => ({}));
vi.mock("../../ipc/bulk", () => ({}));
vi.mock("../../ipc/audit", () => ({}));
vi.mock("../../ipc/dialogs", () => ({ pickExportPath: vi.fn(async () => "/home/me/recordings.zip") }));
vi.mock("../../queries/demo", () => ({
  useDemoStatus: () => ({ data: { active: false, running: false, baseUrl: null, accountIds: [] } }),
  useStartDemo: () => ({ mutate: vi.fn() }),
  useDemoStarting: () => false,
}));
vi.mock("../../ipc/recordings", () => ({
  recordingsSummary: vi.fn(),
  recordingsPage: vi.fn(),
  recordingsFetch: vi.fn(),
  recordingsFetchCancel: vi.fn(async () => null),
  recordingPlayback: vi.fn(),
  recordingPlayed: vi.fn(async () => null),
  recordingUrl: vi.fn(async (s: string) => `rec://localhost/${s}`),
  recordingPin: vi.fn(async () => null),
  recordingDeleteLocal: vi.fn(async (ids: number[]) => ids.length),
  recordingsExportZip: vi.fn(),
  recordingsExportCancel: vi.fn(async () => null),
}));

const summary = (patch: Partial<RecordingSummary> = {}): RecordingSummary => ({
  waiting: 2,
  fetching: 0,
  fetched: 1,
  failed: 0,
  expired: 1,
  evicted: 0,
  expiringWithinDay: 1,
  nextDeletionAt: nowSecs + 3 * 3600 + 60,
  ...patch,
});
const rows: RecordingRow[] = [row(1, { state: "fetched", fileName: "a.wav", durationMs: 42_000 }), row(2), row(3, { state: "expired" })];

beforeEach(() => {
  vi.mocked(rec.recordingsSummary).mockResolvedValue(summary());
  vi.mocked(rec.recordingsPage).mockImplementation(async (r) => ({ rows, total: rows.length, page: r.page, pageSize: 50 }));
});

describe("Recordings page", () => {
  it("says what to do when no call has a recording", async () => {
    vi.mocked(rec.recordingsSummary).mockResolvedValue(summary({ waiting: 0, fetched: 0, expired: 0, expiringWithinDay: 0, nextDeletionAt: null }));
    renderInApp(<RecordingsPage />);
    const empty = await screen.findByTestId("recordings-empty");
    expect(empty).toHaveTextContent("import CDR files on the Calls page");
    expect(within(empty).getByRole("button", { name: /Import calls/ })).toBeInTheDocument();
    expect(await within(empty).findByTestId("recordings-demo-try"), "no account yet: the demo is offered").toBeInTheDocument();
    expect(accountsIpc.accountsList).toHaveBeenCalled();
  });

  it("lists recordings with masked numbers, states and the deletion countdown", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
    renderInApp(<RecordingsPage />);
    const table = await screen.findByTestId("recordings-table");
    await within(table).findByTestId("recording-row-2");
    expect(table).toHaveTextContent("+86 138****8000");
    expect(table, "full numbers never shown").not.toHaveTextContent("13800138000");
    expect(within(table).getByTestId("recording-state-2")).toHaveTextContent("Waiting");
    expect(within(table).getByTestId("recording-row-2")).toHaveTextContent("deleted in 2 d 5 h");
    expect(screen.getByTestId("recordings-summary")).toHaveTextContent("Deleted by the platform within 24 h: 1");
    expect(screen.getByTestId("recordings-next-deletion")).toHaveTextContent("in 3 h 1 min");
    vi.useRealTimers();
  });

  it("sends the filters to the backend", async () => {
    renderInApp(<RecordingsPage />);
    await screen.findByTestId("recordings-table");
    await userEvent.type(screen.getByTestId("recordings-filter-number"), "8000");
    await waitFor(() => expect(vi.mocked(rec.recordingsPage).mock.lastCall?.[0].filter.number).toBe("8000"));
    await userEvent.type(screen.getByTestId("recordings-filter-min"), "30");
    await userEvent.click(screen.getByTestId("recordings-filter-pinned"));
    await userEvent.click(screen.getByTestId("recordings-expiring-day"));
    await waitFor(() =>
      expect(vi.mocked(rec.recordingsPage).mock.lastCall?.[0]).toMatchObject({
        filter: { expiringWithin: 86400, number: null, pinnedOnly: false },
        page: 0,
      }),
    );
    const requests = vi.mocked(rec.recordingsPage).mock.calls.map((c) => c[0].filter);
    expect(requests.some((f) => f.minSeconds === 30 && f.pinnedOnly && f.number === "8000"), "min duration and pinned only were sent").toBe(true);
  });

  it("fetches everything before it expires, with progress, and cancels", async () => {
    let report: (p: FetchProgress) => void = () => {};
    let finish: (r: FetchReport) => void = () => {};
    vi.mocked(rec.recordingsFetch).mockImplementation(
      (_req, onProgress) =>
        new Promise((resolve) => {
          report = onProgress;
          finish = resolve;
        }),
    );
    renderInApp(<RecordingsPage />);
    await userEvent.click(await screen.findByTestId("recordings-fetch-all"));
    expect(rec.recordingsFetch).toHaveBeenCalledWith({ callIds: [], since: null }, expect.any(Function));
    const before = vi.mocked(rec.recordingsPage).mock.calls.length;
    act(() => report({ total: 4, fetched: 1, failed: 1, expired: 0, bytes: 2_097_152, callId: 2 }));
    const progress = await screen.findByTestId("recordings-fetch-progress");
    expect(progress).toHaveTextContent("2 of 4 · failed 1 · 2.0 MB");
    await waitFor(() => expect(vi.mocked(rec.recordingsPage).mock.calls.length, "progress refreshes the list").toBeGreaterThan(before));

    await userEvent.click(screen.getByTestId("recordings-fetch-cancel"));
    expect(rec.recordingsFetchCancel).toHaveBeenCalled();
    await act(async () => finish({ total: 4, fetched: 1, failed: 1, expired: 0, bytes: 2_097_152, cancelled: true, evicted: 0 }));
    expect(await screen.findByTestId("recordings-fetch-done")).toHaveTextContent("Cancelled after 1 of 4");
  });

  it("pins and deletes the ticked recordings, deleting only after confirming", async () => {
    renderInApp(<RecordingsPage />);
    const table = await screen.findByTestId("recordings-table");
    const tick = async (id: number) => userEvent.click(within(await within(table).findByTestId(`recording-row-${id}`)).getByRole("checkbox"));
    await tick(1);
    await tick(2);
    expect(screen.getByTestId("recordings-selected")).toHaveTextContent("Selected: 2");
    await userEvent.click(screen.getByTestId("recordings-bulk-pin"));
    expect(rec.recordingPin).toHaveBeenCalledWith([1, 2], true);

    await userEvent.click(screen.getByTestId("recordings-bulk-delete"));
    expect(rec.recordingDeleteLocal, "asks first").not.toHaveBeenCalled();
    await userEvent.click(await screen.findByTestId("recordings-bulk-delete-ok"));
    await waitFor(() => expect(rec.recordingDeleteLocal).toHaveBeenCalledWith([1, 2]));
    await waitFor(() => expect(screen.getByTestId("recordings-selected")).toHaveTextContent("With the ticked calls"));
  });

  it("plays the clicked recording and exports the ticked ones as a zip", async () => {
    vi.mocked(rec.recordingPlayback).mockResolvedValue({ callId: 1, source: "a.wav", mime: "audio/wav", durationMs: 42_000, peaks: [0.3] });
    vi.mocked(rec.recordingsExportZip).mockResolvedValue({ path: "/home/me/recordings.zip", calls: 1, recordings: 1, missing: 0, cancelled: false });
    renderInApp(<RecordingsPage />);
    const table = await screen.findByTestId("recordings-table");
    await userEvent.click(within(await within(table).findByTestId("recording-row-1")).getByText("0:42"));
    expect(await screen.findByTestId("player-time")).toHaveTextContent("0:00 / 0:42");
    expect(screen.getByTestId("recordings-player")).toHaveAttribute("data-call-id", "1");

    await userEvent.click(within(within(table).getByTestId("recording-row-1")).getByRole("checkbox"));
    await userEvent.click(screen.getByTestId("recordings-bulk-export"));
    await userEvent.click(await screen.findByTestId("zip-start"));
    await waitFor(() =>
      expect(rec.recordingsExportZip).toHaveBeenCalledWith(
        expect.objectContaining({ callIds: [1], path: "/home/me/recordings.zip", unmask: false }),
        expect.any(Function),
      ),
    );
    expect(await screen.findByTestId("zip-done")).toHaveTextContent("Saved /home/me/recordings.zip");
  });
});
