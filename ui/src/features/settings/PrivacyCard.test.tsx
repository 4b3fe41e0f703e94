import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { PrivacyStatus } from "../../ipc/bindings/PrivacyStatus";
import * as privacy from "../../ipc/privacy";
import { renderPrivacy } from "../privacy/testKit";
import { passphraseProblems } from "./passphrase";
import { PrivacyCard } from "./PrivacyCard";

vi.mock("../../ipc/privacy", () => ({
  privacyStatus: vi.fn(),
  privacySetPassphrase: vi.fn(),
  privacyUnlock: vi.fn(),
  privacyLockNow: vi.fn(),
  numberReveal: vi.fn(),
}));

const OFF: PrivacyStatus = { lockEnabled: false, unlocked: true, unlockedSecsLeft: null, unlockMinutes: 10 };
const UNLOCKED: PrivacyStatus = { lockEnabled: true, unlocked: true, unlockedSecsLeft: 540, unlockMinutes: 10 };
const LOCKED: PrivacyStatus = { lockEnabled: true, unlocked: false, unlockedSecsLeft: null, unlockMinutes: 10 };

beforeEach(() => {
  for (const f of Object.values(privacy)) vi.mocked(f).mockReset();
});

describe("Privacy card", () => {
  it("explains masking and refuses to turn the lock on when the confirmation differs", async () => {
    vi.mocked(privacy.privacyStatus).mockResolvedValue(OFF);
    const user = userEvent.setup();
    renderPrivacy(<PrivacyCard />);
    expect(await screen.findByTestId("privacy-lock-state")).toHaveTextContent("Off");
    expect(screen.getByTestId("privacy-card")).toHaveTextContent("every reveal is recorded in the audit log");

    await user.click(screen.getByTestId("privacy-lock-enable"));
    await user.type(screen.getByTestId("privacy-passphrase"), "abc");
    expect(await screen.findByText("Use at least 6 characters.")).toBeInTheDocument();
    await user.type(screen.getByTestId("privacy-passphrase"), "defgh");
    await user.type(screen.getByTestId("privacy-passphrase-confirm"), "abcdefgX");
    expect(await screen.findByText("The two passphrases differ. Type the same one twice.")).toBeInTheDocument();
    await user.click(screen.getByTestId("privacy-lock-save"));
    expect(privacy.privacySetPassphrase, "a mismatching confirmation must not reach the backend").not.toHaveBeenCalled();
  });

  it("turns the lock on with the passphrase typed twice and shows when it locks again", async () => {
    vi.mocked(privacy.privacyStatus).mockResolvedValue(OFF);
    vi.mocked(privacy.privacySetPassphrase).mockResolvedValue(UNLOCKED);
    const user = userEvent.setup();
    renderPrivacy(<PrivacyCard />);
    await user.click(await screen.findByTestId("privacy-lock-enable"));
    await user.type(screen.getByTestId("privacy-passphrase"), "hunter22");
    await user.type(screen.getByTestId("privacy-passphrase-confirm"), "hunter22{Enter}");
    await waitFor(() => expect(privacy.privacySetPassphrase).toHaveBeenCalledWith(null, "hunter22"));
    expect(await screen.findByTestId("privacy-lock-state")).toHaveTextContent("On · unlocked, locks again in 9 min");
    expect(screen.queryByTestId("privacy-passphrase")).not.toBeInTheDocument();
  });

  it("locks now, and turns the lock off with the current passphrase (showing a refusal first)", async () => {
    vi.mocked(privacy.privacyStatus).mockResolvedValue(UNLOCKED);
    vi.mocked(privacy.privacyLockNow).mockResolvedValue(LOCKED);
    vi.mocked(privacy.privacySetPassphrase)
      .mockRejectedValueOnce({ code: "invalidInput", message: "Wrong passphrase. Check it and try again. / 口令不正确,请检查后重试。" })
      .mockResolvedValueOnce(OFF);
    const user = userEvent.setup();
    renderPrivacy(<PrivacyCard />);
    await user.click(await screen.findByTestId("privacy-lock-now"));
    await waitFor(() => expect(privacy.privacyLockNow).toHaveBeenCalledTimes(1));
    expect(await screen.findByText("On · locked")).toBeInTheDocument();
    expect(screen.queryByTestId("privacy-lock-now"), "nothing to lock while locked").not.toBeInTheDocument();
    expect(screen.getByTestId("privacy-unlock")).toBeInTheDocument();

    await user.click(screen.getByTestId("privacy-lock-disable"));
    expect(screen.queryByTestId("privacy-passphrase")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("privacy-lock-save"));
    expect(await screen.findByText("Enter the current passphrase.")).toBeInTheDocument();
    expect(privacy.privacySetPassphrase).not.toHaveBeenCalled();

    await user.type(screen.getByTestId("privacy-passphrase-current"), "wrong-one");
    await user.click(screen.getByTestId("privacy-lock-save"));
    expect(await screen.findByTestId("privacy-error")).toHaveTextContent("Wrong passphrase. Check it and try again.");
    await user.clear(screen.getByTestId("privacy-passphrase-current"));
    await user.type(screen.getByTestId("privacy-passphrase-current"), "hunter22");
    await user.click(screen.getByTestId("privacy-lock-save"));
    await waitFor(() => expect(privacy.privacySetPassphrase).toHaveBeenLastCalledWith("hunter22", null));
    expect(await screen.findByText("Off")).toBeInTheDocument();
  });

  it("changes the passphrase with the current one", async () => {
    vi.mocked(privacy.privacyStatus).mockResolvedValue(UNLOCKED);
    vi.mocked(privacy.privacySetPassphrase).mockResolvedValue(UNLOCKED);
    const user = userEvent.setup();
    renderPrivacy(<PrivacyCard />, "zh-CN");
    await user.click(await screen.findByTestId("privacy-lock-change"));
    await user.type(screen.getByTestId("privacy-passphrase-current"), "hunter22");
    await user.type(screen.getByTestId("privacy-passphrase"), "correct horse");
    await user.type(screen.getByTestId("privacy-passphrase-confirm"), "correct horse");
    await user.click(screen.getByTestId("privacy-lock-save"));
    await waitFor(() => expect(privacy.privacySetPassphrase).toHaveBeenCalledWith("hunter22", "correct horse"));
    expect(await screen.findByText("口令已修改。")).toBeInTheDocument();
  });
});

describe("passphrase checks as you type", () => {
  const base = { current: "", next: "", confirm: "", asksCurrent: false, asksNew: true, submitted: false };
  it("judge only what was typed until Save", () => {
    expect(passphraseProblems(base)).toEqual({ current: null, next: null, confirm: null });
    expect(passphraseProblems({ ...base, next: "hunter22", confirm: "hun" }).confirm, "a prefix is still being typed").toBeNull();
    expect(passphraseProblems({ ...base, next: "hunter22", confirm: "hx" }).confirm).toBe("privacy.lock.mismatch");
    expect(passphraseProblems({ ...base, submitted: true })).toEqual({ current: null, next: "privacy.lock.tooShort", confirm: null });
    expect(passphraseProblems({ ...base, asksCurrent: true, asksNew: false, submitted: true }).current).toBe("privacy.lock.currentMissing");
  });
});
