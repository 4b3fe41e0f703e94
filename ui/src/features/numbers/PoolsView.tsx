import { Alert, Card, Col, Empty, Row, Segmented, Skeleton, theme, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Utilisation } from "../../ipc/bindings/Utilisation";
import { usePoolOverview } from "../../queries/numbers";
import { Chart } from "../dashboard/Chart";
import { percentLabel } from "./health";
import { NumbersTable } from "./NumbersTable";
import { errorText } from "../../i18n/useText";

type By = "city" | "pool";

/** Utilisation per city or pool as a bar chart, then the numbers to act on. */
export function PoolsView() {
  const { t } = useTranslation();
  const overview = usePoolOverview();
  const [by, setBy] = useState<By>("city");
  const { token } = theme.useToken();
  const groups: Utilisation[] = useMemo(
    () => (by === "city" ? overview.data?.byCity : overview.data?.byPool) ?? [],
    [by, overview.data],
  );
  const option = useMemo(() => {
    const name = (u: Utilisation) => u.key ?? t(by === "city" ? "numbers.pools.noCity" : "numbers.pools.noPool");
    return {
      grid: { left: 48, right: 24, top: 32, bottom: 32 },
      textStyle: { color: token.colorText, fontFamily: token.fontFamily },
      tooltip: {
        trigger: "axis",
        backgroundColor: token.colorBgElevated,
        borderColor: token.colorBorder,
        textStyle: { color: token.colorText },
        formatter: (items: { dataIndex: number }[]) => {
          const u = groups[items[0]?.dataIndex ?? 0];
          return u
            ? t("numbers.pools.tooltip", { name: name(u), percent: percentLabel(u.ratio), bindings: u.bindings, capacity: u.capacity, numbers: u.numbers })
            : "";
        },
      },
      xAxis: {
        type: "category",
        data: groups.map(name),
        axisLine: { lineStyle: { color: token.colorBorder } },
        axisLabel: { color: token.colorTextSecondary },
      },
      yAxis: {
        type: "value",
        max: 100,
        axisLabel: { formatter: "{value} %", color: token.colorTextSecondary },
        splitLine: { lineStyle: { color: token.colorSplit } },
      },
      series: [
        {
          type: "bar",
          name: t("numbers.pools.used"),
          barMaxWidth: 48,
          data: groups.map((u) => ({
            value: u.ratio * 100,
            itemStyle: { color: u.ratio >= 0.9 ? token.colorError : u.ratio >= 0.6 ? token.colorWarning : token.colorPrimary },
          })),
          label: {
            show: true,
            position: "top",
            color: token.colorText,
            textBorderWidth: 0,
            formatter: (p: { dataIndex: number }) => percentLabel(groups[p.dataIndex]?.ratio ?? 0),
          },
        },
      ],
    };
  }, [groups, by, t, token]);

  if (overview.isPending) return <Skeleton active />;
  if (overview.isError) return <Alert type="error" showIcon title={t("numbers.loadFailed", { reason: errorText(overview.error) })} />;
  const o = overview.data;
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card
          title={t("numbers.pools.chartTitle", { mode: o.mode })}
          extra={
            <Segmented<By>
              value={by}
              onChange={setBy}
              options={[
                { value: "city", label: t("numbers.pools.byCity") },
                { value: "pool", label: t("numbers.pools.byPool") },
              ]}
              data-testid="pools-by"
            />
          }
        >
          {groups.length === 0 ? (
            <Empty description={t("numbers.pools.noData")} />
          ) : (
            <Chart option={option} height={260} testId="pools-chart" label={t("numbers.pools.chartLabel")} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t("numbers.pools.idleTitle", { count: o.idle.length })} data-testid="pools-idle">
          <Typography.Paragraph type="secondary">{t("numbers.pools.idleHelp")}</Typography.Paragraph>
          <NumbersTable rows={o.idle} loading={false} testId="pools-idle-table" compact />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t("numbers.pools.nearTitle", { count: o.nearCapacity.length })} data-testid="pools-near">
          <Typography.Paragraph type="secondary">{t("numbers.pools.nearHelp")}</Typography.Paragraph>
          <NumbersTable rows={o.nearCapacity} loading={false} testId="pools-near-table" compact />
        </Card>
      </Col>
    </Row>
  );
}
