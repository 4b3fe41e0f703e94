import { createContext, useContext } from "react";

export interface UnlockApi {
  /**
   * Asks for the app-lock passphrase in a modal (one at a time: callers while it is open share it).
   * Resolves true once the backend has unlocked the app, false if the user cancels. Call it when a command
   * fails with code `locked` (number_reveal, recording_playback), then retry the command if it resolved true.
   */
  requireUnlock: () => Promise<boolean>;
}

/** Outside an UnlockProvider (isolated component tests) there is no dialog: nothing unlocks. */
export const UnlockContext = createContext<UnlockApi>({ requireUnlock: () => Promise.resolve(false) });

/** `const { requireUnlock } = useUnlock()`: the app-wide unlock dialog (mounted once in app/Root.tsx). */
export const useUnlock = (): UnlockApi => useContext(UnlockContext);
