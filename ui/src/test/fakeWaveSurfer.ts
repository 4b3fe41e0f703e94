/**
 * A stand-in for wavesurfer.js in vitest (jsdom has no canvas or media playback). Use with
 * `vi.mock("wavesurfer.js", () => import("../../test/fakeWaveSurfer"))`; `FakeWaveSurfer.last` is the newest instance.
 */
type Handler = (...args: unknown[]) => void;

export class FakeWaveSurfer {
  static instances: FakeWaveSurfer[] = [];
  static get last(): FakeWaveSurfer | undefined {
    return FakeWaveSurfer.instances[FakeWaveSurfer.instances.length - 1];
  }
  static create(options: Record<string, unknown>) {
    const w = new FakeWaveSurfer(options);
    FakeWaveSurfer.instances.push(w);
    return w;
  }

  options: Record<string, unknown>;
  time = 0;
  rate = 1;
  volume = 1;
  playing = false;
  destroyed = false;
  private handlers = new Map<string, Set<Handler>>();

  constructor(options: Record<string, unknown>) {
    this.options = options;
  }
  on(event: string, h: Handler) {
    const set = this.handlers.get(event) ?? new Set<Handler>();
    set.add(h);
    this.handlers.set(event, set);
    return () => set.delete(h);
  }
  emit(event: string, ...args: unknown[]) {
    this.handlers.get(event)?.forEach((h) => h(...args));
  }
  getDuration() {
    return Number(this.options.duration ?? 0);
  }
  getCurrentTime() {
    return this.time;
  }
  setTime(t: number) {
    this.time = t;
    this.emit("timeupdate", t);
  }
  async play() {
    this.playing = true;
    this.emit("play");
  }
  pause() {
    this.playing = false;
    this.emit("pause");
  }
  async playPause() {
    if (this.playing) this.pause();
    else await this.play();
  }
  setPlaybackRate(r: number) {
    this.rate = r;
  }
  setVolume(v: number) {
    this.volume = v;
  }
  setOptions(o: Record<string, unknown>) {
    this.options = { ...this.options, ...o };
  }
  destroy() {
    this.destroyed = true;
  }
}

export default FakeWaveSurfer;
