/** Which player action a key press means; null when the key belongs to something else (pure, tested). */

export type PlayerAction = "toggle" | "back" | "forward" | "slower" | "faster";

interface KeyEventLike {
  key: string;
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
  switch (e.key) {
    case " ":
    case "Spacebar":
      return closest(e.target, ACTIVATES) ? null : "toggle";
    case "ArrowLeft":
      return "back";
    case "ArrowRight":
      return "forward";
    case "[":
      return "slower";
    case "]":
      return "faster";
    default:
      return null;
  }
}
