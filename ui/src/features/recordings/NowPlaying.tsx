import { CloudDownloadOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { RecordingRow } from "../../ipc/bindings/RecordingRow";
import { formatDuration, formatTime, maskNumber } from "../calls/format";
import { RecordingPlayer } from "./RecordingPlayer";
import { RecordingStateTag } from "./RecordingStateTag";
import type { useFetchJob } from "./useFetchJob";

interface Props {
  row: RecordingRow | null;
  offsetMinutes: number;
  job: ReturnType<typeof useFetchJob>;
  onPrevious?: () => void;
  onNext?: () => void;
}

/** The recording picked in the list: the player when it is on this computer, otherwise its state and Fetch now. */
export function NowPlaying({ row, offsetMinutes, job, onPrevious, onNext }: Props) {
  const { t } = useTranslation();
  if (!row) {
    return (
      <Card size="small" data-testid="recordings-player-empty">
        <Typography.Text type="secondary">{t("recordings.player.pick")}</Typography.Text>
      </Card>
    );
  }
  const s = row.status;
  const canFetch = s.state === "waiting" || s.state === "failed" || s.state === "evicted";
  return (
    <Card size="small" data-testid="recordings-player" data-call-id={row.callId}>
      <Flex vertical gap={8}>
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>
            {maskNumber(row.caller)} → {maskNumber(row.callee)}
          </Typography.Text>
          <Typography.Text type="secondary">
            {formatTime(row.startTime, offsetMinutes)} · {formatDuration(row.talkSeconds)}
          </Typography.Text>
          <RecordingStateTag status={s} />
        </Flex>
        {s.state === "fetched" ? (
          <RecordingPlayer callId={row.callId} onPrevious={onPrevious} onNext={onNext} />
        ) : (
          <Flex gap={8} align="center" wrap>
            <Typography.Text type="secondary">{t(`recordings.player.notHere.${s.state}`)}</Typography.Text>
            {canFetch && (
              <Button
                icon={<CloudDownloadOutlined />}
                disabled={job.running}
                onClick={() => void job.start({ callIds: [row.callId], since: null })}
                data-testid="recordings-player-fetch"
              >
                {t("recordings.action.fetchNow")}
              </Button>
            )}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
