import { theme, type ThemeConfig } from "antd";
import type { EffectiveTheme } from "./resolve";

/** Brand colours, shared with public/logo.svg. */
export const BRAND = { teal: "#0d9488", indigo: "#4f46e5" } as const;

// System UI fonts only: the CSP forbids remote fonts, and Noto/PingFang/YaHei cover Chinese on each OS.
const FONT_FAMILY =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", system-ui, Roboto, "Helvetica Neue", Arial, ' +
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';

export function antdTheme(effective: EffectiveTheme): ThemeConfig {
  return {
    algorithm: effective === "dark" ? theme.darkAlgorithm : theme.defaultAlgorithm,
    token: {
      colorPrimary: BRAND.teal,
      colorInfo: BRAND.indigo,
      colorLink: effective === "dark" ? "#2dd4bf" : BRAND.teal,
      borderRadius: 8,
      fontFamily: FONT_FAMILY,
    },
    components:
      effective === "dark"
        ? {
            Layout: { headerBg: "#141414", siderBg: "#141414", lightSiderBg: "#141414", lightTriggerBg: "#141414", bodyBg: "#0a0a0a" },
            Menu: { itemSelectedBg: "rgba(45, 212, 191, 0.14)", itemSelectedColor: "#5eead4" },
          }
        : {
            Layout: { headerBg: "#ffffff", siderBg: "#ffffff", bodyBg: "#f5f7f8", lightTriggerBg: "#ffffff" },
            Menu: { itemSelectedBg: "#e3f4f1", itemSelectedColor: BRAND.teal },
          },
  };
}
