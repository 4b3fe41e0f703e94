import type { TFunction } from "i18next";

/** Columns of the Calls table, in display order; the column chooser shows or hides them. */
export const ALL_COLUMNS = ["start", "direction", "caller", "callee", "x", "binding", "talk", "outcome", "recording"] as const;
export type ColumnKey = (typeof ALL_COLUMNS)[number];
export const DEFAULT_COLUMNS: ColumnKey[] = ["start", "direction", "caller", "callee", "x", "talk", "outcome", "recording"];

export const columnTitle = (t: TFunction, key: ColumnKey, zone: string): string =>
  key === "start" ? t("calls.col.start", { zone }) : t(`calls.col.${key}`);
