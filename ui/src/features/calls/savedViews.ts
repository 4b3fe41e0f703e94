/**
 * Saved views of the Calls page (filter + visible columns) in localStorage. They hold only what the user typed
 * or chose; nothing from the database. A damaged entry is ignored.
 */
import { EMPTY_FILTER, type CallsFilterState } from "./filters";

export const VIEWS_KEY = "maskline.calls.views";
export const COLUMNS_KEY = "maskline.calls.columns";

export interface SavedView {
  name: string;
  filter: CallsFilterState;
  columns: string[];
}

function read<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

export function loadViews(): SavedView[] {
  const views = read<unknown>(VIEWS_KEY, []);
  if (!Array.isArray(views)) return [];
  return views
    .filter((v): v is SavedView => typeof v === "object" && v !== null && typeof (v as SavedView).name === "string")
    .map((v) => ({ name: v.name, filter: { ...EMPTY_FILTER, ...v.filter }, columns: Array.isArray(v.columns) ? v.columns : [] }));
}

/** Adds or replaces (by name) a view; returns the new list. */
export function saveView(view: SavedView): SavedView[] {
  const views = [...loadViews().filter((v) => v.name !== view.name), view];
  localStorage.setItem(VIEWS_KEY, JSON.stringify(views));
  return views;
}

export function deleteView(name: string): SavedView[] {
  const views = loadViews().filter((v) => v.name !== name);
  localStorage.setItem(VIEWS_KEY, JSON.stringify(views));
  return views;
}

export const loadColumns = (fallback: string[]): string[] => {
  const c = read<unknown>(COLUMNS_KEY, fallback);
  return Array.isArray(c) && c.every((x) => typeof x === "string") ? c : fallback;
};
export const saveColumns = (columns: string[]) => localStorage.setItem(COLUMNS_KEY, JSON.stringify(columns));
