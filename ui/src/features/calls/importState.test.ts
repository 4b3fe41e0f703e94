import { describe, expect, it } from "vitest";
import type { FileReport } from "../../ipc/bindings/FileReport";
import type { ImportProgress } from "../../ipc/bindings/ImportProgress";
import { baseName, firstErrors, IDLE, importReducer, percent, totals, type ImportState } from "./importState";

const progress = (over: Partial<ImportProgress> = {}): ImportProgress => ({
  fileIndex: 0,
  files: 2,
  path: "/cdr/a.jsonl",
  records: 10000,
  bytes: 250,
  bytesTotal: 1000,
  recordsPerSec: 40000,
  ...over,
});
const report = (over: Partial<FileReport> = {}): FileReport => ({
  path: "/cdr/a.jsonl",
  new: 10,
  duplicate: 2,
  rejected: 0,
  errors: [],
  status: "done",
  error: null,
  bytes: 500,
  ...over,
});

describe("import progress reducer", () => {
  it("runs, reports progress, and finishes with the reports", () => {
    let s: ImportState = importReducer(IDLE, { type: "start", paths: ["/cdr"] });
    expect(s).toEqual({ phase: "running", paths: ["/cdr"], progress: null, cancelling: false });
    expect(percent(s.phase === "running" ? s.progress : null)).toBeNull();
    s = importReducer(s, { type: "progress", progress: progress() });
    expect(s.phase === "running" && percent(s.progress)).toBe(25);
    const reports = [report()];
    s = importReducer(s, { type: "finished", reports });
    expect(s).toEqual({ phase: "done", paths: ["/cdr"], reports });
  });

  it("ignores a second start, late progress and closing while running", () => {
    const running = importReducer(IDLE, { type: "start", paths: ["/a"] });
    expect(importReducer(running, { type: "start", paths: ["/b"] })).toBe(running);
    expect(importReducer(running, { type: "close" }), "the modal cannot be closed mid-import").toBe(running);
    const done = importReducer(running, { type: "finished", reports: [] });
    expect(importReducer(done, { type: "progress", progress: progress() })).toBe(done);
    expect(importReducer(done, { type: "close" })).toEqual(IDLE);
  });

  it("marks cancelling, and keeps failures with their error", () => {
    const running = importReducer(IDLE, { type: "start", paths: ["/a"] });
    expect(importReducer(running, { type: "cancel" })).toMatchObject({ cancelling: true });
    expect(importReducer(IDLE, { type: "cancel" })).toBe(IDLE);
    const error = { code: "notFound" as const, message: { en: "/a does not exist", zh: "/a 不存在" } };
    expect(importReducer(running, { type: "failed", error })).toEqual({ phase: "failed", paths: ["/a"], error });
  });
});

describe("import results", () => {
  const reports = [
    report({ path: "/cdr/a.jsonl", new: 5, duplicate: 1 }),
    report({
      path: "C:\\cdr\\b.json",
      new: 3,
      rejected: 2,
      errors: [
        { line: 12, at: "feeLst[3]", field: "callInTime", reason: { en: "not a time", zh: "不是时间" } },
        { line: 40, at: "", field: null, reason: { en: "not valid JSON", zh: "不是有效的 JSON" } },
      ],
    }),
    report({ path: "/cdr/c.gz", new: 0, duplicate: 0, status: "failed", error: { en: "truncated gzip", zh: "gzip 被截断" }, errors: [] }),
  ];

  it("sums new, duplicate and rejected, and notices failures", () => {
    expect(totals(reports)).toEqual({ files: 3, new: 8, duplicate: 3, rejected: 2, cancelled: false, failedFiles: 1 });
    expect(totals([report({ status: "cancelled" })]).cancelled).toBe(true);
  });

  it("lists the first problems with file, line and field", () => {
    expect(firstErrors(reports, 2)).toEqual([
      { file: "C:\\cdr\\b.json", line: 12, at: "feeLst[3]", field: "callInTime", reason: { en: "not a time", zh: "不是时间" } },
      { file: "C:\\cdr\\b.json", line: 40, at: "", field: null, reason: { en: "not valid JSON", zh: "不是有效的 JSON" } },
    ]);
    expect(firstErrors(reports, 10).at(-1)).toEqual({ file: "/cdr/c.gz", line: 0, at: "", field: null, reason: { en: "truncated gzip", zh: "gzip 被截断" } });
    expect(baseName("C:\\cdr\\b.json")).toBe("b.json");
    expect(baseName("/cdr/a.jsonl")).toBe("a.jsonl");
  });
});
