import { theme } from "antd";
import { useEffect, useRef, useState, type RefObject } from "react";
import WaveSurfer from "wavesurfer.js";

export interface WaveSource {
  /** Streamed by the media element (HTTP Range); never downloaded and decoded whole. */
  url: string;
  /** Precomputed peaks in 0..1, one channel. */
  peaks: number[];
  durationMs: number;
}

export interface WaveState {
  ready: boolean;
  playing: boolean;
  /** Current position, ms. */
  currentMs: number;
  error: string | null;
}

const INITIAL: WaveState = { ready: false, playing: false, currentMs: 0, error: null };

/**
 * One wavesurfer instance for `source` inside `container`: MediaElement backend with the precomputed peaks and
 * duration, colours from the antd theme (follows dark mode). Recreated when the source changes.
 */
export function useWaveSurfer(container: RefObject<HTMLDivElement | null>, source: WaveSource, height: number) {
  const { token } = theme.useToken();
  const ws = useRef<WaveSurfer | null>(null);
  // Tagged with the URL it belongs to, so a new source starts from INITIAL without resetting state in an effect.
  const [tagged, setTagged] = useState<WaveState & { url: string }>({ ...INITIAL, url: "" });
  const waveColor = token.colorTextQuaternary;
  const progressColor = token.colorPrimary;
  const cursorColor = token.colorPrimaryActive;
  const colours = useRef({ waveColor, progressColor, cursorColor });
  // Declared before the create effect, so a new instance starts with the current colours.
  useEffect(() => {
    colours.current = { waveColor, progressColor, cursorColor };
    ws.current?.setOptions(colours.current);
  }, [waveColor, progressColor, cursorColor]);

  const { url, peaks, durationMs } = source;
  const state: WaveState = tagged.url === url ? tagged : INITIAL;
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const setState = (f: (p: WaveState) => WaveState) =>
      setTagged((prev) => ({ ...f(prev.url === url ? prev : INITIAL), url }));
    const w = WaveSurfer.create({
      container: el,
      url,
      peaks: [peaks],
      duration: durationMs / 1000,
      backend: "MediaElement",
      height,
      barWidth: 2,
      barGap: 1,
      barRadius: 2,
      cursorWidth: 2,
      normalize: true,
      dragToSeek: true,
      ...colours.current,
    });
    ws.current = w;
    const at = (s: number) => Math.round(s * 10) * 100;
    const unsubs = [
      w.on("ready", () => setState((p) => ({ ...p, ready: true }))),
      w.on("play", () => setState((p) => ({ ...p, playing: true }))),
      w.on("pause", () => setState((p) => ({ ...p, playing: false }))),
      w.on("finish", () => setState((p) => ({ ...p, playing: false }))),
      w.on("timeupdate", (s) => setState((p) => (p.currentMs === at(s) ? p : { ...p, currentMs: at(s) }))),
      w.on("error", (e) => setState((p) => ({ ...p, playing: false, error: e instanceof Error ? e.message : String(e) }))),
    ];
    return () => {
      unsubs.forEach((u) => u());
      w.destroy();
      if (ws.current === w) ws.current = null;
    };
  }, [container, url, peaks, durationMs, height]);

  return { ws, state };
}
