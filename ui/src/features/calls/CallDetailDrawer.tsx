import { LinkOutlined } from "@ant-design/icons";
import { Alert, Button, Descriptions, Drawer, Flex, Skeleton, Space, Tag, Timeline, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { CallDetail } from "../../ipc/bindings/CallDetail";
import { useCallDetail } from "../../queries/calls";
import { RecordingSection } from "../recordings/RecordingSection";
import { codeMeaning, explanationText } from "./explanation";
import { formatDuration, formatTime, maskNumber, offsetLabel } from "./format";
import { OutcomeTag } from "./OutcomeTag";
import { errorText } from "../../i18n/useText";

interface Props {
  id: number | null;
  offsetMinutes: number;
  onClose: () => void;
}

/** One call: the plain-language explanation in the UI language, its codes, its timeline and links. */
export function CallDetailDrawer({ id, offsetMinutes, onClose }: Props) {
  const { t } = useTranslation();
  const detail = useCallDetail(id);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={560}
      title={t("calls.detail.title")}
      destroyOnHidden
      data-testid="call-detail"
    >
      {detail.isPending && <Skeleton active />}
      {detail.isError && (
        <Alert type="error" showIcon message={t("calls.detail.loadFailed", { reason: errorText(detail.error) })} />
      )}
      {detail.data && <DetailBody call={detail.data} offsetMinutes={offsetMinutes} />}
    </Drawer>
  );
}

function DetailBody({ call, offsetMinutes }: { call: CallDetail; offsetMinutes: number }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const zone = offsetLabel(offsetMinutes);
  const time = (s: number | null) => (s === null ? "—" : `${formatTime(s, offsetMinutes)}`);
  const r = call.row;
  const cdrTimes: { label: string; at: number | null }[] = [
    { label: t("calls.detail.callIn"), at: r.startTime },
    { label: t("calls.detail.alerting"), at: call.alertingTime },
    { label: t("calls.detail.answer"), at: call.answerTime },
    { label: t("calls.detail.end"), at: r.endTime },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} align="center" wrap>
        <OutcomeTag outcome={call.explanation.outcome} />
        <Typography.Text type="secondary">{time(r.startTime)} ({zone})</Typography.Text>
      </Flex>

      <section>
        <Typography.Title level={5}>{t("calls.detail.explanation")}</Typography.Title>
        <Alert
          type={r.answered ? "success" : "info"}
          message={<span data-testid="call-explanation">{explanationText(call.explanation, i18n.language)}</span>}
        />
        {call.explanation.codes.length > 0 && (
          <div className="call-codes" data-testid="call-codes">
            <Typography.Text type="secondary">{t("calls.detail.codes")}: </Typography.Text>
            {call.explanation.codes.map((c) => (
              <Tooltip key={c.field} title={codeMeaning(c, i18n.language) ?? t("calls.detail.codeUnknown")}>
                <Tag>
                  {c.field} {c.value}
                </Tag>
              </Tooltip>
            ))}
          </div>
        )}
      </section>

      <Space wrap>
        <Button
          icon={<LinkOutlined />}
          disabled={!r.subscriptionId}
          title={r.subscriptionId ? undefined : t("calls.detail.noBinding")}
          onClick={() =>
            void navigate(`/bindings?${new URLSearchParams({ x: r.xNumber, subscriptionId: r.subscriptionId ?? "" }).toString()}`)
          }
          data-testid="call-binding-link"
        >
          {t("calls.detail.binding")}
        </Button>
      </Space>

      <RecordingSection callId={r.id} offsetMinutes={offsetMinutes} />

      <section data-testid="call-timeline">
        <Typography.Title level={5}>
          {t("calls.detail.timeline")} <Typography.Text type="secondary">({zone})</Typography.Text>
        </Typography.Title>
        {call.events.length > 0 ? (
          <Timeline
            items={call.events.map((e) => ({
              color: e.kind === "disconnect" ? (r.answered ? "green" : "red") : "blue",
              children: (
                <>
                  <Typography.Text strong>{t(`calls.event.${e.kind}`)}</Typography.Text>{" "}
                  <Typography.Text type="secondary">{time(e.time)}</Typography.Text>
                  {e.stateCode !== null && e.stateCode !== 0 && (
                    <div>
                      <Typography.Text code>stateCode {e.stateCode}</Typography.Text> {e.stateDesc}
                    </div>
                  )}
                </>
              ),
            }))}
          />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t("calls.detail.noEvents")}</Typography.Paragraph>
            <Timeline
              items={cdrTimes
                .filter((x) => x.at !== null)
                .map((x) => ({ children: `${x.label} ${time(x.at)}` }))}
            />
          </>
        )}
      </section>

      <Descriptions
        title={t("calls.detail.fields")}
        size="small"
        column={1}
        bordered
        styles={{ label: { width: 150 } }}
        items={[
          { key: "caller", label: t("calls.col.caller"), children: maskNumber(r.caller) },
          { key: "callee", label: t("calls.col.callee"), children: maskNumber(r.callee) },
          { key: "x", label: t("calls.col.x"), children: maskNumber(r.xNumber) },
          ...(call.callingDisplay ? [{ key: "display", label: t("calls.detail.display"), children: maskNumber(call.callingDisplay) }] : []),
          { key: "direction", label: t("calls.col.direction"), children: t(`calls.direction.${r.direction}`) },
          { key: "talk", label: t("calls.detail.talk"), children: r.answered ? formatDuration(r.talkSeconds) : "—" },
          { key: "binding", label: t("calls.col.binding"), children: r.subscriptionId ?? "—" },
          ...(call.extendNumber ? [{ key: "ext", label: t("calls.detail.extension"), children: call.extendNumber }] : []),
          ...(call.serviceType ? [{ key: "svc", label: t("calls.detail.serviceType"), children: call.serviceType }] : []),
          { key: "icid", label: t("calls.detail.icid"), children: <Typography.Text copyable>{call.icid ?? "—"}</Typography.Text> },
          { key: "session", label: t("calls.detail.session"), children: <Typography.Text copyable>{call.sessionId}</Typography.Text> },
        ]}
      />
    </Flex>
  );
}
