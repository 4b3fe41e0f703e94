import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import i18n from "../../i18n";
import type { WatchFolderSettings } from "../../ipc/bindings/WatchFolderSettings";
import type { WatchStatus } from "../../ipc/bindings/WatchStatus";
import * as dialogs from "../../ipc/dialogs";
import * as watch from "../../ipc/watch";
import { importedSince, useWatchFolderEvents } from "../../queries/watch";
import { renderInApp } from "../recordings/testKit";
import { WatchFolderCard } from "./WatchFolderCard";

vi.mock("../../ipc/watch", () => ({
  watchFolderGet: vi.fn(),
  watchFolderSet: vi.fn(),
  watchFolderStatus: vi.fn(),
  onWatchFolderStatus: vi.fn(),
}));
vi.mock("../../ipc/dialogs", () => ({ pickWatchFolder: vi.fn() }));

const FOLDER = "/data/cdr-inbox";
const off: WatchStatus = {
  state: "off",
  folder: null,
  problem: null,
  detail: null,
  pending: 0,
  importing: null,
  importedFiles: 0,
  lastImport: null,
};
const watching: WatchStatus = { ...off, state: "watching", folder: FOLDER };

/** The card with the app-wide event listener mounted, as in the app. */
function CardWithEvents() {
  useWatchFolderEvents();
  return <WatchFolderCard />;
}

/** The handler the card's listener registered, to play the backend's `watch-folder` events. */
async function backendEvents(): Promise<(s: WatchStatus) => void> {
  await waitFor(() => expect(watch.onWatchFolderStatus).toHaveBeenCalled());
  const handler = vi.mocked(watch.onWatchFolderStatus).mock.calls[0]?.[0];
  if (!handler) throw new Error("the card registered no listener");
  return handler;
}

beforeEach(async () => {
  vi.mocked(watch.onWatchFolderStatus).mockResolvedValue(() => {});
  await act(() => i18n.changeLanguage("en"));
});
afterEach(() => vi.clearAllMocks());

describe("importedSince", () => {
  it("is true only when a new import arrived", () => {
    const last = { at: 100, report: { path: "a", new: 1, duplicate: 0, rejected: 0, errors: [], status: "done" as const, error: null, bytes: 1 } };
    const one = { ...watching, importedFiles: 1, lastImport: last };
    expect(importedSince(undefined, watching)).toBe(false);
    expect(importedSince(watching, one)).toBe(true);
    expect(importedSince(one, { ...one, pending: 2 }), "a pending-count change is not an import").toBe(false);
    expect(importedSince(one, { ...one, importedFiles: 2, lastImport: { ...last, at: 101 } })).toBe(true);
  });
});

describe("Watch folder card", () => {
  it("is off by default, chooses a folder, turns on and shows what was imported", async () => {
    // A small backend: what was saved, and the status the watch reports.
    let saved: WatchFolderSettings = { enabled: false, folder: null };
    let now: WatchStatus = off;
    vi.mocked(watch.watchFolderGet).mockImplementation(async () => saved);
    vi.mocked(watch.watchFolderStatus).mockImplementation(async () => now);
    vi.mocked(dialogs.pickWatchFolder).mockResolvedValue(FOLDER);
    vi.mocked(watch.watchFolderSet).mockImplementation(async (s) => {
      saved = s;
      now = s.enabled ? { ...watching, folder: s.folder } : { ...off, folder: s.folder };
      return now;
    });
    const { client } = renderInApp(<CardWithEvents />);
    const invalidate = vi.spyOn(client, "invalidateQueries");

    expect(await screen.findByTestId("watch-status")).toHaveTextContent("Choose a folder, then turn it on.");
    const enabled = screen.getByTestId("watch-folder-enabled");
    expect(enabled, "nothing to watch without a folder").toBeDisabled();
    expect(screen.getByTestId("watch-folder-path")).toHaveTextContent("No folder chosen");

    await userEvent.click(screen.getByTestId("watch-folder-choose"));
    await waitFor(() => expect(watch.watchFolderSet).toHaveBeenCalledWith({ enabled: false, folder: FOLDER }));
    expect(await screen.findByTestId("watch-folder-path")).toHaveTextContent(FOLDER);
    expect(screen.getByTestId("watch-status")).toHaveTextContent("files put in the folder are not imported");

    await waitFor(() => expect(screen.getByTestId("watch-folder-enabled")).toBeEnabled());
    await userEvent.click(screen.getByTestId("watch-folder-enabled"));
    await waitFor(() => expect(watch.watchFolderSet).toHaveBeenLastCalledWith({ enabled: true, folder: FOLDER }));
    expect(await screen.findByText(`Watching ${FOLDER}: new files are imported once they stop growing.`)).toBeInTheDocument();
    expect(screen.getByTestId("watch-status")).toHaveTextContent("No file imported since the watch started.");

    // The backend announces a file still being copied, then its import with a rejected record.
    const listener = await backendEvents();
    const emit = (s: WatchStatus) => {
      now = s;
      act(() => listener(s));
    };
    emit({ ...watching, pending: 1 });
    expect(await screen.findByText(/1 file\(s\) still being written/)).toBeInTheDocument();
    expect(invalidate, "nothing imported yet: the calls stay").not.toHaveBeenCalledWith({ queryKey: ["calls"] });
    emit({
      ...watching,
      importedFiles: 1,
      lastImport: {
        at: 1_764_000_000,
        report: {
          path: `${FOLDER}/2026-11/fee.jsonl`,
          new: 42,
          duplicate: 3,
          rejected: 1,
          errors: [{ line: 17, at: "feeLst[0]", field: "callInTime", reason: { en: "callInTime: not a valid date", zh: "callInTime 不是有效日期" } }],
          status: "done",
          error: null,
          bytes: 18_432,
        },
      },
    });
    const last = await screen.findByTestId("watch-last-import");
    expect(last).toHaveTextContent(/Last import \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(UTC[+-]\d\d:\d\d\): fee\.jsonl: 42 new, 3 already imported, 1 rejected\./);
    expect(last).toHaveTextContent("First rejected record, line 17: callInTime: not a valid date. Correct the file");
    expect(screen.queryByText(/still being written/), "nothing pending any more").not.toBeInTheDocument();
    expect(invalidate, "the Calls page, dashboard and recordings refetch").toHaveBeenCalledWith({ queryKey: ["calls"] });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ["recordings"] });
  });

  it("says what is wrong with the folder and what to do, in both languages", async () => {
    vi.mocked(watch.watchFolderGet).mockResolvedValue({ enabled: true, folder: FOLDER });
    vi.mocked(watch.watchFolderStatus).mockResolvedValue({
      ...watching,
      state: "error",
      problem: "missing",
      detail: { en: `${FOLDER}: No such file or directory (os error 2)`, zh: `${FOLDER}: No such file or directory (os error 2)` },
    });
    renderInApp(<CardWithEvents />);
    const status = await screen.findByTestId("watch-status");
    expect(status).toHaveTextContent(`The folder ${FOLDER} cannot be found. Reconnect the drive or put the folder back`);
    expect(screen.getByTestId("watch-folder-enabled")).toBeChecked();

    await act(() => i18n.changeLanguage("zh-CN"));
    expect(screen.getByTestId("watch-status")).toHaveTextContent(`找不到文件夹 ${FOLDER}。请重新连接磁盘或恢复该文件夹`);

    // Back, but a file could not be written to the database: still watching, with a warning.
    const emit = await backendEvents();
    act(() => emit({ ...watching, problem: "importFailed", detail: { en: "database is locked", zh: "数据库被锁定" } }));
    await waitFor(() => expect(screen.getByTestId("watch-status")).toHaveTextContent(`正在监视 ${FOLDER}`));
    expect(within(screen.getByTestId("watch-status")).getByRole("alert")).toHaveTextContent("有文件未能写入本地数据库（数据库被锁定）");
  });

  it("shows the backend's refusal in the UI language", async () => {
    vi.mocked(watch.watchFolderGet).mockResolvedValue({ enabled: false, folder: FOLDER });
    vi.mocked(watch.watchFolderStatus).mockResolvedValue({ ...off, folder: FOLDER });
    vi.mocked(watch.watchFolderSet).mockRejectedValue({
      code: "invalidInput",
      message: { en: `folder: ${FOLDER} is not an existing folder; choose another folder`, zh: `folder: ${FOLDER} 不是已存在的文件夹,请选择其他文件夹` },
    });
    renderInApp(<CardWithEvents />);
    await userEvent.click(await screen.findByTestId("watch-folder-enabled"));
    expect(await screen.findByText(/Could not save the watch folder setting: folder: .* is not an existing folder; choose another folder$/)).toBeInTheDocument();
    expect(screen.getByTestId("watch-folder-enabled"), "the switch stays off").not.toBeChecked();
  });

  it("debug builds only: the E2E hook saves the given folder as the picker would, keeping the switch", async () => {
    vi.stubEnv("TAURI_ENV_DEBUG", "true");
    try {
      vi.mocked(watch.watchFolderGet).mockResolvedValue({ enabled: true, folder: FOLDER });
      vi.mocked(watch.watchFolderStatus).mockResolvedValue(watching);
      vi.mocked(watch.watchFolderSet).mockImplementation(async (s) => ({ ...watching, folder: s.folder }));
      const { unmount } = renderInApp(<CardWithEvents />);
      await screen.findByTestId("watch-folder-path");
      const hook = window.__MASKLINE_E2E__?.watchFolder as unknown as ((p: string) => void) | undefined;
      expect(hook, "registered in a debug build").toBeTypeOf("function");
      act(() => hook?.("/tmp/other-inbox"));
      await waitFor(() => expect(watch.watchFolderSet).toHaveBeenCalledWith({ enabled: true, folder: "/tmp/other-inbox" }));
      expect(dialogs.pickWatchFolder, "no dialog").not.toHaveBeenCalled();
      unmount();
      expect(window.__MASKLINE_E2E__?.watchFolder, "gone with the card").toBeUndefined();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
