import { Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { RecordingStatus } from "../../ipc/bindings/RecordingStatus";
import { formatCountdown, URGENT_SECS, useNowSeconds } from "./countdown";
import { pick } from "../../i18n/format";
import { pendingOnPlatform, STATE_COLOR } from "./states";

/** Live time left until the platform deletes it ("2 d 5 h"), in the warning colour under a day. */
export function DeletionCountdown({ at, testId }: { at: number; testId?: string }) {
  const { t } = useTranslation();
  const now = useNowSeconds();
  const left = at - now;
  return (
    <Typography.Text type={left < URGENT_SECS ? "warning" : "secondary"} data-testid={testId} data-seconds-left={Math.max(0, left)}>
      {t("recordings.countdown.left", { left: formatCountdown(t, left) })}
    </Typography.Text>
  );
}

/** The state as a tag, with the countdown beside it while it still has to be fetched. */
export function RecordingStateTag({ status, countdown = true }: { status: RecordingStatus; countdown?: boolean }) {
  const { t, i18n } = useTranslation();
  const tag = (
    <Tag color={STATE_COLOR[status.state]} data-testid={`recording-state-${status.callId}`} data-state={status.state}>
      {t(`recordings.state.${status.state}`)}
    </Tag>
  );
  return (
    <span className="recording-state">
      {status.state === "failed" && status.error ? <Tooltip title={pick(status.error, i18n.language)}>{tag}</Tooltip> : tag}
      {countdown && pendingOnPlatform(status) && <DeletionCountdown at={status.platformDeletesAt as number} />}
    </span>
  );
}
