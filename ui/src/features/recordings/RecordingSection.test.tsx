import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import i18n from "../../i18n";
import * as rec from "../../ipc/recordings";
import { FakeWaveSurfer } from "../../test/fakeWaveSurfer";
import { countdownParts } from "./countdown";
import { pick } from "../../i18n/format";
import { RecordingSection } from "./RecordingSection";
import { NOW, nowSecs, recordingStatus as status } from "../../test/fixtures";
import { renderInApp } from "./testKit";

vi.mock("wavesurfer.js", () => import("../../test/fakeWaveSurfer"));
vi.mock("../../ipc/recordings", () => ({
  recordingStatus: vi.fn(),
  recordingsFetch: vi.fn(),
  recordingsFetchCancel: vi.fn(async () => null),
  recordingPlayback: vi.fn(),
  recordingPlayed: vi.fn(async () => null),
  recordingUrl: vi.fn(async (s: string) => `rec://localhost/${s}`),
  recordingPin: vi.fn(async () => null),
  recordingDeleteLocal: vi.fn(async () => 1),
}));

const show = async (s: ReturnType<typeof status>) => {
  vi.mocked(rec.recordingStatus).mockResolvedValue(s);
  renderInApp(<RecordingSection callId={s.callId} offsetMinutes={480} />);
  return screen.findByTestId("recording-state-text");
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterEach(async () => {
  vi.useRealTimers();
  await act(() => i18n.changeLanguage("en"));
});

describe("countdown", () => {
  it("says days and hours, then hours and minutes, then minutes and seconds", () => {
    expect(countdownParts(2 * 86400 + 5 * 3600 + 59)).toEqual({ key: "recordings.countdown.days", values: { d: 2, h: 5 } });
    expect(countdownParts(5 * 3600 + 12 * 60)).toEqual({ key: "recordings.countdown.hours", values: { h: 5, m: 12 } });
    expect(countdownParts(12 * 60 + 30)).toEqual({ key: "recordings.countdown.minutes", values: { m: 12, s: 30 } });
    expect(countdownParts(9)).toEqual({ key: "recordings.countdown.seconds", values: { s: 9 } });
    expect(countdownParts(0), "passed").toBeNull();
  });

  it("picks the UI language's half of a backend message", () => {
    const expired = { en: "Link expired.", zh: "链接已失效。" };
    expect(pick(expired, "en")).toBe("Link expired.");
    expect(pick(expired, "zh-CN")).toBe("链接已失效。");
    expect(pick({ en: "no halves here", zh: "no halves here" }, "zh-CN")).toBe("no halves here");
  });
});

describe("the call drawer's recording section", () => {
  it.each([
    ["notAnswered", /nobody answered/],
    ["tooShort", /under 3 seconds/],
    ["recordingOff", /recording was off/],
  ] as const)("says why a call has no recording (%s)", async (reason, text) => {
    const el = await show(status({ state: "notRecorded", notRecorded: reason, platformDeletesAt: null }));
    expect(el).toHaveTextContent(text);
    expect(screen.queryByTestId("recording-fetch")).toBeNull();
  });

  it("counts down to the platform's deletion, live, and fetches now", async () => {
    vi.mocked(rec.recordingsFetch).mockResolvedValue({ total: 1, fetched: 1, failed: 0, expired: 0, bytes: 10, cancelled: false, evicted: 0 });
    const el = await show(status());
    expect(el).toHaveTextContent("The platform deletes it in 2 d 5 h");
    act(() => vi.setSystemTime(NOW + 3600 * 1000));
    await waitFor(() => expect(el).toHaveTextContent("in 2 d 4 h"), { timeout: 2500 });
    await userEvent.click(screen.getByTestId("recording-fetch"));
    expect(rec.recordingsFetch).toHaveBeenCalledWith({ callIds: [7], since: null }, expect.any(Function));
  });

  it("says it is downloading", async () => {
    expect(await show(status({ state: "fetching" }))).toHaveTextContent("Downloading to this computer now");
  });

  it("explains a failure in the UI language and retries", async () => {
    vi.mocked(rec.recordingsFetch).mockResolvedValue({ total: 1, fetched: 0, failed: 1, expired: 0, bytes: 0, cancelled: false, evicted: 0 });
    await act(() => i18n.changeLanguage("zh-CN"));
    const el = await show(
      status({ state: "failed", errorKind: "http503", error: { en: "HTTP 503, retried later.", zh: "平台返回 HTTP 503，稍后重试。" }, nextAttemptAt: nowSecs + 600 }),
    );
    expect(el).toHaveTextContent("上次下载失败：平台返回 HTTP 503");
    expect(screen.getByTestId("recording-error")).toHaveTextContent("平台返回 HTTP 503，稍后重试。 10 分 0 秒后自动重试。");
    await userEvent.click(screen.getByRole("button", { name: /重试/ }));
    expect(rec.recordingsFetch).toHaveBeenCalledWith({ callIds: [7], since: null }, expect.any(Function));
  });

  it("says when it is too late", async () => {
    const el = await show(status({ state: "expired" }));
    expect(el).toHaveTextContent("Too late: the platform has deleted this recording");
    expect(screen.queryByTestId("recording-fetch")).toBeNull();
  });

  it("offers to fetch an evicted recording again while the platform keeps it", async () => {
    const el = await show(status({ state: "evicted" }));
    expect(el).toHaveTextContent("Removed from this computer");
    expect(el).toHaveTextContent("another 2 d 5 h");
    expect(screen.getByTestId("recording-fetch")).toHaveTextContent("Fetch again");
  });

  it("plays a fetched recording, pins it and deletes the local copy after confirming", async () => {
    vi.mocked(rec.recordingPlayback).mockResolvedValue({ callId: 7, source: "ab.wav", mime: "audio/wav", durationMs: 42_000, peaks: [0.2, 0.4] });
    const fetched = status({ state: "fetched", bytes: 672_044, format: "wav/alaw", fetchedAt: nowSecs - 60, fileName: "ab.wav" });
    const el = await show(fetched);
    expect(el).toHaveTextContent("Kept on this computer (656 KB, wav/alaw), fetched 2026-11-25 19:59:00");
    expect(await screen.findByTestId("player-time")).toHaveTextContent("0:00 / 0:42");
    expect(FakeWaveSurfer.last?.options).toMatchObject({ url: "rec://localhost/ab.wav", duration: 42 });
    act(() => FakeWaveSurfer.last?.emit("ready", 42));
    await userEvent.click(screen.getByTestId("player-play"));
    await userEvent.click(screen.getByTestId("player-play"));
    await userEvent.click(screen.getByTestId("player-play"));
    expect(rec.recordingPlayed, "once per loaded recording").toHaveBeenCalledTimes(1);
    expect(rec.recordingPlayed).toHaveBeenCalledWith(7);

    await userEvent.click(screen.getByTestId("recording-pin"));
    expect(rec.recordingPin).toHaveBeenCalledWith([7], true);

    await userEvent.click(screen.getByTestId("recording-delete"));
    expect(rec.recordingDeleteLocal, "asks first").not.toHaveBeenCalled();
    await userEvent.click(await screen.findByTestId("recording-delete-ok"));
    await waitFor(() => expect(rec.recordingDeleteLocal).toHaveBeenCalledWith([7]));
  });
});
