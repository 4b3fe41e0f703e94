import { Alert, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../ipc/errors";
import { resultCodeOf, unsureBindOf } from "./answer";
import { useText } from "../../i18n/useText";

/** What the platform (or Maskline) answered, in plain words, with the result code when there is one. */
export function PlatformAnswer({ error, testId }: { error: AppError; testId?: string }) {
  const { t } = useTranslation();
  const txt = useText();
  const code = resultCodeOf(error.message.en);
  // A lost answer was checked on the platform: say plainly what the check found.
  const unsure = unsureBindOf(error.message.en);
  const title = unsure
    ? t(`bindings.answer.unsure.${unsure}`)
    : t(`bindings.answer.${error.code === "invalidInput" ? "refused" : "failed"}`);
  return (
    <Alert
      type={unsure === "bound" ? "info" : unsure ? "warning" : "error"}
      showIcon
      data-testid={testId ?? "platform-answer"}
      data-unsure={unsure ?? undefined}
      title={title}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: code ? 4 : 0 }}>{txt(error.message)}</Typography.Paragraph>
          {code && (
            <Typography.Text type="secondary" data-testid="platform-answer-code">
              {t("bindings.answer.code", { code })}
            </Typography.Text>
          )}
        </>
      }
    />
  );
}
