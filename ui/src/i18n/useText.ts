import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { Text } from "../ipc/bindings/Text";
import { toAppError } from "../ipc/errors";
import { pick } from "./format";
import i18n from "./index";

/** `text => string` in the current UI language, for backend messages ({ en, zh }). */
export function useText(): (text: Text) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((text: Text) => pick(text, language), [language]);
}

/** `text` in the current UI language, outside a hook (event handlers, render helpers). */
export function textNow(text: Text): string {
  return pick(text, i18n.language);
}

/** A thrown value's message ({ en, zh } from the backend) in the current UI language. */
export function errorText(e: unknown): string {
  return textNow(toAppError(e).message);
}
