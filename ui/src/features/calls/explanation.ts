import type { Explanation } from "../../ipc/bindings/Explanation";
import type { RawCode } from "../../ipc/bindings/RawCode";

const isChinese = (language: string) => language.toLowerCase().startsWith("zh");

/** The plain-language explanation in the UI language (both come with the call, so switching needs no refetch). */
export const explanationText = (e: Explanation, language: string): string => (isChinese(language) ? e.zh : e.en);

/** A code's meaning in the UI language; null when Maskline's tables do not know it (then it is shown raw). */
export const codeMeaning = (c: RawCode, language: string): string | null => (isChinese(language) ? c.meaningZh : c.meaningEn);
