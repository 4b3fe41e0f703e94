import { FileExcelOutlined, DownloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Flex, Input, Modal, Radio, Space, Steps, Typography } from "antd";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useReducer, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BulkField } from "../../../ipc/bindings/BulkField";
import type { ColumnMapping } from "../../../ipc/bindings/ColumnMapping";
import type { DryRunReport } from "../../../ipc/bindings/DryRunReport";
import type { JobKind } from "../../../ipc/bindings/JobKind";
import type { Mode } from "../../../ipc/bindings/Mode";
import type { XScope } from "../../../ipc/bindings/XScope";
import {
  bulkCancel,
  bulkCreate,
  bulkDryRun,
  bulkExport,
  bulkFields,
  bulkGet,
  bulkPause,
  bulkPreview,
  bulkResume,
  bulkRetryFailed,
  bulkStart,
  bulkTemplate,
} from "../../../ipc/bulk";
import { pickExportPath, pickSpreadsheet } from "../../../ipc/dialogs";
import { toAppError } from "../../../ipc/errors";
import { bindingKeys } from "../../../queries/bindings";
import { bulkKeys } from "../../../queries/bulk";
import { registerE2E } from "../../calls/e2e";
import { DryRunView } from "./DryRunView";
import { MappingEditor } from "./MappingEditor";
import { missingFields, unbindReady } from "./mapping";
import { initialRun, isFinal, runReducer } from "./progress";
import { ResultsView } from "./ResultsView";
import { RunView } from "./RunView";
import { useText } from "../../../i18n/useText";

interface Props {
  mode: Mode;
  kind: JobKind;
  /** Open an existing job (resume it, or look at its results). */
  resumeJobId?: number;
  onClose: () => void;
}

type Step = 0 | 1 | 2 | 3 | 4;
type XChoice = "platform" | "pool" | "city";

/** Pick file → column mapping → dry run → start → progress → results. */
export function BulkWizard({ mode, kind, resumeJobId, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const txt = useText();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [step, setStep] = useState<Step>(resumeJobId ? 3 : 0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [path, setPath] = useState<string | null>(null);
  const [headers, setHeaders] = useState<string[]>([]);
  const [mapping, setMapping] = useState<ColumnMapping>({ columns: [] });
  const [fields, setFields] = useState<[BulkField[], BulkField[]]>([[], []]);
  const [xChoice, setXChoice] = useState<XChoice>("platform");
  const [xValue, setXValue] = useState("");
  const [report, setReport] = useState<DryRunReport | null>(null);
  const [run, dispatch] = useReducer(runReducer, initialRun(resumeJobId ?? 0));
  const [jobId, setJobId] = useState<number | null>(resumeJobId ?? null);
  const attached = useRef(false);

  const missing = kind === "unbind" ? (unbindReady(mapping) ? [] : (["subscriptionId"] as BulkField[])) : missingFields(mapping, fields[0]);
  const xScope: XScope | null =
    kind !== "bind" || xChoice === "platform" || !xValue.trim() ? null : { kind: xChoice, value: xValue.trim() };
  const fileName = path?.split(/[\\/]/).pop() ?? "";

  const guard = async (f: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(txt(toAppError(e).message));
    } finally {
      setBusy(false);
    }
  };

  const refresh = () => {
    void qc.invalidateQueries({ queryKey: bindingKeys.all });
    void qc.invalidateQueries({ queryKey: bulkKeys.all });
    void qc.invalidateQueries({ queryKey: ["numbers"] });
  };

  const start = async (id: number) => {
    attached.current = true;
    dispatch({ type: "attach", jobId: id, progress: run.progress?.jobId === id ? run.progress : undefined });
    await bulkStart(id, (p) => dispatch({ type: "progress", progress: p }));
  };

  // Opening an existing job: show where it stands.
  useEffect(() => {
    if (!resumeJobId) return;
    void bulkGet(resumeJobId).then(
      (j) => {
        dispatch({ type: "progress", progress: j.progress });
        if (j.progress.state === "done") setStep(4);
      },
      (e) => setError(txt(toAppError(e).message)),
    );
  }, [resumeJobId, txt]);

  // A finished run refreshes the table and shows the results.
  useEffect(() => {
    if (run.phase === "done" || run.phase === "cancelled") refresh();
    if (run.phase === "done" && attached.current) setStep(4);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run.phase]);

  // A job started elsewhere (or before the wizard was reopened) has no channel here: poll it.
  useEffect(() => {
    if (step !== 3 || attached.current || jobId === null || isFinal(run.phase) || run.phase === "starting") return;
    const timer = setInterval(() => {
      void bulkGet(jobId).then((j) => dispatch({ type: "progress", progress: j.progress }));
    }, 1500);
    return () => clearInterval(timer);
  }, [step, jobId, run.phase]);

  /** What choosing a file leads to (also the E2E hook's entry: a native dialog cannot be driven). */
  const openFile = async (p: string) => {
    const [[h, m], f] = await Promise.all([bulkPreview(p), bulkFields(kind, mode)]);
    setPath(p);
    setHeaders(h);
    setMapping(m);
    setFields(f);
    setStep(1);
  };

  const chooseFile = () =>
    guard(async () => {
      const p = await pickSpreadsheet({ title: t("bindings.bulk.file.dialog"), filterName: t("bindings.bulk.file.filter") });
      if (!p) return;
      await openFile(p);
    });

  const template = (ext: "xlsx" | "csv") =>
    guard(async () => {
      const name = `${t("bindings.bulk.template.fileName", { kind: t(`bindings.bulk.kind.${kind}`), mode })}.${ext}`;
      const target = await pickExportPath({ title: t("bindings.bulk.template.dialog"), filterName: ext.toUpperCase() }, name, ext);
      if (!target) return;
      await bulkTemplate(kind, mode, i18n.language === "zh-CN" ? "zh-CN" : "en", target);
      void message.success(t("bindings.bulk.template.saved", { path: target }));
    });

  const dryRun = () =>
    guard(async () => {
      if (!path) return;
      setReport(await bulkDryRun(kind, path, mapping, xScope));
      setStep(2);
    });

  const create = () =>
    guard(async () => {
      if (!path) return;
      const [id, r] = await bulkCreate(kind, path, mapping, xScope);
      setReport(r);
      setJobId(id);
      const ready = { jobId: id, state: "ready" as const, total: r.valid, done: 0, ok: 0, failed: 0, invalid: r.invalid + r.duplicates + r.conflicts, ratePerSec: 0 };
      dispatch({ type: "attach", jobId: id, progress: ready });
      setStep(3);
      attached.current = true;
      await bulkStart(id, (p) => dispatch({ type: "progress", progress: p }));
    });

  const control = (action: "pause" | "resume" | "cancel") =>
    guard(async () => {
      if (jobId === null) return;
      dispatch({ type: action });
      await (action === "pause" ? bulkPause(jobId) : action === "resume" ? bulkResume(jobId) : bulkCancel(jobId));
    });

  const retry = () =>
    guard(async () => {
      if (jobId === null) return;
      const n = await bulkRetryFailed(jobId);
      void message.info(t("bindings.bulk.results.retrying", { count: n }));
      setStep(3);
      await start(jobId);
    });

  const exportResults = (ext: "csv" | "xlsx", unmask: boolean) =>
    guard(async () => {
      if (jobId === null) return;
      const target = await pickExportPath(
        { title: t("bindings.bulk.results.dialog"), filterName: ext.toUpperCase() },
        `${t("bindings.bulk.results.fileName", { id: jobId })}.${ext}`,
        ext,
      );
      if (!target) return;
      const n = await bulkExport(jobId, target, unmask);
      void message.success(t("bindings.bulk.results.exported", { count: n, path: target }));
    });

  // Debug builds only: the real-window E2E gives the paths the native dialogs would have returned.
  useEffect(() =>
    registerE2E({
      bulkOpenFile: (p: string) => guard(() => openFile(p)),
      bulkExportTo: (target: string, unmask: boolean) =>
        guard(async () => {
          if (jobId === null) return;
          const n = await bulkExport(jobId, target, unmask);
          void message.success(t("bindings.bulk.results.exported", { count: n, path: target }));
        }),
    }),
  );

  const steps = (["file", "mapping", "dryRun", "run", "results"] as const).map((s) => ({ title: t(`bindings.bulk.step.${s}`) }));

  let body;
  let footer;
  switch (step) {
    case 0:
      body = (
        <Flex vertical gap="middle" align="center" style={{ padding: "24px 0" }} data-testid="bulk-step-file">
          <FileExcelOutlined style={{ fontSize: 48, opacity: 0.5 }} />
          <Typography.Paragraph type="secondary" style={{ textAlign: "center", maxWidth: 520 }}>
            {t(`bindings.bulk.file.help.${kind}`)}
          </Typography.Paragraph>
          <Button type="primary" onClick={() => void chooseFile()} loading={busy} data-testid="bulk-choose-file">
            {t("bindings.bulk.file.choose")}
          </Button>
          <Space>
            <DownloadOutlined />
            <Typography.Link onClick={() => void template("xlsx")} data-testid="bulk-template-xlsx">
              {t("bindings.bulk.template.xlsx")}
            </Typography.Link>
            <Typography.Link onClick={() => void template("csv")} data-testid="bulk-template-csv">
              {t("bindings.bulk.template.csv")}
            </Typography.Link>
          </Space>
        </Flex>
      );
      footer = <Button onClick={onClose}>{t("common.cancel")}</Button>;
      break;
    case 1:
      body = (
        <Flex vertical gap="middle" data-testid="bulk-step-mapping">
          <Typography.Text>{t("bindings.bulk.mapping.intro", { file: fileName, count: headers.length })}</Typography.Text>
          <MappingEditor
            headers={headers}
            mapping={mapping}
            required={fields[0]}
            optional={fields[1]}
            missing={missing}
            onChange={setMapping}
          />
          {kind === "bind" && mode !== "AXYB" && (
            <Space wrap>
              <Typography.Text>{t("bindings.bulk.mapping.xChoice")}</Typography.Text>
              <Radio.Group value={xChoice} onChange={(e) => setXChoice(e.target.value as XChoice)} optionType="button"
                options={(["platform", "pool", "city"] as XChoice[]).map((c) => ({ value: c, label: t(`bindings.form.x.${c}`) }))}
              />
              {xChoice !== "platform" && (
                <Input style={{ width: 160 }} value={xValue} onChange={(e) => setXValue(e.target.value)}
                  placeholder={xChoice === "city" ? "0755" : t("bindings.form.poolPlaceholder")} data-testid="bulk-x-scope" />
              )}
            </Space>
          )}
        </Flex>
      );
      footer = (
        <Space>
          <Button onClick={() => setStep(0)}>{t("bindings.form.axyb.back")}</Button>
          <Button type="primary" disabled={missing.length > 0} loading={busy} onClick={() => void dryRun()} data-testid="bulk-dry-run-button">
            {t("bindings.bulk.mapping.check")}
          </Button>
        </Space>
      );
      break;
    case 2:
      body = report && <DryRunView report={report} />;
      footer = (
        <Space>
          <Button onClick={() => setStep(1)}>{t("bindings.form.axyb.back")}</Button>
          <Button type="primary" disabled={!report?.valid} loading={busy} onClick={() => void create()} data-testid="bulk-start">
            {t("bindings.bulk.dry.start", { count: report?.valid ?? 0 })}
          </Button>
        </Space>
      );
      break;
    case 3:
      body = (
        <RunView run={run} onPause={() => void control("pause")} onResume={() => void control("resume")} onCancel={() => void control("cancel")} />
      );
      footer = (
        <Space>
          {run.phase === "cancelled" && jobId !== null && (
            <Button type="primary" loading={busy} onClick={() => void guard(() => start(jobId))} data-testid="bulk-resume-job">
              {t("bindings.bulk.run.resumeJob")}
            </Button>
          )}
          {isFinal(run.phase) && (
            <Button onClick={() => setStep(4)} data-testid="bulk-see-results">
              {t("bindings.bulk.run.seeResults")}
            </Button>
          )}
          <Button onClick={onClose}>{isFinal(run.phase) ? t("bindings.bulk.close") : t("bindings.bulk.hide")}</Button>
        </Space>
      );
      break;
    case 4:
      body = jobId !== null && (
        <ResultsView jobId={jobId} progress={run.progress} busy={busy} onRetry={() => void retry()} onExport={(e, unmask) => void exportResults(e, unmask)} />
      );
      footer = <Button onClick={onClose}>{t("bindings.bulk.close")}</Button>;
      break;
  }

  return (
    <Modal
      open
      width={920}
      onCancel={onClose}
      mask={{ closable: false }}
      title={jobId ? t("bindings.bulk.titleJob", { kind: t(`bindings.bulk.kind.${kind}`), mode, id: jobId }) : t("bindings.bulk.title", { kind: t(`bindings.bulk.kind.${kind}`), mode })}
      footer={footer}
      data-testid="bulk-wizard"
    >
      <Steps size="small" current={step} items={steps} style={{ marginBottom: 24 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="bulk-error" closable onClose={() => setError(null)} />}
      {body}
    </Modal>
  );
}
