import { DownloadOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, Space, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { fileStamp } from "../../components/useFileJob";
import type { AuditEntry } from "../../ipc/bindings/AuditEntry";
import type { AuditExportReport } from "../../ipc/bindings/AuditExportReport";
import type { ChainCheck } from "../../ipc/bindings/ChainCheck";
import { pickExportPath } from "../../ipc/dialogs";
import { shortDateTime } from "../bindings/format";
import { registerE2E } from "../calls/e2e";
import { useAudit, useExportAudit, useVerifyAudit } from "../../queries/audit";
import { errorText } from "../../i18n/useText";
import { auditTarget } from "./auditTarget";

const PAGE_SIZE = 20;

/** The actions the backend records, in words (an action not listed here is shown as recorded). */
const ACTIONS = {
  bind: "audit.action.bind",
  modify: "audit.action.modify",
  unbind: "audit.action.unbind",
  reveal: "audit.action.reveal",
  "bulk.create": "audit.action.bulk.create",
  "bulk.export": "audit.action.bulk.export",
  "calls.export": "audit.action.calls.export",
  "audit.export": "audit.action.audit.export",
  "recording.download": "audit.action.recording.download",
  "recording.export": "audit.action.recording.export",
  "recording.play": "audit.action.recording.play",
} as const;
const isAction = (a: string): a is keyof typeof ACTIONS => Object.prototype.hasOwnProperty.call(ACTIONS, a);

/**
 * Who did what, when, on which account, and what the platform answered; plus a check that nothing was
 * altered, and an export of the whole chain (CSV, ending with the chain check) to check it elsewhere.
 */
export function AuditCard() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const audit = useAudit(page, PAGE_SIZE);
  const verify = useVerifyAudit();
  const [check, setCheck] = useState<ChainCheck | null>(null);
  const exportAudit = useExportAudit();
  const [exported, setExported] = useState<AuditExportReport | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const rows = audit.data ?? [];
  // The backend pages without a total: offer a next page while pages come back full.
  const total = (page - 1) * PAGE_SIZE + rows.length + (rows.length === PAGE_SIZE ? 1 : 0);

  const runVerify = async () => {
    setCheck(null);
    try {
      setCheck(await verify.mutateAsync());
    } catch {
      // shown below from verify.error
    }
  };

  const { mutateAsync: writeExport } = exportAudit;
  /** Exports to `path` (picked in the save dialog, or given by the E2E test). */
  const exportTo = async (path: string) => {
    try {
      setExported(await writeExport(path));
    } catch (e) {
      setExportError(errorText(e));
    }
  };

  const runExport = async () => {
    setExported(null);
    setExportError(null);
    try {
      const path = await pickExportPath(
        { title: t("audit.exportDialog"), filterName: t("audit.exportFilter") },
        `${t("audit.exportFileName", { stamp: fileStamp(new Date()) })}.csv`,
        "csv",
      );
      if (path) await exportTo(path);
    } catch (e) {
      setExportError(errorText(e));
    }
  };
  // Debug builds only: the E2E test gives the path the native save dialog would return.
  useEffect(
    () =>
      registerE2E({
        exportAudit: (path: string) => {
          setExported(null);
          setExportError(null);
          return exportTo(path);
        },
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- exportTo only uses the stable mutateAsync and setters
    [writeExport],
  );

  return (
    <Card
      title={t("audit.title")}
      data-testid="audit-card"
      extra={
        <Space>
          <Button icon={<SafetyCertificateOutlined />} onClick={() => void runVerify()} loading={verify.isPending} data-testid="audit-verify">
            {t("audit.verify")}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void runExport()} loading={exportAudit.isPending} data-testid="audit-export">
            {t("audit.export")}
          </Button>
        </Space>
      }
    >
      <Flex vertical gap="middle">
        <Typography.Text type="secondary">{t("audit.help")}</Typography.Text>
        {check &&
          (check.firstBroken === null ? (
            <Alert type="success" showIcon title={t("audit.chainOk", { rows: Number(check.rows) })} data-testid="audit-chain-ok" closable onClose={() => setCheck(null)} />
          ) : (
            <Alert type="error" showIcon title={t("audit.chainBroken", { id: Number(check.firstBroken), rows: Number(check.rows) })} description={t("audit.chainBrokenHelp")} data-testid="audit-chain-broken" />
          ))}
        {verify.isError && <Alert type="error" showIcon title={errorText(verify.error)} />}
        {exported &&
          (exported.check.firstBroken === null ? (
            <Alert
              type="success"
              showIcon
              title={t("audit.exported", { rows: Number(exported.rows), path: exported.path })}
              data-testid="audit-exported"
              closable
              onClose={() => setExported(null)}
            />
          ) : (
            <Alert
              type="error"
              showIcon
              title={t("audit.exportedBroken", { rows: Number(exported.rows), path: exported.path, id: Number(exported.check.firstBroken) })}
              description={t("audit.chainBrokenHelp")}
              data-testid="audit-exported-broken"
            />
          ))}
        {exportError && <Alert type="error" showIcon title={t("audit.exportFailed", { reason: exportError })} data-testid="audit-export-failed" />}
        {audit.isError ? (
          <Alert type="error" showIcon title={t("audit.loadFailed", { reason: errorText(audit.error) })} />
        ) : (
          <Table<AuditEntry>
            size="small"
            rowKey="id"
            data-testid="audit-table"
            loading={audit.isFetching}
            dataSource={rows}
            locale={{ emptyText: t("audit.empty") }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total, showSizeChanger: false, simple: true, onChange: setPage }}
            columns={[
              { title: t("audit.col.when"), dataIndex: "at", width: 150, render: (at: string) => <span style={{ whiteSpace: "nowrap" }}>{shortDateTime(at, i18n.language)}</span> },
              { title: t("audit.col.who"), dataIndex: "who", width: 100 },
              { title: t("audit.col.account"), dataIndex: "account", width: 120 },
              {
                title: t("audit.col.action"),
                dataIndex: "action",
                width: 170,
                render: (a: string) => (
                  <Tag title={a} style={{ whiteSpace: "normal" }}>
                    {isAction(a) ? t(ACTIONS[a]) : a}
                  </Tag>
                ),
              },
              {
                title: t("audit.col.target"),
                dataIndex: "target",
                ellipsis: { showTitle: false },
                render: (target: string) => <span title={target}>{auditTarget(target, i18n.language)}</span>,
              },
              {
                title: t("audit.col.result"),
                width: 130,
                render: (_: unknown, e) => (
                  <Tag color={e.ok ? "green" : "red"}>
                    {e.ok ? t("audit.ok") : t("audit.failed")} · {e.resultCode}
                  </Tag>
                ),
              },
            ]}
          />
        )}
      </Flex>
    </Card>
  );
}
