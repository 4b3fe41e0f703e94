import { act, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import "../i18n";
import { FakeWaveSurfer } from "../test/fakeWaveSurfer";
import { AudioPlayer } from "./AudioPlayer";
import { playerAction } from "./player/shortcuts";
import { formatClock, stepSpeed } from "./player/time";

vi.mock("wavesurfer.js", () => import("../test/fakeWaveSurfer"));

const source = { url: "rec://localhost/abc.wav", peaks: [0.1, 0.5, 0.9], durationMs: 42_000 };

function renderPlayer(props: Partial<Parameters<typeof AudioPlayer>[0]> = {}) {
  render(<AudioPlayer source={source} {...props} />);
  const ws = FakeWaveSurfer.last as FakeWaveSurfer;
  act(() => ws.emit("ready", 42));
  return ws;
}
const time = () => screen.getByTestId("player-time");

beforeEach(() => {
  FakeWaveSurfer.instances = [];
});

describe("player clock and speeds", () => {
  it("formats elapsed and total time", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(3.9)).toBe("0:03");
    expect(formatClock(42)).toBe("0:42");
    expect(formatClock(725)).toBe("12:05");
    expect(formatClock(3723)).toBe("1:02:03");
    expect(formatClock(Number.NaN)).toBe("0:00");
  });

  it("steps the speed within 0.5×–2×", () => {
    expect(stepSpeed(1, 1)).toBe(1.25);
    expect(stepSpeed(1, -1)).toBe(0.75);
    expect(stepSpeed(2, 1)).toBe(2);
    expect(stepSpeed(0.5, -1)).toBe(0.5);
    expect(stepSpeed(1.1, 1), "an odd rate goes to the next step up").toBe(1.25);
  });

  it("leaves keys alone while typing or on controls that use them", () => {
    const key = (k: string, target: Element, mods = {}) =>
      playerAction({ key: k, ctrlKey: false, metaKey: false, altKey: false, target, ...mods });
    const input = document.createElement("input");
    const button = document.createElement("button");
    const div = document.createElement("div");
    expect(key(" ", input)).toBeNull();
    expect(key("ArrowLeft", input)).toBeNull();
    expect(key(" ", button), "a focused button handles Space itself").toBeNull();
    expect(key("ArrowRight", button)).toBe("forward");
    expect(key(" ", div)).toBe("toggle");
    expect(key("[", div)).toBe("slower");
    expect(key("]", div)).toBe("faster");
    expect(key("ArrowLeft", div, { ctrlKey: true }), "Ctrl+key belongs to the app").toBeNull();
  });
});

describe("player shortcuts with a Chinese input method", () => {
  const div = () => document.createElement("div");
  const press = (key: string, code: string, extra = {}) =>
    playerAction({ key, code, ctrlKey: false, metaKey: false, altKey: false, target: div(), ...extra });

  it("goes by the physical key: the IME reports key 'Process' and punctuation mode types 【 】", () => {
    expect(press("Process", "Space")).toBe("toggle");
    expect(press("Process", "ArrowLeft")).toBe("back");
    expect(press("Process", "ArrowRight")).toBe("forward");
    expect(press("【", "BracketLeft")).toBe("slower");
    expect(press("】", "BracketRight")).toBe("faster");
  });

  it("ignores presses while the IME is composing and keys that only look like shortcuts", () => {
    expect(press(" ", "Space", { isComposing: true })).toBeNull();
    expect(press("[", "Digit9"), "a layout that puts [ on another key: the physical key decides").toBeNull();
  });

  it("answers through the real listener with an IME active", () => {
    const ws = renderPlayer();
    act(() => ws.setTime(20));
    fireEvent.keyDown(document.body, { key: "Process", code: "Space", keyCode: 229 });
    expect(ws.playing).toBe(true);
    fireEvent.keyDown(document.body, { key: "】", code: "BracketRight" });
    expect(ws.rate).toBe(1.25);
  });
});

describe("AudioPlayer", () => {
  it("loads the precomputed peaks and duration with the MediaElement backend", () => {
    const ws = renderPlayer();
    expect(ws.options).toMatchObject({ url: source.url, peaks: [source.peaks], duration: 42, backend: "MediaElement" });
    expect(time()).toHaveTextContent("0:00 / 0:42");
    expect(time()).toHaveAttribute("data-duration-ms", "42000");
  });

  it("plays, pauses, skips and seeks, and reports the first play once", async () => {
    const onFirstPlay = vi.fn();
    const ws = renderPlayer({ onFirstPlay });
    await userEvent.click(screen.getByTestId("player-play"));
    expect(ws.playing).toBe(true);
    expect(screen.getByTestId("player-play")).toHaveAccessibleName("Pause");
    act(() => ws.setTime(3.2)); // playback moved on
    expect(time()).toHaveTextContent("0:03 / 0:42");
    expect(time()).toHaveAttribute("data-current-ms", "3200");

    await userEvent.click(screen.getByTestId("player-fwd10"));
    expect(ws.time).toBeCloseTo(13.2);
    await userEvent.click(screen.getByTestId("player-back10"));
    await userEvent.click(screen.getByTestId("player-back10"));
    expect(ws.time, "never before the start").toBe(0);

    await userEvent.click(screen.getByTestId("player-play"));
    await userEvent.click(screen.getByTestId("player-play"));
    expect(onFirstPlay).toHaveBeenCalledTimes(1);
  });

  it("answers Space, arrows and [ ] anywhere but in text boxes", () => {
    const ws = renderPlayer();
    act(() => ws.setTime(20));
    fireEvent.keyDown(document.body, { key: " " });
    expect(ws.playing).toBe(true);
    fireEvent.keyDown(document.body, { key: "ArrowLeft" });
    expect(ws.time).toBe(15);
    fireEvent.keyDown(document.body, { key: "ArrowRight" });
    fireEvent.keyDown(document.body, { key: "ArrowRight" });
    expect(ws.time).toBe(25);
    fireEvent.keyDown(document.body, { key: "]" });
    expect(ws.rate).toBe(1.25);
    fireEvent.keyDown(document.body, { key: "[" });
    fireEvent.keyDown(document.body, { key: "[" });
    expect(ws.rate).toBe(0.75);

    const box = document.createElement("input");
    document.body.appendChild(box);
    fireEvent.keyDown(box, { key: " " });
    expect(ws.playing, "typing a space does not pause").toBe(true);
    box.remove();
  });

  it("offers previous and next only when given", async () => {
    const onNext = vi.fn();
    renderPlayer({ onNext });
    expect(screen.getByTestId("player-prev")).toBeDisabled();
    await userEvent.click(screen.getByTestId("player-next"));
    expect(onNext).toHaveBeenCalledTimes(1);
  });

  it("keeps Play disabled until the recording is ready", () => {
    render(<AudioPlayer source={source} />);
    expect(screen.getByTestId("player-play")).toBeDisabled();
    act(() => FakeWaveSurfer.last?.emit("ready", 42));
    expect(screen.getByTestId("player-play")).toBeEnabled();
  });
});
