import { useLayoutEffect } from "react";
import i18n from "../i18n";
import { resolveLanguage, type UiLanguage } from "../i18n/language";
import type { AppInfo } from "../ipc/bindings/AppInfo";
import type { Settings } from "../ipc/bindings/Settings";
import { resolveTheme, type EffectiveTheme } from "../theme/resolve";
import { useSystemDark } from "../theme/useSystemDark";

/**
 * The language and theme in effect, from the saved settings (when the database could be read), the OS locale
 * reported by the backend and the live OS colour scheme. Applies them to i18next and to <html lang data-theme>.
 */
export function usePreferences(settings: Settings | undefined, info: AppInfo | undefined) {
  const systemDark = useSystemDark();
  const language: UiLanguage = resolveLanguage(settings?.language, info?.osLocale || navigator.language);
  const theme: EffectiveTheme = resolveTheme(settings?.theme, systemDark);

  useLayoutEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [language]);

  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);

  return { language, theme };
}
