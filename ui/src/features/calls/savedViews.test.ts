import { beforeEach, describe, expect, it } from "vitest";
import { EMPTY_FILTER } from "./filters";
import { deleteView, loadColumns, loadViews, saveColumns, saveView, VIEWS_KEY } from "./savedViews";

describe("saved views", () => {
  beforeEach(() => localStorage.clear());

  it("saves, replaces by name and deletes", () => {
    saveView({ name: "Busy today", filter: { ...EMPTY_FILTER, range: "today", outcomes: ["calleeBusy"] }, columns: ["start"] });
    saveView({ name: "Busy today", filter: { ...EMPTY_FILTER, range: "yesterday" }, columns: [] });
    saveView({ name: "Long calls", filter: { ...EMPTY_FILTER, minTalk: 600 }, columns: [] });
    expect(loadViews().map((v) => [v.name, v.filter.range])).toEqual([
      ["Busy today", "yesterday"],
      ["Long calls", "all"],
    ]);
    expect(deleteView("Busy today").map((v) => v.name)).toEqual(["Long calls"]);
  });

  it("ignores damaged storage and fills filters saved by older versions", () => {
    localStorage.setItem(VIEWS_KEY, "{not json");
    expect(loadViews()).toEqual([]);
    localStorage.setItem(VIEWS_KEY, JSON.stringify([{ name: "old", filter: { number: "8000" } }, 42, null]));
    const [old] = loadViews();
    expect(old?.filter).toEqual({ ...EMPTY_FILTER, number: "8000" });
    expect(old?.columns).toEqual([]);
  });

  it("remembers the visible columns", () => {
    expect(loadColumns(["start", "caller"])).toEqual(["start", "caller"]);
    saveColumns(["start", "outcome"]);
    expect(loadColumns(["start"])).toEqual(["start", "outcome"]);
  });
});
