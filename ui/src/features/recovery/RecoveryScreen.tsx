import { FileAddOutlined, HistoryOutlined } from "@ant-design/icons";
import { Alert, App, Button, Flex, Result } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { testId } from "../../components/testId";
import { formatDateTime } from "../../i18n/format";
import type { DbStatus } from "../../ipc/bindings/DbStatus";
import type { RecoverAction } from "../../ipc/bindings/RecoverAction";
import { toAppError, type AppError } from "../../ipc/errors";
import { useDbRecover } from "../../queries/app";
import { DbProblemDetails } from "./DbProblemDetails";
import { useText } from "../../i18n/useText";

export type CorruptDb = Extract<DbStatus, { state: "corrupt" }>;

/**
 * Shown instead of the app when the database file cannot be opened. Offers the two ways out the backend
 * supports, each behind a confirmation; once recovered, the refetched db_status brings the app up.
 */
export function RecoveryScreen({ status }: { status: CorruptDb }) {
  const { t, i18n } = useTranslation();
  const txt = useText();
  const { modal, message } = App.useApp();
  const recover = useDbRecover();
  const [error, setError] = useState<AppError | null>(null);
  const backupTime = status.backupCreatedAt
    ? formatDateTime(status.backupCreatedAt, i18n.language)
    : t("recovery.unknownTime");

  const run = async (action: RecoverAction) => {
    setError(null);
    try {
      await recover.mutateAsync(action);
      void message.success(t("recovery.done"));
    } catch (e) {
      setError(toAppError(e));
    }
  };

  const confirm = (action: RecoverAction) => {
    const restore = action === "restoreBackup";
    void modal.confirm({
      title: restore ? t("recovery.confirmRestore.title", { time: backupTime }) : t("recovery.confirmFresh.title"),
      content: restore ? t("recovery.confirmRestore.content") : t("recovery.confirmFresh.content"),
      okText: restore ? t("recovery.confirmRestore.ok") : t("recovery.confirmFresh.ok"),
      cancelText: t("common.cancel"),
      okButtonProps: { danger: !restore, ...testId("recovery-confirm-ok") },
      onOk: () => run(action),
    });
  };

  return (
    <div className="fullscreen" data-testid="recovery-screen">
      <Result
        status="warning"
        title={t("recovery.title")}
        subTitle={<div className="recovery-text">{t("recovery.description")}</div>}
        extra={
          <Flex vertical gap="large" align="center">
            <DbProblemDetails
              reason={txt(status.reason)}
              path={status.path}
              extra={[
                {
                  key: "backup",
                  label: t("recovery.backup"),
                  children: status.backupAvailable ? backupTime : t("recovery.noBackup"),
                },
              ]}
            />
            <Flex gap="small" justify="center" wrap>
              <Button
                type="primary"
                icon={<HistoryOutlined />}
                disabled={!status.backupAvailable || recover.isPending}
                onClick={() => confirm("restoreBackup")}
                data-testid="recovery-restore"
              >
                {t("recovery.restore")}
              </Button>
              <Button
                icon={<FileAddOutlined />}
                disabled={recover.isPending}
                onClick={() => confirm("startFresh")}
                data-testid="recovery-fresh"
              >
                {t("recovery.fresh")}
              </Button>
            </Flex>
            {error && (
              <Alert
                className="recovery-details"
                type="error"
                showIcon
                data-testid="recovery-error"
                title={t("recovery.failed", { reason: t(`errors.${error.code}`) })}
                description={txt(error.message)}
              />
            )}
          </Flex>
        }
      />
    </div>
  );
}
