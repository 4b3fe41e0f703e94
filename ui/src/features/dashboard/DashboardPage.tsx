import { DashboardOutlined, PhoneOutlined } from "@ant-design/icons";
import { Alert, Card, Col, Empty, Flex, Row, Segmented, Select, Skeleton, Statistic, Table, theme, Typography } from "antd";
import type { EChartsCoreOption } from "echarts/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { MaskedNumber } from "../../components/MaskedNumber";
import { EmptyState } from "../../components/EmptyState";
import { Page } from "../../components/Page";
import { TryDemoButton } from "../../components/TryDemoButton";
import type { CallStats } from "../../ipc/bindings/CallStats";
import type { NumberCount } from "../../ipc/bindings/NumberCount";
import { useAccounts } from "../../queries/accounts";
import { useCallsCount, useCallsStats } from "../../queries/calls";
import { EMPTY_FILTER, rangeBounds, toCallFilter, type RangePreset } from "../calls/filters";
import { formatDuration, formatTime, localOffsetMinutes, offsetLabel } from "../calls/format";
import { Chart } from "./Chart";
import { errorText } from "../../i18n/useText";

const RANGES = ["today", "yesterday", "week", "month", "all"] as const satisfies readonly RangePreset[];
type DashRange = (typeof RANGES)[number];
const NO_FILTER = toCallFilter(EMPTY_FILTER, new Date(0));

/** Calls, answer rate, talk time, calls per hour/day, failure reasons, top numbers and busiest X for a range. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<DashRange>("all");
  /** The app key of the account whose calls are shown; null = every account. */
  const [appKey, setAppKey] = useState<string | null>(null);
  const accounts = useAccounts();
  const [now, setNow] = useState(() => new Date());
  const offsetMinutes = useMemo(() => localOffsetMinutes(now), [now]);
  const request = useMemo(() => {
    const { from, to } = rangeBounds(range, now);
    return {
      filter: { ...NO_FILTER, from, to, appKey },
      bucket: range === "today" || range === "yesterday" ? ("hour" as const) : ("day" as const),
      utcOffsetMinutes: offsetMinutes,
      topN: 10,
    };
  }, [range, now, offsetMinutes, appKey]);
  const anyCalls = useCallsCount(NO_FILTER);
  const stats = useCallsStats(request, { enabled: (anyCalls.data ?? 0) > 0 });

  if (anyCalls.isPending) {
    return (
      <Page testId="page-dashboard" title={t("dashboard.title")} subtitle={t("dashboard.subtitle")}>
        <Skeleton active />
      </Page>
    );
  }
  if (anyCalls.isError || anyCalls.data === 0) {
    return (
      <Page testId="page-dashboard" title={t("dashboard.title")} subtitle={t("dashboard.subtitle")}>
        <EmptyState
          testId="dashboard-empty"
          extra={<TryDemoButton size="large" />}
          icon={<DashboardOutlined />}
          title={t("dashboard.empty.title")}
          description={t("dashboard.empty.description")}
          action={{ label: t("dashboard.empty.action"), to: "/calls", icon: <PhoneOutlined /> }}
        />
      </Page>
    );
  }
  return (
    <Page testId="page-dashboard" title={t("dashboard.title")} subtitle={t("dashboard.subtitle")}>
      <Flex vertical gap={16}>
        <Flex gap={12} wrap align="center">
          <Segmented<DashRange>
            value={range}
            aria-label={t("dashboard.range")}
            data-testid="dashboard-range"
            onChange={(r) => {
              setRange(r);
              setNow(new Date());
            }}
            options={RANGES.map((r) => ({ value: r, label: <span data-testid={`dashboard-range-${r}`}>{t(`calls.range.${r}`)}</span> }))}
          />
          {(accounts.data?.length ?? 0) > 0 && (
            <Select<string>
              style={{ minWidth: 220 }}
              value={appKey ?? ""}
              aria-label={t("dashboard.account")}
              data-testid="dashboard-account"
              onChange={(v) => setAppKey(v === "" ? null : v)}
              options={[
                { value: "", label: t("dashboard.allAccounts") },
                ...(accounts.data ?? []).flatMap((a) => (a.appKey ? [{ value: a.appKey, label: `${a.name} (${a.mode})` }] : [])),
              ]}
            />
          )}
        </Flex>
        {stats.isError && <Alert type="error" showIcon message={t("dashboard.loadFailed", { reason: errorText(stats.error) })} />}
        {stats.isPending && <Skeleton active />}
        {stats.data && <StatsView stats={stats.data} offsetMinutes={offsetMinutes} />}
      </Flex>
    </Page>
  );
}

function StatsView({ stats, offsetMinutes }: { stats: CallStats; offsetMinutes: number }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const zone = offsetLabel(offsetMinutes);
  const num = (n: number) => new Intl.NumberFormat(i18n.language).format(n);

  const base = useMemo(
    () => ({
      backgroundColor: "transparent",
      textStyle: { color: token.colorText, fontFamily: token.fontFamily },
      tooltip: {
        trigger: "axis",
        backgroundColor: token.colorBgElevated,
        borderColor: token.colorBorder,
        textStyle: { color: token.colorText },
      },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    }),
    [token],
  );
  const axis = useMemo(
    () => ({
      axisLine: { lineStyle: { color: token.colorBorder } },
      axisLabel: { color: token.colorTextSecondary },
      splitLine: { lineStyle: { color: token.colorSplit } },
    }),
    [token],
  );

  const perBucket: EChartsCoreOption = useMemo(() => {
    const label = (s: number) => {
      const text = formatTime(s, offsetMinutes);
      return stats.bucket === "hour" ? text.slice(11, 16) : text.slice(0, 10);
    };
    return {
      ...base,
      legend: { top: 0, textStyle: { color: token.colorText } },
      xAxis: { type: "category", data: stats.buckets.map((b) => label(b.start)), ...axis },
      yAxis: { type: "value", minInterval: 1, ...axis },
      series: [
        { name: t("dashboard.chart.calls"), type: "bar", data: stats.buckets.map((b) => b.calls), itemStyle: { color: token.colorPrimary } },
        {
          name: t("dashboard.chart.answered"),
          type: "line",
          smooth: true,
          data: stats.buckets.map((b) => b.answered),
          itemStyle: { color: token.colorSuccess },
        },
      ],
    };
  }, [stats, base, axis, token, t, offsetMinutes]);

  const failures: EChartsCoreOption = useMemo(() => {
    const items = [...stats.failureReasons].reverse();
    return {
      ...base,
      tooltip: { ...base.tooltip, trigger: "item" },
      xAxis: { type: "value", minInterval: 1, ...axis },
      yAxis: { type: "category", data: items.map((f) => t(`calls.outcome.${f.outcome}`)), ...axis },
      series: [{ type: "bar", data: items.map((f) => f.calls), itemStyle: { color: token.colorWarning } }],
    };
  }, [stats, base, axis, token, t]);

  const busiest: EChartsCoreOption = useMemo(() => {
    const items = [...stats.busiestX].reverse();
    return {
      ...base,
      tooltip: { ...base.tooltip, trigger: "item" },
      xAxis: { type: "value", minInterval: 1, ...axis },
      // X numbers are the business's own private numbers, not personal data (shown in full on the
      // Bindings and Numbers pages too); masking them made the bars indistinguishable.
      yAxis: { type: "category", data: items.map((n) => n.number), ...axis },
      series: [{ name: t("dashboard.col.calls"), type: "bar", data: items.map((n) => n.calls), itemStyle: { color: token.colorPrimary } }],
    };
  }, [stats, base, axis, token, t]);

  if (stats.calls === 0) {
    return (
      <Card>
        <Empty description={t("dashboard.noneInRange")} data-testid="dashboard-none-in-range" />
      </Card>
    );
  }
  const chartHeight = (n: number) => Math.max(160, 28 * n + 60);
  return (
    <Flex vertical gap={16} data-testid="dashboard-stats">
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <Card size="small" style={{ height: "100%" }}>
            <Statistic title={t("dashboard.stat.calls")} value={num(stats.calls)} data-testid="dashboard-stat-calls" />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small" style={{ height: "100%" }}>
            <Statistic
              title={t("dashboard.stat.answerRate")}
              value={new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 1 }).format(stats.answerRate)}
              data-testid="dashboard-stat-answer-rate"
            />
            <Typography.Text type="secondary">{t("dashboard.stat.answered", { count: stats.answered })}</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small" style={{ height: "100%" }}>
            <Statistic title={t("dashboard.stat.totalTalk")} value={formatDuration(stats.totalTalkSeconds)} data-testid="dashboard-stat-total-talk" />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small" style={{ height: "100%" }}>
            <Statistic title={t("dashboard.stat.avgTalk")} value={formatDuration(stats.avgTalkSeconds)} data-testid="dashboard-stat-avg-talk" />
            <Typography.Text type="secondary">{t("dashboard.stat.avgTalkHelp")}</Typography.Text>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t(stats.bucket === "hour" ? "dashboard.chart.perHour" : "dashboard.chart.perDay", { zone })}>
        <Chart option={perBucket} height={260} testId="dashboard-chart-buckets" label={t("dashboard.chart.calls")} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("dashboard.chart.failures")} style={{ height: "100%" }}>
            {stats.failureReasons.length === 0 ? (
              <Empty description={t("dashboard.chart.noFailures")} />
            ) : (
              <Chart
                option={failures}
                height={chartHeight(stats.failureReasons.length)}
                testId="dashboard-chart-failures"
                label={t("dashboard.chart.failures")}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("dashboard.chart.busiestX")} style={{ height: "100%" }}>
            <Chart option={busiest} height={chartHeight(stats.busiestX.length)} testId="dashboard-chart-busiest-x" label={t("dashboard.chart.busiestX")} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t("dashboard.topNumbers")}>
        <Table<NumberCount>
          size="small"
          rowKey="number"
          pagination={false}
          dataSource={stats.topNumbers}
          data-testid="dashboard-top-numbers"
          columns={[
            { title: t("dashboard.col.number"), dataIndex: "number", render: (n: string, _r, i) => <MaskedNumber number={n} context="dashboard" id={`top-${i}`} /> },
            { title: t("dashboard.col.calls"), dataIndex: "calls", align: "right", width: 140, render: (n: number) => num(n) },
          ]}
        />
      </Card>
    </Flex>
  );
}
