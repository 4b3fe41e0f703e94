import { ReloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Flex, Result } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DbStatus } from "../../ipc/bindings/DbStatus";
import { toAppError, type AppError } from "../../ipc/errors";
import { useDbRecover } from "../../queries/app";
import { DbProblemDetails } from "./DbProblemDetails";
import { textNow, useText } from "../../i18n/useText";

export type UnavailableDb = Extract<DbStatus, { state: "unavailable" }>;

/**
 * Shown instead of the app when the database file is not damaged but cannot be used: another program
 * holds its lock, the disk is full, the path is a folder, a newer Maskline made it. Restoring a backup or
 * starting fresh would not help (and could lose data), so neither is offered: the screen says what
 * happened and what to do, and "Try again" reopens the same file.
 */
export function UnavailableScreen({ status }: { status: UnavailableDb }) {
  const { t } = useTranslation();
  const txt = useText();
  const { message } = App.useApp();
  const recover = useDbRecover();
  const [error, setError] = useState<AppError | null>(null);

  const retry = async () => {
    setError(null);
    try {
      const next = await recover.mutateAsync("retry");
      if (next.state === "ok") void message.success(t("recovery.done"));
      else void message.warning(t("recovery.unavailable.still", { reason: textNow(next.reason) }));
    } catch (e) {
      setError(toAppError(e));
    }
  };

  return (
    <div className="fullscreen" data-testid="unavailable-screen">
      <Result
        status="warning"
        title={t(`recovery.unavailable.title.${status.problem}`)}
        subTitle={
          <div className="recovery-text" data-testid="unavailable-hint">
            {t(`recovery.unavailable.hint.${status.problem}`)}
          </div>
        }
        extra={
          <Flex vertical gap="large" align="center">
            <DbProblemDetails reason={txt(status.reason)} path={status.path} />
            <Button
              type="primary"
              icon={<ReloadOutlined />}
              loading={recover.isPending}
              onClick={() => void retry()}
              data-testid="unavailable-retry"
            >
              {t("common.retry")}
            </Button>
            {error && (
              <Alert
                className="recovery-details"
                type="error"
                showIcon
                data-testid="unavailable-error"
                title={t(`errors.${error.code}`)}
                description={txt(error.message)}
              />
            )}
          </Flex>
        }
      />
    </div>
  );
}
