import { useSyncExternalStore } from "react";

const QUERY = "(prefers-color-scheme: dark)";

function media(): MediaQueryList | null {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" ? window.matchMedia(QUERY) : null;
}

function subscribe(onChange: () => void): () => void {
  const mq = media();
  if (!mq) return () => {};
  mq.addEventListener("change", onChange);
  return () => mq.removeEventListener("change", onChange);
}

const snapshot = () => media()?.matches ?? false;

/** Whether the OS currently prefers a dark colour scheme; re-renders live when it changes. */
export function useSystemDark(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
