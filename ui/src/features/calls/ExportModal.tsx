import { CheckCircleFilled, DownloadOutlined } from "@ant-design/icons";
import { Alert, Button, Checkbox, Flex, Modal, Progress, Radio, Result, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { testId } from "../../components/testId";
import type { ExportFormat } from "../../ipc/bindings/ExportFormat";
import type { ExportRequest } from "../../ipc/bindings/ExportRequest";
import { pickExportPath } from "../../ipc/dialogs";
import { offsetLabel } from "./format";
import { defaultExportName, EXTENSION, type ExportState } from "./useExportJob";
import { errorText } from "../../i18n/useText";

interface Props {
  open: boolean;
  state: ExportState;
  /** What would be exported now (path filled in once chosen). */
  request: Omit<ExportRequest, "path" | "format" | "unmask">;
  count: number;
  onRun: (request: ExportRequest) => void;
  onCancel: () => void;
  onClose: () => void;
}

/** CSV or XLSX of the current filter, masked unless the user ticks "include full numbers" (with a warning). */
export function ExportModal({ open, state, request, count, onRun, onCancel, onClose }: Props) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<ExportFormat>("csv");
  const [unmask, setUnmask] = useState(false);
  const [pickError, setPickError] = useState<string | null>(null);
  const zone = offsetLabel(request.utcOffsetMinutes);
  const running = state.phase === "running";

  const choose = async () => {
    setPickError(null);
    try {
      const path = await pickExportPath(
        { title: t("calls.export.dialogTitle"), filterName: t(format === "csv" ? "calls.export.filterCsv" : "calls.export.filterXlsx") },
        defaultExportName(format, new Date()),
        EXTENSION[format],
      );
      if (path) onRun({ ...request, path, format, unmask });
    } catch (e) {
      setPickError(errorText(e));
    }
  };

  const footer =
    state.phase === "form" ? (
      <Flex justify="end" gap={8}>
        <Button onClick={onClose}>{t("common.cancel")}</Button>
        <Button type="primary" icon={<DownloadOutlined />} disabled={count === 0} onClick={() => void choose()} {...testId("export-start")}>
          {t("calls.export.choose")}
        </Button>
      </Flex>
    ) : running ? (
      <Button danger disabled={state.cancelling} onClick={onCancel} {...testId("export-cancel")}>
        {t("calls.export.cancel")}
      </Button>
    ) : (
      <Button type="primary" onClick={onClose} {...testId("export-close")}>
        {t("calls.export.close")}
      </Button>
    );

  return (
    <Modal
      open={open}
      title={t("calls.export.title")}
      footer={footer}
      closable={!running}
      maskClosable={false}
      onCancel={running ? undefined : onClose}
      data-testid="export-modal"
      width={560}
    >
      {state.phase === "form" && (
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {count === 0 ? t("calls.export.nothing") : t("calls.export.scope", { count, zone })}
          </Typography.Paragraph>
          <div>
            <Typography.Text strong>{t("calls.export.format")}</Typography.Text>
            <Radio.Group
              style={{ display: "flex", flexDirection: "column", gap: 4, marginTop: 4 }}
              value={format}
              onChange={(e) => setFormat(e.target.value as ExportFormat)}
              options={[
                { value: "csv", label: <span data-testid="export-format-csv">{t("calls.export.csv")}</span> },
                { value: "xlsx", label: <span data-testid="export-format-xlsx">{t("calls.export.xlsx")}</span> },
              ]}
            />
          </div>
          <Checkbox checked={unmask} onChange={(e) => setUnmask(e.target.checked)}>
            <span data-testid="export-unmask">{t("calls.export.unmask")}</span>
          </Checkbox>
          {unmask ? (
            <Alert type="warning" showIcon message={t("calls.export.unmaskWarning")} data-testid="export-unmask-warning" />
          ) : (
            <Typography.Text type="secondary">{t("calls.export.maskedNote")}</Typography.Text>
          )}
          {pickError && <Alert type="error" showIcon message={pickError} />}
        </Flex>
      )}
      {state.phase === "running" && (
        <Flex vertical gap={8} data-testid="export-progress">
          <Progress
            percent={state.progress && state.progress.total > 0 ? Math.round((state.progress.rows / state.progress.total) * 100) : 0}
            status="active"
          />
          <Typography.Text type="secondary">
            {t("calls.export.progress", { rows: state.progress?.rows ?? 0, total: state.progress?.total ?? count })}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis>
            {state.path}
          </Typography.Text>
        </Flex>
      )}
      {state.phase === "done" && (
        <Result
          status={state.report.cancelled ? "warning" : "success"}
          icon={state.report.cancelled ? undefined : <CheckCircleFilled />}
          title={
            <span data-testid="export-done" data-path={state.report.path} data-rows={state.report.rows}>
              {state.report.cancelled
                ? t("calls.export.cancelled", { path: state.report.path, rows: state.report.rows })
                : t("calls.export.done", { path: state.report.path, rows: state.report.rows })}
            </span>
          }
        />
      )}
      {state.phase === "failed" && (
        <Alert type="error" showIcon data-testid="export-failed" message={t("calls.export.failed", { reason: errorText(state.error) })} />
      )}
    </Modal>
  );
}
