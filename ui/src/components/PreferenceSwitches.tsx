import { DesktopOutlined, MoonOutlined, SunOutlined } from "@ant-design/icons";
import { Segmented } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "../ipc/bindings/Language";
import type { Theme } from "../ipc/bindings/Theme";
import { useSettings, useUpdateSettings } from "../queries/settings";

/** Header switch between 中文 / English / Auto; saves through the backend and applies at once. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { data } = useSettings();
  const { update } = useUpdateSettings();
  const options: { value: Language; label: string }[] = [
    { value: "zh-CN", label: t("language.zh-CN") },
    { value: "en", label: t("language.en") },
    { value: "auto", label: t("language.auto") },
  ];
  return (
    <Segmented<Language>
      data-testid="lang-switch"
      aria-label={t("header.language")}
      size="small"
      disabled={!data}
      value={data?.language ?? "auto"}
      onChange={(language) => update({ language })}
      options={options.map(({ value, label }) => ({
        value,
        label: <span data-testid={`lang-${value}`}>{label}</span>,
      }))}
    />
  );
}

const THEME_ICONS: Record<Theme, ReactNode> = {
  light: <SunOutlined />,
  dark: <MoonOutlined />,
  system: <DesktopOutlined />,
};

/** Header switch between light / dark / follow the system, shown as icons with tooltips. */
export function ThemeSwitch() {
  const { t } = useTranslation();
  const { data } = useSettings();
  const { update } = useUpdateSettings();
  const themes: Theme[] = ["light", "dark", "system"];
  return (
    <Segmented<Theme>
      data-testid="theme-switch"
      aria-label={t("header.theme")}
      size="small"
      disabled={!data}
      value={data?.theme ?? "system"}
      onChange={(theme) => update({ theme })}
      options={themes.map((value) => ({
        value,
        tooltip: t(`theme.${value}`),
        label: (
          <span data-testid={`theme-${value}`} aria-label={t(`theme.${value}`)}>
            {THEME_ICONS[value]}
          </span>
        ),
      }))}
    />
  );
}
