import { DownloadOutlined } from "@ant-design/icons";
import { Alert, Button, Checkbox, Flex, Modal, Progress, Result, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { testId } from "../../components/testId";
import { pickExportPath } from "../../ipc/dialogs";
import { exportLanguage } from "../calls/useExportJob";
import { localOffsetMinutes } from "../calls/format";
import { defaultZipName, type useZipExportJob } from "./useZipExportJob";
import { errorText } from "../../i18n/useText";

type Job = ReturnType<typeof useZipExportJob>;

/** Export the selected calls with their recordings as a zip; masked numbers unless the user asks for full ones. */
export function ZipExportModal({ job }: { job: Job }) {
  const { t, i18n } = useTranslation();
  const [unmask, setUnmask] = useState(false);
  const [pickError, setPickError] = useState<string | null>(null);
  const { state, callIds } = job;
  const count = callIds?.length ?? 0;
  const running = state.phase === "running";

  const choose = async () => {
    setPickError(null);
    try {
      const path = await pickExportPath(
        { title: t("recordings.zip.dialogTitle"), filterName: t("recordings.zip.filterName") },
        defaultZipName(new Date()),
        "zip",
      );
      if (path && callIds) {
        void job.run({ callIds, path, unmask, utcOffsetMinutes: localOffsetMinutes(), language: exportLanguage(i18n.language) });
      }
    } catch (e) {
      setPickError(errorText(e));
    }
  };

  const footer =
    state.phase === "form" ? (
      <Flex justify="end" gap={8}>
        <Button onClick={job.close}>{t("common.cancel")}</Button>
        <Button type="primary" icon={<DownloadOutlined />} disabled={count === 0} onClick={() => void choose()} {...testId("zip-start")}>
          {t("calls.export.choose")}
        </Button>
      </Flex>
    ) : running ? (
      <Button danger disabled={state.cancelling} onClick={job.cancel} {...testId("zip-cancel")}>
        {t("calls.export.cancel")}
      </Button>
    ) : (
      <Button type="primary" onClick={job.close} {...testId("zip-close")}>
        {t("calls.export.close")}
      </Button>
    );

  return (
    <Modal
      open={callIds !== null}
      title={t("recordings.zip.title")}
      footer={footer}
      closable={!running}
      mask={{ closable: false }}
      onCancel={running ? undefined : job.close}
      data-testid="zip-modal"
      width={520}
    >
      {state.phase === "form" && (
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ marginBottom: 0 }}>{t("recordings.zip.scope", { count })}</Typography.Paragraph>
          <Checkbox checked={unmask} onChange={(e) => setUnmask(e.target.checked)}>
            <span data-testid="zip-unmask">{t("calls.export.unmask")}</span>
          </Checkbox>
          {unmask ? (
            <Alert type="warning" showIcon title={t("calls.export.unmaskWarning")} />
          ) : (
            <Typography.Text type="secondary">{t("calls.export.maskedNote")}</Typography.Text>
          )}
          {pickError && <Alert type="error" showIcon title={pickError} />}
        </Flex>
      )}
      {state.phase === "running" && (
        <Flex vertical gap={8} data-testid="zip-progress">
          <Progress
            percent={state.progress && state.progress.total > 0 ? Math.round((state.progress.done / state.progress.total) * 100) : 0}
            status="active"
          />
          <Typography.Text type="secondary">
            {t("recordings.zip.progress", { done: state.progress?.done ?? 0, total: state.progress?.total ?? count })}
          </Typography.Text>
        </Flex>
      )}
      {state.phase === "done" && (
        <Result
          status={state.report.cancelled ? "warning" : "success"}
          title={
            <span data-testid="zip-done" data-path={state.report.path}>
              {t(state.report.cancelled ? "recordings.zip.cancelled" : "recordings.zip.done", {
                path: state.report.path,
                calls: state.report.calls,
                recordings: state.report.recordings,
              })}
            </span>
          }
          subTitle={state.report.missing > 0 ? t("recordings.zip.missing", { count: state.report.missing }) : undefined}
        />
      )}
      {state.phase === "failed" && (
        <Alert type="error" showIcon data-testid="zip-failed" title={t("calls.export.failed", { reason: errorText(state.error) })} />
      )}
    </Modal>
  );
}
