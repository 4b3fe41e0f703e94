import { QueryClientProvider } from "@tanstack/react-query";
import { act, render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import i18n from "../../i18n";
import type { CallDetail } from "../../ipc/bindings/CallDetail";
import * as calls from "../../ipc/calls";
import { createQueryClient } from "../../queries/client";
import { CallDetailDrawer } from "./CallDetailDrawer";
import { explanationText } from "./explanation";

vi.mock("../../ipc/calls", () => ({ callDetail: vi.fn() }));
vi.mock("../../ipc/recordings", async () => {
  const { recordingStatus } = await import("../../test/fixtures");
  return {
    recordingStatus: vi.fn(async (callId: number) =>
      recordingStatus({ callId, state: "notRecorded", notRecorded: "notAnswered", platformDeletesAt: null }),
    ),
  };
});

const detail: CallDetail = {
  row: {
    id: 7,
    startTime: Date.UTC(2024, 2, 1, 10, 0, 0) / 1000,
    endTime: Date.UTC(2024, 2, 1, 10, 1, 0) / 1000,
    direction: "toA",
    caller: "+8613800138000",
    callee: "+8618600000002",
    xNumber: "+8617000000001",
    subscriptionId: "sub-1",
    answered: false,
    talkSeconds: 0,
    outcome: "calleeBusy",
    hasRecording: false,
  },
  icid: "icid-1",
  sessionId: "s-1",
  appKey: "k",
  callingDisplay: null,
  serviceType: null,
  userData: null,
  extendNumber: null,
  alertingTime: Date.UTC(2024, 2, 1, 10, 0, 3) / 1000,
  answerTime: null,
  recordObjectName: null,
  recordDomain: null,
  events: [],
  explanation: {
    outcome: "calleeBusy",
    zh: "被叫用户忙。请稍后重试。",
    en: "The callee's line was busy. Try again later.",
    codes: [{ field: "fwdUnaswRsn", value: 17, meaningZh: "用户忙", meaningEn: "user busy" }],
  },
};

afterEach(async () => {
  await act(() => i18n.changeLanguage("en"));
});

describe("call detail", () => {
  it("picks the explanation in the UI language", () => {
    expect(explanationText(detail.explanation, "zh-CN")).toBe("被叫用户忙。请稍后重试。");
    expect(explanationText(detail.explanation, "en")).toBe("The callee's line was busy. Try again later.");
  });

  it("switches the explanation when the language changes, without refetching", async () => {
    vi.mocked(calls.callDetail).mockResolvedValue(detail);
    await act(() => i18n.changeLanguage("en"));
    render(
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter>
          <CallDetailDrawer id={7} offsetMinutes={480} onClose={() => {}} />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const text = await screen.findByTestId("call-explanation");
    expect(text).toHaveTextContent("The callee's line was busy.");
    const drawer = screen.getByTestId("call-detail");
    expect(within(drawer).getAllByText(/UTC\+08:00/).length, "times are labelled with the zone").toBeGreaterThan(0);
    expect(drawer).toHaveTextContent("+86 138****8000");
    expect(drawer, "full numbers never shown").not.toHaveTextContent("13800138000");
    expect(await within(drawer).findByTestId("recording-state-text"), "the recording section says why there is none").toHaveTextContent(
      "nobody answered",
    );

    await act(() => i18n.changeLanguage("zh-CN"));
    expect(screen.getByTestId("call-explanation")).toHaveTextContent("被叫用户忙。请稍后重试。");
    expect(calls.callDetail).toHaveBeenCalledTimes(1);
  });
});
