import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderPrivacy } from "../features/privacy/testKit";
import * as privacy from "../ipc/privacy";
import { MaskedNumber, REVEAL_MS } from "./MaskedNumber";

vi.mock("../ipc/privacy", () => ({
  privacyStatus: vi.fn(),
  privacySetPassphrase: vi.fn(),
  privacyUnlock: vi.fn(),
  privacyLockNow: vi.fn(),
  numberReveal: vi.fn(),
}));

const FULL = "+8613800138000";
const LOCKED = { code: "locked", message: { en: "The app is locked: enter your passphrase.", zh: "应用已锁定:请输入口令。" } };

beforeEach(() => {
  for (const f of Object.values(privacy)) vi.mocked(f).mockReset();
});
afterEach(() => vi.useRealTimers());

describe("MaskedNumber", () => {
  it("shows the number masked and reveals it with one audited call per reveal", async () => {
    vi.mocked(privacy.numberReveal).mockResolvedValue(null);
    const user = userEvent.setup();
    const onRow = vi.fn();
    renderPrivacy(
      <div onClick={onRow}>
        <MaskedNumber number={FULL} context="calls" id="c1-caller" />
      </div>,
    );
    expect(screen.getByText("+86 138****8000")).toBeInTheDocument();
    expect(screen.queryByText(FULL)).not.toBeInTheDocument();
    const eye = screen.getByTestId("reveal-c1-caller");
    expect(eye).toHaveAccessibleName("Show full number");

    await user.click(eye);
    expect(await screen.findByText(FULL)).toBeInTheDocument();
    expect(privacy.numberReveal).toHaveBeenCalledExactlyOnceWith("calls", FULL);
    expect(onRow, "the eye must not open the table row it sits in").not.toHaveBeenCalled();

    // Hiding needs no call; revealing again is a new audited reveal. Keyboard works too.
    await user.click(screen.getByTestId("reveal-c1-caller"));
    expect(screen.getByText("+86 138****8000")).toBeInTheDocument();
    screen.getByTestId("reveal-c1-caller").focus();
    await user.keyboard("{Enter}");
    expect(await screen.findByText(FULL)).toBeInTheDocument();
    expect(privacy.numberReveal).toHaveBeenCalledTimes(2);
  });

  it("masks again after 60 seconds and when the page changes", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.mocked(privacy.numberReveal).mockResolvedValue(null);
    window.location.hash = "#/calls";
    renderPrivacy(<MaskedNumber number={FULL} context="calls" id="n" />);
    await act(async () => void fireEvent.click(screen.getByTestId("reveal-n")));
    expect(await screen.findByText(FULL)).toBeInTheDocument();
    await act(async () => {}); // let React run the effect that starts the 60 s timer (its scheduler's timers are fake too)
    act(() => void vi.advanceTimersByTime(REVEAL_MS - 1000));
    expect(screen.getByText(FULL)).toBeInTheDocument();
    act(() => void vi.advanceTimersByTime(1500));
    expect(screen.getByText("+86 138****8000")).toBeInTheDocument();

    await act(async () => void fireEvent.click(screen.getByTestId("reveal-n")));
    expect(await screen.findByText(FULL)).toBeInTheDocument();
    await act(async () => {}); // let React run the effect that starts the 60 s timer (its scheduler's timers are fake too)
    act(() => {
      window.location.hash = "#/bindings";
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    });
    expect(screen.getByText("+86 138****8000")).toBeInTheDocument();
  });

  it("asks for the passphrase when the app is locked, then reveals", async () => {
    vi.mocked(privacy.numberReveal).mockRejectedValueOnce(LOCKED).mockResolvedValueOnce(null);
    vi.mocked(privacy.privacyUnlock).mockResolvedValue({ lockEnabled: true, unlocked: true, unlockedSecsLeft: 600, unlockMinutes: 10 });
    const user = userEvent.setup();
    renderPrivacy(<MaskedNumber number={FULL} context="bindings" id="b1-a" />);
    await user.click(screen.getByTestId("reveal-b1-a"));
    await user.type(await screen.findByTestId("unlock-passphrase"), "hunter22{Enter}");
    expect(await screen.findByText(FULL)).toBeInTheDocument();
    expect(privacy.privacyUnlock).toHaveBeenCalledWith("hunter22");
    expect(privacy.numberReveal).toHaveBeenCalledTimes(2);
    expect(privacy.numberReveal).toHaveBeenLastCalledWith("bindings", FULL);
  });

  it("stays masked when the unlock is cancelled", async () => {
    vi.mocked(privacy.numberReveal).mockRejectedValue(LOCKED);
    const user = userEvent.setup();
    renderPrivacy(<MaskedNumber number={FULL} context="calls" id="x" />);
    await user.click(screen.getByTestId("reveal-x"));
    await user.click(await screen.findByTestId("unlock-cancel"));
    await waitFor(() => expect(screen.queryByTestId("unlock-passphrase")).not.toBeInTheDocument());
    expect(screen.getByText("+86 138****8000")).toBeInTheDocument();
    expect(privacy.numberReveal).toHaveBeenCalledTimes(1);
  });

  it("shows the fallback and no eye without a number", () => {
    renderPrivacy(<MaskedNumber number={null} context="calls" id="none" empty="—" />);
    expect(screen.getByText("—")).toBeInTheDocument();
    expect(screen.queryByTestId("reveal-none")).not.toBeInTheDocument();
  });
});
