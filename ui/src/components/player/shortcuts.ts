/**
 * Which player action a key press means; null when the key belongs to something else (pure, tested).
 *
 * Keyed on `event.code` (the physical key), not `event.key`: with a Chinese input method active,
 * `key` is "Process" while the IME handles the press, and Chinese punctuation mode turns [ ] into
 * 【 】, so key-based shortcuts stop working exactly for the people who type Chinese all day.
 * `key` is used only when the event has no `code` (some synthetic events).
 */

export type PlayerAction = "toggle" | "back" | "forward" | "slower" | "faster";

interface KeyEventLike {
  key: string;
  /** The physical key ("Space", "BracketLeft"); "" or absent when unknown. */
  code?: string;
  /** True while an input method is composing text. */
  isComposing?: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

/** Typing into these, or keys these use themselves (arrows in a slider, a radio group, tabs), never control the player. */
const EDITABLE = [
  "input:not([type='checkbox'])",
  "textarea",
  "select",
  "[contenteditable='']",
  "[contenteditable='true']",
  ...["combobox", "slider", "spinbutton", "radio", "radiogroup", "listbox", "option", "tab", "menu", "menuitem", "grid"].map(
    (r) => `[role='${r}']`,
  ),
].join(", ");
/** Space already activates these natively (a focused Play button toggles by itself). */
const ACTIVATES = "button, a[href], input[type='checkbox'], [role='button'], [role='checkbox'], [role='switch']";

function closest(target: EventTarget | null, selector: string): boolean {
  return typeof Element !== "undefined" && target instanceof Element && target.closest(selector) !== null;
}

export function playerAction(e: KeyEventLike): PlayerAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (closest(e.target, EDITABLE)) return null;
  if (e.isComposing) return null;
  const action = e.code ? BY_CODE[e.code] : BY_KEY[e.key];
  if (action === "toggle" && closest(e.target, ACTIVATES)) return null;
  return action ?? null;
}

const BY_CODE: Partial<Record<string, PlayerAction>> = {
  Space: "toggle",
  ArrowLeft: "back",
  ArrowRight: "forward",
  BracketLeft: "slower",
  BracketRight: "faster",
};

const BY_KEY: Partial<Record<string, PlayerAction>> = {
  " ": "toggle",
  Spacebar: "toggle",
  ArrowLeft: "back",
  ArrowRight: "forward",
  "[": "slower",
  "]": "faster",
};
