import { Alert, Button, Modal, Progress, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { testId } from "../../components/testId";
import type { FileReport } from "../../ipc/bindings/FileReport";
import { baseName, firstErrors, percent, totals, type ImportState } from "./importState";
import { errorText, useText } from "../../i18n/useText";

const MAX_ERRORS = 8;

function bytes(n: number, language: string): string {
  const units = ["B", "KB", "MB", "GB"];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: u === 0 ? 0 : 1 }).format(v)} ${units[u]}`;
}

interface Props {
  state: ImportState;
  onCancel: () => void;
  onClose: () => void;
}

/** Progress (records/s, bytes, current file), then per-file results and the first problems with file/line/field. */
export function ImportModal({ state, onCancel, onClose }: Props) {
  const { t, i18n } = useTranslation();
  if (state.phase === "idle") return null;
  const lang = i18n.language;
  const num = (n: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(n);
  const running = state.phase === "running";
  const reports = state.phase === "done" ? state.reports : [];
  const sum = totals(reports);
  const title = running
    ? t("calls.import.title")
    : state.phase === "failed"
      ? t("calls.import.titleFailed")
      : sum.cancelled
        ? t("calls.import.titleCancelled")
        : t("calls.import.titleDone");

  const footer = running ? (
    <Button danger onClick={onCancel} disabled={state.cancelling} {...testId("import-cancel")}>
      {state.cancelling ? t("calls.import.cancelling") : t("calls.import.cancel")}
    </Button>
  ) : (
    <Button type="primary" onClick={onClose} {...testId("import-close")}>
      {t("calls.import.close")}
    </Button>
  );

  return (
    <Modal
      open
      title={title}
      footer={footer}
      closable={!running}
      maskClosable={false}
      onCancel={running ? undefined : onClose}
      width={760}
      data-testid="import-modal"
    >
      <div data-testid="import-modal-body" data-phase={state.phase}>
        {running && (
          <Space direction="vertical" style={{ width: "100%" }} data-testid="import-progress">
            <Progress percent={percent(state.progress) ?? 0} status="active" />
            {state.progress ? (
              <>
                <Typography.Text ellipsis>
                  {t("calls.import.file", {
                    index: state.progress.fileIndex + 1,
                    files: state.progress.files,
                    name: baseName(state.progress.path),
                  })}
                </Typography.Text>
                <Typography.Text type="secondary" data-testid="import-rate">
                  {t("calls.import.rate", {
                    records: num(state.progress.records),
                    rate: num(state.progress.recordsPerSec),
                    bytes: bytes(state.progress.bytes, lang),
                    total: bytes(state.progress.bytesTotal, lang),
                  })}
                </Typography.Text>
              </>
            ) : (
              <Typography.Text type="secondary">{t("calls.import.starting", { count: state.paths.length })}</Typography.Text>
            )}
          </Space>
        )}
        {state.phase === "failed" && (
          <Alert type="error" showIcon data-testid="import-failed" message={t("calls.import.failedNote", { reason: errorText(state.error) })} />
        )}
        {state.phase === "done" && (
          <Space direction="vertical" style={{ width: "100%" }} size="middle">
            <Alert
              type={sum.rejected > 0 || sum.failedFiles > 0 ? "warning" : "success"}
              showIcon
              data-testid="import-summary"
              data-new={sum.new}
              data-duplicate={sum.duplicate}
              data-rejected={sum.rejected}
              message={t("calls.import.summary", {
                files: sum.files,
                new: num(sum.new),
                duplicate: num(sum.duplicate),
                rejected: num(sum.rejected),
              })}
              description={sum.cancelled ? t("calls.import.cancelledNote") : undefined}
            />
            <FileTable reports={reports} />
            <ErrorList reports={reports} />
          </Space>
        )}
      </div>
    </Modal>
  );
}

function FileTable({ reports }: { reports: FileReport[] }) {
  const { t } = useTranslation();
  const color = { done: "success", cancelled: "default", failed: "error", interrupted: "warning" } as const;
  return (
    <Table<FileReport>
      size="small"
      rowKey="path"
      pagination={false}
      scroll={{ y: 200 }}
      dataSource={reports}
      onRow={(_, i) => ({ "data-testid": `import-file-${i ?? 0}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t("calls.import.col.file"),
          dataIndex: "path",
          ellipsis: true,
          render: (p: string) => <span title={p}>{baseName(p)}</span>,
        },
        { title: t("calls.import.col.new"), dataIndex: "new", width: 90, align: "right" },
        { title: t("calls.import.col.duplicate"), dataIndex: "duplicate", width: 90, align: "right" },
        { title: t("calls.import.col.rejected"), dataIndex: "rejected", width: 90, align: "right" },
        {
          title: t("calls.import.col.status"),
          dataIndex: "status",
          width: 110,
          render: (s: FileReport["status"]) => <Tag color={color[s]}>{t(`calls.import.status.${s}`)}</Tag>,
        },
      ]}
    />
  );
}

function ErrorList({ reports }: { reports: FileReport[] }) {
  const { t } = useTranslation();
  const txt = useText();
  const errors = firstErrors(reports, MAX_ERRORS);
  if (errors.length === 0) return null;
  return (
    <div data-testid="import-errors">
      <Typography.Text strong>{t("calls.import.errorsTitle")}</Typography.Text>
      <ul className="import-errors">
        {errors.map((e, i) => (
          <li key={i}>
            <Typography.Text code>
              {e.line > 0
                ? t("calls.import.errorLine", { file: baseName(e.file), line: e.line })
                : t("calls.import.errorWholeFile", { file: baseName(e.file) })}
              {e.at ? ` ${e.at}` : ""}
            </Typography.Text>{" "}
            {e.field && <Typography.Text type="secondary">{t("calls.import.errorField", { field: e.field })}: </Typography.Text>}
            {txt(e.reason)}
          </li>
        ))}
      </ul>
    </div>
  );
}
