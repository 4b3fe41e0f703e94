import {
  CaretRightOutlined,
  PauseOutlined,
  QuestionCircleOutlined,
  SoundOutlined,
  StepBackwardOutlined,
  StepForwardOutlined,
} from "@ant-design/icons";
import { Alert, Button, Flex, Select, Slider, Tooltip, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { playerAction, type PlayerAction } from "./player/shortcuts";
import { BUTTON_SKIP, formatClock, KEY_SKIP, SPEEDS, stepSpeed } from "./player/time";
import { useWaveSurfer, type WaveSource } from "./player/useWaveSurfer";

interface Props {
  source: WaveSource;
  /** Called once per loaded source, when playback first starts (audit, cache order). */
  onFirstPlay?: () => void;
  /** Previous / next recording; the buttons are disabled when absent. */
  onPrevious?: () => void;
  onNext?: () => void;
  /** Start playing as soon as the source is ready (moving to the next recording while playing). */
  autoPlay?: boolean;
  onPlayingChange?: (playing: boolean) => void;
  height?: number;
}

/**
 * A waveform player: play/pause, click or drag on the waveform to seek, ±10 s, speed 0.5×–2×, volume, elapsed/total
 * time, previous/next, and keyboard shortcuts anywhere on the page except while typing: Space, ← / → (5 s), [ and ].
 */
export function AudioPlayer({ source, onFirstPlay, onPrevious, onNext, autoPlay = false, onPlayingChange, height = 72 }: Props) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const { ws, state } = useWaveSurfer(container, source, height);
  const [rate, setRate] = useState(1);
  const [volume, setVolume] = useState(1);
  // A position set by our own seek shows at once; the next timeupdate from playback takes over.
  const [sought, setSought] = useState<{ ms: number; over: number } | null>(null);
  const shownMs = sought && sought.over === state.currentMs ? sought.ms : state.currentMs;
  const totalS = source.durationMs / 1000;

  const seek = (to: number) => {
    const w = ws.current;
    if (!w) return;
    const clamped = Math.min(Math.max(0, to), w.getDuration() || totalS);
    w.setTime(clamped);
    setSought({ ms: Math.round(clamped * 1000), over: state.currentMs });
  };
  const skip = (by: number) => seek((ws.current?.getCurrentTime() ?? 0) + by);
  const toggle = () => void ws.current?.playPause().catch(() => {});

  useEffect(() => {
    ws.current?.setPlaybackRate(rate);
    ws.current?.setVolume(volume);
  }, [ws, rate, volume, state.ready]);

  useEffect(() => {
    if (state.ready && autoPlay) void ws.current?.play().catch(() => {});
  }, [ws, state.ready, autoPlay]);

  const played = useRef(false);
  const callbacks = useRef({ onFirstPlay, onPlayingChange });
  useEffect(() => {
    callbacks.current = { onFirstPlay, onPlayingChange };
  }, [onFirstPlay, onPlayingChange]);
  useEffect(() => {
    played.current = false;
  }, [source.url]);
  useEffect(() => {
    callbacks.current.onPlayingChange?.(state.playing);
    if (state.playing && !played.current) {
      played.current = true;
      callbacks.current.onFirstPlay?.();
    }
  }, [state.playing]);

  const onAction = useRef<(a: PlayerAction) => void>(() => {});
  useEffect(() => {
    onAction.current = (action) => {
      if (action === "toggle") toggle();
      else if (action === "back") skip(-KEY_SKIP);
      else if (action === "forward") skip(KEY_SKIP);
      else setRate((r) => stepSpeed(r, action === "faster" ? 1 : -1));
    };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = playerAction(e);
      if (!action) return;
      e.preventDefault();
      onAction.current(action);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const time = `${formatClock(shownMs / 1000)} / ${formatClock(totalS)}`;
  return (
    <Flex vertical gap={8} className="audio-player" data-testid="player" data-ready={state.ready} data-playing={state.playing}>
      <div
        ref={container}
        className="audio-player-wave"
        data-testid="player-waveform"
        role="group"
        aria-label={t("player.waveform")}
        title={t("player.waveform")}
        tabIndex={0}
      />
      {state.error && <Alert type="error" showIcon title={t("player.error", { reason: state.error })} data-testid="player-error" />}
      <Flex gap={8} align="center" wrap>
        <Button icon={<StepBackwardOutlined />} disabled={!onPrevious} onClick={onPrevious} aria-label={t("player.prev")} title={t("player.prev")} data-testid="player-prev" />
        <Button onClick={() => skip(-BUTTON_SKIP)} aria-label={t("player.back")} title={t("player.back")} data-testid="player-back10">
          −10s
        </Button>
        <Button
          type="primary"
          shape="circle"
          size="large"
          icon={state.playing ? <PauseOutlined /> : <CaretRightOutlined />}
          onClick={toggle}
          disabled={!state.ready}
          aria-label={state.playing ? t("player.pause") : t("player.play")}
          title={state.playing ? t("player.pause") : t("player.play")}
          data-testid="player-play"
          data-playing={state.playing}
        />
        <Button onClick={() => skip(BUTTON_SKIP)} aria-label={t("player.forward")} title={t("player.forward")} data-testid="player-fwd10">
          +10s
        </Button>
        <Button icon={<StepForwardOutlined />} disabled={!onNext} onClick={onNext} aria-label={t("player.next")} title={t("player.next")} data-testid="player-next" />
        <Typography.Text className="audio-player-time" data-testid="player-time" data-current-ms={shownMs} data-duration-ms={source.durationMs} aria-live="off">
          {time}
        </Typography.Text>
        <Flex gap={8} align="center" style={{ marginLeft: "auto" }}>
          <Select<number>
            size="small"
            value={rate}
            onChange={setRate}
            aria-label={t("player.speed")}
            title={t("player.speed")}
            data-testid="player-speed"
            style={{ width: 80 }}
            options={SPEEDS.map((s) => ({ value: s, label: `${s}×` }))}
          />
          <SoundOutlined aria-hidden />
          <div style={{ width: 90 }} data-testid="player-volume" data-volume={Math.round(volume * 100)}>
            <Slider
              min={0}
              max={100}
              value={Math.round(volume * 100)}
              onChange={(v) => setVolume(v / 100)}
              ariaLabelForHandle={t("player.volume")}
              tooltip={{ formatter: (v) => `${v ?? 0}%` }}
            />
          </div>
          <Tooltip title={t("player.shortcuts", { seconds: KEY_SKIP })}>
            <QuestionCircleOutlined aria-label={t("player.shortcutsLabel")} data-testid="player-shortcuts" tabIndex={0} />
          </Tooltip>
        </Flex>
      </Flex>
    </Flex>
  );
}
