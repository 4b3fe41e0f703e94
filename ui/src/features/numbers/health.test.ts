import { describe, expect, it } from "vitest";
import type { NumberStats } from "../../ipc/bindings/NumberStats";
import { matchesSearch, percentLabel, splitTyped, usedPercent } from "./health";

const stats: NumberStats = {
  number: { id: 1, accountId: 1, number: "+8617000100000", city: "0755", carrier: "CMCC", tags: ["vip"], poolId: 1, pool: "shenzhen" },
  bindings: 3,
  capacity: 5000,
  capacityLeft: 4997,
  expiring: 0,
  calls7d: 2,
  calls30d: 9,
  lastCallAt: null,
  health: "busy",
};

describe("numbers page helpers", () => {
  it("splits typed numbers on lines, commas (also full-width) and semicolons", () => {
    expect(splitTyped("170 0010 0000\n17000100001, 17000100002；17000100003\n\n")).toEqual([
      "170 0010 0000",
      "17000100001",
      "17000100002",
      "17000100003",
    ]);
  });
  it("searches digits, city, carrier, pool and tags", () => {
    expect(matchesSearch(stats, "0010")).toBe(true);
    expect(matchesSearch(stats, "+86 170")).toBe(true);
    expect(matchesSearch(stats, "SHEN")).toBe(true);
    expect(matchesSearch(stats, "vip")).toBe(true);
    expect(matchesSearch(stats, "0999")).toBe(false);
    expect(matchesSearch(stats, "")).toBe(true);
  });
  it("shows utilisation with one decimal", () => {
    expect(usedPercent(0.91234)).toBe(91.2);
    expect(percentLabel(1 / 5000)).toBe("<0.1 %");
    expect(percentLabel(0)).toBe("0 %");
  });
});
