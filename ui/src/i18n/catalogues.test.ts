import { describe, expect, it } from "vitest";
import en from "./en.json";
import zhCN from "./zh-CN.json";

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  it("zh-CN and en define exactly the same ids", () => {
    const missingInZh = Object.keys(en).filter((k) => !(k in zhCN));
    const missingInEn = Object.keys(zhCN).filter((k) => !(k in en));
    expect(missingInZh, "ids present in en.json but missing from zh-CN.json").toEqual([]);
    expect(missingInEn, "ids present in zh-CN.json but missing from en.json").toEqual([]);
  });

  it("every message has text and the same {{placeholders}} in both languages", () => {
    for (const [id, text] of Object.entries(en)) {
      const zh = (zhCN as Record<string, string>)[id] ?? "";
      expect(text.trim(), `en "${id}" is empty`).not.toBe("");
      expect(zh.trim(), `zh-CN "${id}" is empty`).not.toBe("");
      expect(placeholders(zh), `placeholders differ for "${id}"`).toEqual(placeholders(text));
    }
  });

  it("ids are stable dotted names", () => {
    for (const id of Object.keys(en)) expect(id, `bad id "${id}"`).toMatch(/^[a-z][a-zA-Z]*(\.[a-zA-Z][a-zA-Z-]*)+$/);
  });
});
