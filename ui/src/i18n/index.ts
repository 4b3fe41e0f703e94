import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.json";
import zhCN from "./zh-CN.json";
import type { UiLanguage } from "./language";

export const resources = {
  en: { translation: en },
  "zh-CN": { translation: zhCN },
} as const satisfies Record<UiLanguage, { translation: Record<string, string> }>;

// Message ids are flat dotted strings ("bindings.empty.title"), so the key separator is off.
void i18n.use(initReactI18next).init({
  resources,
  lng: "en",
  fallbackLng: "en",
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false }, // React escapes.
  initAsync: false,
  returnNull: false,
});

export default i18n;
