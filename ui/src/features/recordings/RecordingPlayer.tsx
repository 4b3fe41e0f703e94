import { Alert, Button, Skeleton } from "antd";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { AudioPlayer } from "../../components/AudioPlayer";
import { toAppError } from "../../ipc/errors";
import { recordingPlayed } from "../../ipc/recordings";
import { usePlayback } from "../../queries/recordings";
import { useUnlock } from "../privacy/useUnlock";
import { errorText } from "../../i18n/useText";

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
  const { requireUnlock } = useUnlock();
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
    const error = playback.error ? toAppError(playback.error) : null;
    // With the app lock on, playing needs the passphrase: ask for it, then load again.
    const unlock =
      error?.code === "locked" ? (
        <Button
          size="small"
          data-testid="player-unlock"
          onClick={() =>
            void requireUnlock().then((ok) => {
              if (ok) void playback.refetch();
            })
          }
        >
          {t("player.unlock")}
        </Button>
      ) : undefined;
    return (
      <Alert
        type={error?.code === "locked" ? "info" : "error"}
        showIcon
        data-testid="player-load-failed"
        title={error?.code === "locked" ? t("errors.locked") : t("player.loadFailed", { reason: error ? errorText(error) : "" })}
        action={unlock}
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
