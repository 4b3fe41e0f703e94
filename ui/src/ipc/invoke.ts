/**
 * The one way a command reaches the backend: Tauri's invoke inside the app, the browser mock in
 * `--mode mock`, a clear AppError anywhere else. Its own module so that tests which mock the typed
 * client (client.ts) leave the other wrappers' plumbing real.
 */
import { invoke } from "@tauri-apps/api/core";
import type { AppError } from "./bindings/AppError";
import { notInAppText, toAppError } from "./errors";

type Args = Record<string, unknown>;

export function insideTauri(): boolean {
  return typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
}

/** Invokes a command (the browser mock in `--mode mock`); rejects with an AppError. */
export async function call<T>(command: string, args?: Args): Promise<T> {
  // Statically false in production builds, so the mock and its import are dropped from the bundle.
  if (import.meta.env.MODE === "mock") {
    const { mockInvoke } = await import("./devMock");
    return mockInvoke<T>(command, args);
  }
  if (!insideTauri()) {
    const error: AppError = {
      code: "internal",
      message: notInAppText(`call "${command}"`, `调用“${command}”`),
    };
    throw error;
  }
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toAppError(e);
  }
}
