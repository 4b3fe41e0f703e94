import { Alert, Card, Form, Select, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import type { Language } from "../../ipc/bindings/Language";
import type { Theme } from "../../ipc/bindings/Theme";
import { toAppError } from "../../ipc/errors";
import { useSettings, useUpdateSettings } from "../../queries/settings";

/** Language and theme, saved through the backend; changes apply immediately. */
export function AppearanceCard() {
  const { t } = useTranslation();
  const settings = useSettings();
  const { update, isPending } = useUpdateSettings();

  const languages: { value: Language; label: string }[] = [
    { value: "auto", label: t("language.autoLong") },
    { value: "zh-CN", label: t("language.zh-CN") },
    { value: "en", label: t("language.en") },
  ];
  const themes: { value: Theme; label: string }[] = [
    { value: "system", label: t("theme.systemLong") },
    { value: "light", label: t("theme.light") },
    { value: "dark", label: t("theme.dark") },
  ];

  let body;
  if (settings.isPending) {
    body = <Skeleton active paragraph={{ rows: 2 }} />;
  } else if (settings.isError) {
    const { code } = toAppError(settings.error);
    body = <Alert type="error" showIcon title={t("settings.loadFailed", { reason: t(`errors.${code}`) })} />;
  } else {
    body = (
      <Form layout="vertical" style={{ maxWidth: 520 }}>
        <Form.Item label={t("settings.appearance.language")} extra={t("settings.appearance.languageHelp")}>
          <Select<Language>
            data-testid="settings-language"
            value={settings.data.language}
            options={languages}
            loading={isPending}
            onChange={(language) => update({ language })}
          />
        </Form.Item>
        <Form.Item label={t("settings.appearance.theme")} extra={t("settings.appearance.themeHelp")} style={{ marginBottom: 0 }}>
          <Select<Theme>
            data-testid="settings-theme"
            value={settings.data.theme}
            options={themes}
            loading={isPending}
            onChange={(theme) => update({ theme })}
          />
        </Form.Item>
      </Form>
    );
  }

  return <Card title={t("settings.appearance.title")}>{body}</Card>;
}
