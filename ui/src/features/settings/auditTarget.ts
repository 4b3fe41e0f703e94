const CJK = /[\u4e00-\u9fff]/;

/**
 * An audit entry's target is a stored, hash-chained record, not a message: entries the backend
 * words in both languages were written as one text "English / 中文" (a format the chain keeps for
 * every old row, so it cannot become `{ en, zh }` without breaking their hashes). This reads that
 * record format: the half in the UI language; a target that is not exactly two halves, one of
 * them Chinese (e.g. "A=+86 138****8000 / X=+8617000100000"), is shown whole.
 */
export function auditTarget(target: string, language: string): string {
  const halves = target.split(" / ");
  if (halves.length !== 2 || CJK.test(halves[0] ?? "") === CJK.test(halves[1] ?? "")) return target;
  const [en, zh] = CJK.test(halves[0] ?? "") ? [halves[1], halves[0]] : [halves[0], halves[1]];
  return (language.startsWith("zh") ? zh : en)?.trim() || target;
}
