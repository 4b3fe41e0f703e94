import { useEffect } from "react";

/**
 * Subscribes while mounted to a backend event whose listener is registered asynchronously (Tauri's `listen`
 * resolves with the unsubscribe function). Unmounting before it resolves still unsubscribes.
 * `subscribe` should be stable (useCallback) or the subscription is renewed on every render.
 */
export function useBackendListener(subscribe: () => Promise<() => void>) {
  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let gone = false;
    void subscribe().then((stop) => {
      if (gone) stop();
      else unlisten = stop;
    });
    return () => {
      gone = true;
      unlisten?.();
    };
  }, [subscribe]);
}
