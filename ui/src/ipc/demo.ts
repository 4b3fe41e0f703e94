/** Typed wrappers around `commands/demo.rs`. */
import type { DemoStatus } from "./bindings/DemoStatus";
import { call } from "./invoke";

/** Starts the demo (first time: creates its accounts, numbers, bindings and calls); resolves when it is ready. */
export const demoStart = (): Promise<DemoStatus> => call("demo_start");
/** Stops the demo's simulator and removes every demo account and its data. */
export const demoLeave = (): Promise<DemoStatus> => call("demo_leave");
export const demoStatus = (): Promise<DemoStatus> => call("demo_status");
