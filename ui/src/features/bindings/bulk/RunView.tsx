import { Button, Col, Flex, Progress, Row, Space, Statistic, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { isFinal, percent, secondsLeft, type RunState } from "./progress";

interface Props {
  run: RunState;
  onPause: () => void;
  onResume: () => void;
  onCancel: () => void;
}

/** Bar, done / total, ok / failed, rate and time left, with pause / resume / cancel. */
export function RunView({ run, onPause, onResume, onCancel }: Props) {
  const { t } = useTranslation();
  const p = run.progress;
  const left = secondsLeft(p);
  const status = run.phase === "failed" ? "exception" : run.phase === "done" ? "success" : run.phase === "running" ? "active" : "normal";
  return (
    <div data-testid="bulk-run" data-phase={run.phase}>
      <Typography.Title level={5} data-testid="bulk-run-phase">
        {t(`bindings.bulk.run.phase.${run.phase}`)}
      </Typography.Title>
      <Progress percent={percent(p)} status={status} data-testid="bulk-progress" />
      <Row gutter={16} style={{ margin: "16px 0" }}>
        <Col span={6}>
          <Statistic title={t("bindings.bulk.run.done")} value={p ? `${p.done} / ${p.total}` : "—"} data-testid="bulk-done" />
        </Col>
        <Col span={5}>
          <Statistic title={t("bindings.bulk.run.ok")} value={p?.ok ?? 0} styles={{ content: { color: "#3f8600" } }} data-testid="bulk-ok" />
        </Col>
        <Col span={5}>
          <Statistic title={t("bindings.bulk.run.failed")} value={p?.failed ?? 0} styles={{ content: { color: p?.failed ? "#cf1322" : undefined } }} data-testid="bulk-failed" />
        </Col>
        <Col span={8}>
          <Statistic
            title={t("bindings.bulk.run.rate")}
            value={p ? t("bindings.bulk.run.perSec", { rate: p.ratePerSec.toFixed(1) }) : "—"}
            suffix={left !== null && !isFinal(run.phase) ? <Typography.Text type="secondary" style={{ fontSize: 13 }}>{t("bindings.bulk.run.left", { secs: left })}</Typography.Text> : null}
          />
        </Col>
      </Row>
      {run.error && <Typography.Paragraph type="danger">{run.error}</Typography.Paragraph>}
      {!isFinal(run.phase) && (
        <Flex justify="end">
          <Space>
            {run.phase === "paused" || run.phase === "pausing" ? (
              <Button onClick={onResume} data-testid="bulk-resume">
                {t("bindings.bulk.run.resume")}
              </Button>
            ) : (
              <Button onClick={onPause} disabled={run.phase === "cancelling"} data-testid="bulk-pause">
                {t("bindings.bulk.run.pause")}
              </Button>
            )}
            <Button danger onClick={onCancel} disabled={run.phase === "cancelling"} data-testid="bulk-cancel">
              {t("bindings.bulk.run.cancel")}
            </Button>
          </Space>
        </Flex>
      )}
    </div>
  );
}
