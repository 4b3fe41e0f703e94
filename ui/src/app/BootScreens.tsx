import { Button, Result, Spin } from "antd";
import { useTranslation } from "react-i18next";
import type { AppError } from "../ipc/errors";
import { errorText } from "../i18n/useText";

export function BootSpinner() {
  const { t } = useTranslation();
  return (
    <div className="fullscreen" data-testid="boot-loading">
      <Spin size="large" description={t("common.loading")} />
    </div>
  );
}

/** The backend did not answer db_status: nothing else can work, so say so and offer a retry. */
export function BootError({ error, onRetry }: { error: AppError; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="fullscreen" data-testid="boot-error">
      <Result
        status="error"
        title={t("boot.error.title")}
        subTitle={t("boot.error.description", { reason: errorText(error) })}
        extra={
          <Button type="primary" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        }
      />
    </div>
  );
}
