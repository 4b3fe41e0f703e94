import { describe, expect, it } from "vitest";
import { assign, fieldOfColumn, missingFields, unbindReady } from "./mapping";

const headers = ["A号码 A", "B号码 B", "备注", "X"];
const detected = {
  columns: [
    { field: "a" as const, column: 0, header: "A号码 A" },
    { field: "b" as const, column: 1, header: "B号码 B" },
  ],
};

describe("mapping editor", () => {
  it("reads the detected field of each column", () => {
    expect(fieldOfColumn(detected, 1)).toBe("b");
    expect(fieldOfColumn(detected, 2)).toBeNull();
  });

  it("moves a field to the newly chosen column and keeps columns in order", () => {
    const m = assign(detected, headers, 2, "b");
    expect(m.columns).toEqual([
      { field: "a", column: 0, header: "A号码 A" },
      { field: "b", column: 2, header: "备注" },
    ]);
    expect(missingFields(m, ["a", "b"])).toEqual([]);
  });

  it("ignoring a column makes its required field missing", () => {
    const m = assign(detected, headers, 0, null);
    expect(missingFields(m, ["a", "b"])).toEqual(["a"]);
  });

  it("unbind needs a subscription id, or A and X", () => {
    expect(unbindReady(detected)).toBe(false);
    expect(unbindReady(assign(detected, headers, 3, "x"))).toBe(true);
    expect(unbindReady({ columns: [{ field: "subscriptionId", column: 0, header: "id" }] })).toBe(true);
  });
});
