/** What is wrong with the passphrase form, as i18n ids (null: fine). Mirrors the backend's 6-character minimum. */
export const MIN_PASSPHRASE = 6;

export type PassphraseProblem = "privacy.lock.tooShort" | "privacy.lock.mismatch" | "privacy.lock.currentMissing";

export function passphraseProblems(f: {
  current: string;
  next: string;
  confirm: string;
  asksCurrent: boolean;
  asksNew: boolean;
  /** After Save: empty fields count too. Before: only what has been typed is judged. */
  submitted: boolean;
}): { current: PassphraseProblem | null; next: PassphraseProblem | null; confirm: PassphraseProblem | null } {
  const current = f.asksCurrent && f.submitted && !f.current ? "privacy.lock.currentMissing" : null;
  if (!f.asksNew) return { current, next: null, confirm: null };
  const short = [...f.next].length < MIN_PASSPHRASE;
  const next = short && (f.submitted || f.next.length > 0) ? "privacy.lock.tooShort" : null;
  // While typing the confirmation, only a wrong character or a finished different one is a mismatch.
  const typedWrong = f.confirm.length >= f.next.length || !f.next.startsWith(f.confirm);
  const confirm = f.confirm !== f.next && (f.submitted || (f.confirm.length > 0 && typedWrong)) ? "privacy.lock.mismatch" : null;
  return { current, next, confirm };
}
