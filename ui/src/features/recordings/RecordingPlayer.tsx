import { Alert, Skeleton } from "antd";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { AudioPlayer } from "../../components/AudioPlayer";
import { toAppError } from "../../ipc/errors";
import { recordingPlayed } from "../../ipc/recordings";
import { usePlayback } from "../../queries/recordings";

interface Props {
  callId: number;
  onPrevious?: () => void;
  onNext?: () => void;
  height?: number;
}

/** The player for one fetched recording: loads its peaks and URL, tells the backend when playback first starts. */
export function RecordingPlayer({ callId, onPrevious, onNext, height }: Props) {
  const { t } = useTranslation();
  const playback = usePlayback(callId, true);
  // Moving to the next recording while one plays keeps playing.
  const [playing, setPlaying] = useState(false);
  const [carryOn, setCarryOn] = useState(false);
  const move = useCallback(
    (go?: () => void) =>
      go
        ? () => {
            setCarryOn(playing);
            go();
          }
        : undefined,
    [playing],
  );
  const onFirstPlay = useCallback(() => void recordingPlayed(callId).catch(() => {}), [callId]);
  const data = playback.data;
  const source = useMemo(() => (data ? { url: data.url, peaks: data.peaks, durationMs: data.durationMs } : null), [data]);

  if (playback.isPending) return <Skeleton.Input active block style={{ height: (height ?? 72) + 48 }} />;
  if (playback.isError || !source) {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="player-load-failed"
        title={t("player.loadFailed", { reason: playback.error ? toAppError(playback.error).message : "" })}
      />
    );
  }
  return (
    <AudioPlayer
      key={callId}
      source={source}
      height={height}
      autoPlay={carryOn}
      onFirstPlay={onFirstPlay}
      onPlayingChange={setPlaying}
      onPrevious={move(onPrevious)}
      onNext={move(onNext)}
    />
  );
}
