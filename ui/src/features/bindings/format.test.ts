import { describe, expect, it } from "vitest";
import { nowrap } from "./format";

describe("nowrap columns", () => {
  it("returns a fresh props object per cell, so antd's sort click handler never leaks into other cells", () => {
    const [col] = nowrap([{ key: "a", title: "A", sorter: true }]);
    const h1 = col?.onHeaderCell?.({} as never);
    const h2 = col?.onHeaderCell?.({} as never);
    expect(h1).toEqual({ style: { whiteSpace: "nowrap" } });
    expect(h1).not.toBe(h2);
  });
});
