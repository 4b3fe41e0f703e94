/**
 * Fake audio for the browser mock (devMockRecordings.ts): speech-like peaks and a matching 8 kHz 8-bit WAV as a
 * blob URL, so the player can be tried without the app. Never part of a production build.
 */

/** Deterministic peaks in 0..1: bursts of "speech" with pauses between turns. */
export function mockPeaks(seed: number, buckets: number): number[] {
  let x = seed * 9301 + 49297;
  const rand = () => {
    x = (x * 9301 + 49297) % 233280;
    return x / 233280;
  };
  const out: number[] = [];
  let talking = true;
  let left = 10;
  for (let i = 0; i < buckets; i++) {
    if (--left <= 0) {
      talking = !talking;
      left = talking ? 8 + Math.floor(rand() * 30) : 2 + Math.floor(rand() * 8);
    }
    out.push(talking ? 0.25 + rand() * 0.7 : rand() * 0.06);
  }
  return out;
}

const urls = new Map<string, string>();

/** A blob URL of a WAV `seconds` long whose loudness follows `mockPeaks(seed)`. */
export function mockWavUrl(key: string, seconds: number, seed: number): string {
  const cached = urls.get(key);
  if (cached) return cached;
  const rate = 8000;
  const n = Math.max(1, Math.round(Math.min(seconds, 1800) * rate));
  const peaks = mockPeaks(seed, 600);
  const buf = new ArrayBuffer(44 + n);
  const v = new DataView(buf);
  const text = (at: number, s: string) => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  text(0, "RIFF");
  v.setUint32(4, 36 + n, true);
  text(8, "WAVE");
  text(12, "fmt ");
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, 1, true); // mono
  v.setUint32(24, rate, true);
  v.setUint32(28, rate, true);
  v.setUint16(32, 1, true);
  v.setUint16(34, 8, true);
  text(36, "data");
  v.setUint32(40, n, true);
  for (let i = 0; i < n; i++) {
    const env = peaks[Math.min(peaks.length - 1, Math.floor((i / n) * peaks.length))] ?? 0;
    const t = i / rate;
    const s = Math.sin(2 * Math.PI * 180 * t) * 0.6 + Math.sin(2 * Math.PI * 410 * t) * 0.3;
    v.setUint8(44 + i, Math.round(128 + 100 * env * s));
  }
  const url = URL.createObjectURL(new Blob([buf], { type: "audio/wav" }));
  urls.set(key, url);
  return url;
}
