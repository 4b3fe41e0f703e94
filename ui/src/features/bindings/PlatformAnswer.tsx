import { Alert, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { AppError } from "../../ipc/errors";
import { resultCodeOf } from "./answer";

/** What the platform (or Maskline) answered, in plain words, with the result code when there is one. */
export function PlatformAnswer({ error, testId }: { error: AppError; testId?: string }) {
  const { t } = useTranslation();
  const code = resultCodeOf(error.message);
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId ?? "platform-answer"}
      title={t(`bindings.answer.${error.code === "invalidInput" ? "refused" : "failed"}`)}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: code ? 4 : 0 }}>{error.message}</Typography.Paragraph>
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
