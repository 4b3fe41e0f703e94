import { describe, expect, it } from "vitest";
import { activeFilterCount, EMPTY_FILTER, numberSearchOk, rangeBounds, toCallFilter, toCallSort } from "./filters";

const NOW = new Date(2026, 10, 25, 14, 30, 0); // 25 Nov 2026 14:30 local time
const local = (y: number, m: number, d: number) => Math.floor(new Date(y, m, d).getTime() / 1000);

describe("time range presets", () => {
  it("are whole local days and months, end exclusive", () => {
    expect(rangeBounds("today", NOW)).toEqual({ from: local(2026, 10, 25), to: local(2026, 10, 26) });
    expect(rangeBounds("yesterday", NOW)).toEqual({ from: local(2026, 10, 24), to: local(2026, 10, 25) });
    expect(rangeBounds("week", NOW), "last 7 days includes today").toEqual({ from: local(2026, 10, 19), to: local(2026, 10, 26) });
    expect(rangeBounds("month", NOW)).toEqual({ from: local(2026, 10, 1), to: local(2026, 11, 1) });
    expect(rangeBounds("all", NOW)).toEqual({ from: null, to: null });
  });

  it("crosses a year boundary in January and December", () => {
    const jan1 = new Date(2027, 0, 1, 9);
    expect(rangeBounds("yesterday", jan1)).toEqual({ from: local(2026, 11, 31), to: local(2027, 0, 1) });
    expect(rangeBounds("month", new Date(2026, 11, 15))).toEqual({ from: local(2026, 11, 1), to: local(2027, 0, 1) });
  });

  it("custom uses the picked range, or none until both ends are picked", () => {
    expect(rangeBounds("custom", NOW, [100, 200])).toEqual({ from: 100, to: 200 });
    expect(rangeBounds("custom", NOW, null)).toEqual({ from: null, to: null });
  });
});

describe("filter → query", () => {
  it("an empty filter restricts nothing", () => {
    expect(toCallFilter(EMPTY_FILTER, NOW)).toEqual({
      from: null,
      to: null,
      number: null,
      numberMatch: null,
      xNumber: null,
      subscriptionId: null,
      appKey: null,
      direction: null,
      answered: null,
      outcomes: [],
      minTalkSeconds: null,
      maxTalkSeconds: null,
      hasRecording: null,
    });
  });

  it("sends the number as typed (the backend detects full / part / last digits), trimmed", () => {
    expect(toCallFilter({ ...EMPTY_FILTER, number: " 8000 " }, NOW).number).toBe("8000");
    expect(toCallFilter({ ...EMPTY_FILTER, number: "+86 138-0013-8000" }, NOW).number).toBe("+86 138-0013-8000");
    expect(toCallFilter({ ...EMPTY_FILTER, number: " - " }, NOW).number, "no digits = no number filter").toBeNull();
  });

  it("maps every field and swaps a reversed duration range", () => {
    const f = toCallFilter(
      {
        ...EMPTY_FILTER,
        range: "today",
        xNumber: " +8617000000001 ",
        subscriptionId: "sub-1",
        direction: "fromA",
        answered: false,
        outcomes: ["calleeBusy", "calleeNoAnswer"],
        minTalk: 60,
        maxTalk: 10,
        hasRecording: true,
      },
      NOW,
    );
    expect(f).toMatchObject({
      from: local(2026, 10, 25),
      to: local(2026, 10, 26),
      xNumber: "+8617000000001",
      subscriptionId: "sub-1",
      direction: "fromA",
      answered: false,
      outcomes: ["calleeBusy", "calleeNoAnswer"],
      minTalkSeconds: 10,
      maxTalkSeconds: 60,
      hasRecording: true,
    });
  });

  it("counts active filters for the reset button", () => {
    expect(activeFilterCount(EMPTY_FILTER)).toBe(0);
    expect(activeFilterCount({ ...EMPTY_FILTER, number: "8000", answered: true, minTalk: 5, maxTalk: 9 })).toBe(3);
  });
});

describe("table sorter → query sort", () => {
  it("maps columns and falls back to newest first", () => {
    expect(toCallSort("talk", "ascend")).toEqual({ column: "talkSeconds", descending: false });
    expect(toCallSort("x", "descend")).toEqual({ column: "xNumber", descending: true });
    expect(toCallSort("talk", null)).toEqual({ column: "startTime", descending: true });
    expect(toCallSort("direction", "ascend"), "not sortable").toEqual({ column: "startTime", descending: true });
  });
});

describe("number search", () => {
  it("needs a digit, ASCII or full-width; blank means no number filter", () => {
    expect(numberSearchOk("")).toBe(true);
    expect(numberSearchOk("  ")).toBe(true);
    expect(numberSearchOk("8000")).toBe(true);
    expect(numberSearchOk("１３８")).toBe(true);
    expect(numberSearchOk("abc")).toBe(false);
    expect(numberSearchOk("' OR ''='")).toBe(false);
    expect(numberSearchOk("一三八")).toBe(false);
  });
});
