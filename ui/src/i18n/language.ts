import type { Language } from "../ipc/bindings/Language";

/** A language the UI actually renders in (the saved preference may also be "auto"). */
export type UiLanguage = Exclude<Language, "auto">;

export const UI_LANGUAGES: readonly UiLanguage[] = ["zh-CN", "en"];

/**
 * The user's saved choice wins; "auto" picks Chinese when the OS locale is any Chinese variant
 * ("zh-CN", "zh_CN.UTF-8", "zh-Hans", "zh_TW"...; Simplified is the only Chinese we ship), otherwise English.
 */
export function resolveLanguage(saved: Language | undefined, osLocale: string | undefined): UiLanguage {
  if (saved === "zh-CN" || saved === "en") return saved;
  const normalized = (osLocale ?? "").trim().toLowerCase().replace(/_/g, "-");
  return normalized === "zh" || normalized.startsWith("zh-") || normalized.startsWith("zh.") ? "zh-CN" : "en";
}
