import { describe, expect, it } from "vitest";
import { backendMessage } from "./format";

describe("backendMessage", () => {
  it("shows the half of an 'English / 中文' message in the UI language, whichever side comes first", () => {
    expect(backendMessage("Link expired. / 链接已失效。", "en")).toBe("Link expired.");
    expect(backendMessage("Link expired. / 链接已失效。", "zh-CN")).toBe("链接已失效。");
    expect(backendMessage("共 2 条记录 / 2 entries", "en")).toBe("2 entries");
  });

  it("keeps text whole unless it is exactly two halves, one of them Chinese", () => {
    expect(backendMessage("no halves here", "zh-CN")).toBe("no halves here");
    expect(backendMessage("AXB A=+86 138****8000 / X=+8617000100000", "en")).toBe("AXB A=+86 138****8000 / X=+8617000100000");
    expect(backendMessage("a / b / 中", "zh-CN")).toBe("a / b / 中");
  });
});
