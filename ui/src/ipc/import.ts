/** Typed wrappers around `commands/import.rs`: importing CDR files. */
import type { FileReport } from "./bindings/FileReport";
import type { ImportProgress } from "./bindings/ImportProgress";
import { call, channel } from "./invoke";

/** Imports files and folders; `onProgress` hears after every batch. Resolves with one report per file. */
export const importStart = (paths: string[], onProgress: (p: ImportProgress) => void): Promise<FileReport[]> =>
  call("import_start", { paths, onProgress: channel(onProgress) });
/** Stops the running import after its current batch (what was committed stays). */
export const importCancel = (): Promise<null> => call("import_cancel");
