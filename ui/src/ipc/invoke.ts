/**
 * The plumbing every command wrapper uses: Tauri's invoke inside the app, a clear AppError anywhere else.
 * With bindings/ (generated), the only code that knows about Tauri's IPC; nothing outside src/ipc/ imports
 * @tauri-apps/*. A module of its own so that tests which mock an area's wrappers (accounts.ts, calls.ts, …)
 * leave the plumbing real.
 */
import { Channel, invoke } from "@tauri-apps/api/core";
import type { AppError } from "./bindings/AppError";
import type { Command } from "./bindings/Command";
import { notInAppText, toAppError } from "./errors";

export type { Command };

type Args = Record<string, unknown>;

export function insideTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

/** The error for something only the desktop app can do (`what`: "open a file dialog", …, in both languages). */
export function notInApp(what: string, whatZh: string): AppError {
  return { code: "internal", message: notInAppText(what, whatZh) };
}

/** Invokes a registered command (the generated `Command` union); rejects with an AppError. */
export async function call<T>(command: Command, args?: Args): Promise<T> {
  if (!insideTauri()) throw notInApp(`call "${command}"`, `调用“${command}”`);
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toAppError(e);
  }
}

/** A progress channel for a command's `onProgress` argument (the bare callback outside the app). */
export function channel<T>(onMessage: (m: T) => void): unknown {
  if (!insideTauri()) return onMessage;
  const ch = new Channel<T>();
  ch.onmessage = onMessage;
  return ch;
}

/** True in `tauri build --debug` / `tauri dev` builds: test-only hooks are registered there and nowhere else. */
export const isDebugBuild = (): boolean => import.meta.env.TAURI_ENV_DEBUG === "true";
