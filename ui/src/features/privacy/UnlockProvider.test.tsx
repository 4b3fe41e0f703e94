import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import i18n from "../../i18n";
import * as privacy from "../../ipc/privacy";
import { renderPrivacy } from "./testKit";
import { useUnlock } from "./useUnlock";

vi.mock("../../ipc/privacy", () => ({
  privacyStatus: vi.fn(),
  privacySetPassphrase: vi.fn(),
  privacyUnlock: vi.fn(),
  privacyLockNow: vi.fn(),
  numberReveal: vi.fn(),
}));

const WRONG = { code: "invalidInput", message: { en: "Wrong passphrase. Check it and try again.", zh: "口令不正确,请检查后重试。" } };
const UNLOCKED = { lockEnabled: true, unlocked: true, unlockedSecsLeft: 600, unlockMinutes: 10 };

/** A caller of requireUnlock that shows what it resolved with. */
function Asker() {
  const { requireUnlock } = useUnlock();
  const [result, setResult] = useState("none");
  return (
    <>
      <button onClick={() => void requireUnlock().then((ok) => setResult(String(ok)))}>ask</button>
      <output data-testid="result">{result}</output>
    </>
  );
}

beforeEach(() => vi.mocked(privacy.privacyUnlock).mockReset());
afterEach(() => void i18n.changeLanguage("en"));

describe("the unlock dialog", () => {
  it("shows the backend's refusal in the UI language, then resolves true once unlocked", async () => {
    vi.mocked(privacy.privacyUnlock).mockRejectedValueOnce(WRONG).mockResolvedValueOnce(UNLOCKED);
    const user = userEvent.setup();
    renderPrivacy(<Asker />);
    await user.click(screen.getByText("ask"));
    const input = await screen.findByTestId("unlock-passphrase");
    expect(input).toHaveAttribute("type", "password");
    expect(screen.getByTestId("unlock-submit")).toBeDisabled();

    await user.type(input, "nope-nope{Enter}");
    expect(await screen.findByTestId("unlock-error")).toHaveTextContent("Wrong passphrase. Check it and try again.");
    expect(screen.getByTestId("unlock-error")).not.toHaveTextContent("口令");
    expect(privacy.privacyUnlock).toHaveBeenLastCalledWith("nope-nope");
    expect(screen.getByTestId("result")).toHaveTextContent("none");

    await user.type(screen.getByTestId("unlock-passphrase"), "hunter22");
    await user.click(screen.getByTestId("unlock-submit"));
    await waitFor(() => expect(screen.getByTestId("result")).toHaveTextContent("true"));
    expect(privacy.privacyUnlock).toHaveBeenLastCalledWith("hunter22");
    await waitFor(() => expect(screen.queryByTestId("unlock-passphrase")).not.toBeInTheDocument());
  });

  it("resolves false on Cancel without asking the backend", async () => {
    const user = userEvent.setup();
    renderPrivacy(<Asker />);
    await user.click(screen.getByText("ask"));
    await screen.findByTestId("unlock-passphrase");
    await user.click(screen.getByTestId("unlock-cancel"));
    await waitFor(() => expect(screen.getByTestId("result")).toHaveTextContent("false"));
    expect(privacy.privacyUnlock).not.toHaveBeenCalled();
  });

  it("speaks Chinese in Chinese", async () => {
    vi.mocked(privacy.privacyUnlock).mockRejectedValueOnce(WRONG);
    const user = userEvent.setup();
    renderPrivacy(<Asker />, "zh-CN");
    await user.click(screen.getByText("ask"));
    expect(await screen.findByText("解锁 Maskline")).toBeInTheDocument();
    await user.type(await screen.findByTestId("unlock-passphrase"), "nope-nope{Enter}");
    expect(await screen.findByTestId("unlock-error")).toHaveTextContent("口令不正确,请检查后重试。");
  });
});
