import { describe, expect, it } from "vitest";
import { pick } from "./format";

describe("pick", () => {
  it("shows the half of a backend message in the UI language", () => {
    const text = { en: "Link expired.", zh: "链接已失效。" };
    expect(pick(text, "en")).toBe("Link expired.");
    expect(pick(text, "zh-CN")).toBe("链接已失效。");
    expect(pick({ en: "2 entries", zh: "共 2 条记录" }, "en")).toBe("2 entries");
  });

  it("never splits text: a slash inside a message stays", () => {
    const text = { en: "AXB A=+86 138****8000 / X=+8617000100000", zh: "AXB A=+86 138****8000 / X=+8617000100000" };
    expect(pick(text, "en")).toBe("AXB A=+86 138****8000 / X=+8617000100000");
    expect(pick({ en: "a / b", zh: "a / b / 中" }, "zh-CN")).toBe("a / b / 中");
  });
});
