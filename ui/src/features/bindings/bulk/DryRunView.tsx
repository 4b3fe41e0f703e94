import { Alert, Col, Row, Statistic, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { pick } from "../../../i18n/format";
import type { DryRunReport } from "../../../ipc/bindings/DryRunReport";
import type { IssueKind } from "../../../ipc/bindings/IssueKind";
import type { RowIssue } from "../../../ipc/bindings/RowIssue";

const KIND_COLOR: Record<IssueKind, string> = { invalid: "red", duplicate: "gold", conflict: "volcano" };
/** The first refused rows are enough to fix a file; the export has them all. */
const SHOWN = 50;

export function DryRunView({ report }: { report: DryRunReport }) {
  const { t, i18n } = useTranslation();
  return (
    <div data-testid="bulk-dry-run">
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Statistic title={t("bindings.bulk.dry.rows")} value={report.rows} />
        </Col>
        <Col span={6}>
          <Statistic title={t("bindings.bulk.dry.valid")} value={report.valid} styles={{ content: { color: "#3f8600" } }} />
        </Col>
        <Col span={4}>
          <Statistic title={t("bindings.bulk.dry.invalid")} value={report.invalid} />
        </Col>
        <Col span={4}>
          <Statistic title={t("bindings.bulk.dry.duplicates")} value={report.duplicates} />
        </Col>
        <Col span={4}>
          <Statistic title={t("bindings.bulk.dry.conflicts")} value={report.conflicts} />
        </Col>
      </Row>
      {report.issues.length === 0 ? (
        <Alert type="success" showIcon title={t("bindings.bulk.dry.allValid")} />
      ) : (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t("bindings.bulk.dry.someRefused", { count: report.issues.length, valid: report.valid })}
          />
          <Table<RowIssue>
            size="small"
            rowKey={(i) => `${i.error.row}-${i.error.column ?? ""}-${i.kind}`}
            dataSource={report.issues.slice(0, SHOWN)}
            pagination={false}
            scroll={{ y: 240 }}
            data-testid="bulk-issues"
            columns={[
              { title: t("bindings.bulk.dry.row"), width: 70, render: (_: unknown, i) => i.error.row },
              {
                title: t("bindings.bulk.dry.kind"),
                width: 110,
                render: (_: unknown, i) => <Tag color={KIND_COLOR[i.kind]}>{t(`bindings.bulk.issue.${i.kind}`)}</Tag>,
              },
              { title: t("bindings.bulk.dry.column"), width: 120, render: (_: unknown, i) => i.error.column ?? "" },
              { title: t("bindings.bulk.dry.reason"), render: (_: unknown, i) => pick(i.error.message, i18n.language) },
            ]}
          />
        </>
      )}
    </div>
  );
}
