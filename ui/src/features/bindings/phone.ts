/**
 * A small mirror of the Rust `PhoneNumber::parse` rules (domain/src/phone.rs), so forms can say what is
 * wrong while the user types. The backend validates again; this is only for immediate feedback.
 */
export type PhoneCheck = { ok: true; e164: string } | { ok: false; reason: PhoneProblem };
export type PhoneProblem = "empty" | "character" | "country" | "length" | "prefix";

const areaLen = (n: string) => (n.startsWith("10") || n.startsWith("2") ? 2 : 3);

function kindOk(n: string): PhoneProblem | null {
  const first = n[0];
  if (first === undefined) return "empty";
  if (first === "1" && !n.startsWith("10")) {
    if (n.length !== 11) return "length";
    return /[3-9]/.test(n[1] ?? "") ? null : "prefix";
  }
  if (n.startsWith("400")) return n.length === 10 ? null : "length";
  if (n.startsWith("95") && n.length >= 5 && n.length <= 8) return null;
  if (/[1-9]/.test(first)) {
    const subscriber = n.length - areaLen(n);
    return subscriber >= 7 && subscriber <= 8 ? null : "length";
  }
  return "prefix";
}

/** Normalises what a person typed (`138 0013 8000`, `+86 138-0013-8000`, `0755 8888 1234`) to `+86…`. */
export function checkPhone(input: string): PhoneCheck {
  let cleaned = "";
  const trimmed = input.trim();
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i] as string;
    if (c >= "0" && c <= "9") cleaned += c;
    else if (c === "+" && i === 0) cleaned += c;
    else if (!" -().\u00a0".includes(c)) return { ok: false, reason: "character" };
  }
  if (!cleaned) return { ok: false, reason: "empty" };
  let national: string;
  const intl = cleaned.startsWith("+") ? cleaned.slice(1) : cleaned.startsWith("00") ? cleaned.slice(2) : null;
  if (intl !== null) {
    if (!intl.startsWith("86")) return { ok: false, reason: "country" };
    national = intl.slice(2).replace(/^0/, "");
  } else if (cleaned.length === 13 && cleaned.startsWith("861")) {
    national = cleaned.slice(2);
  } else {
    national = cleaned.replace(/^0/, "");
  }
  const problem = kindOk(national);
  return problem ? { ok: false, reason: problem } : { ok: true, e164: `+86${national}` };
}

/** `+86 138****8000` (fixed lines keep their area code), like the backend's masking. Non-numbers pass through. */
export function maskNumber(value: string | null | undefined): string {
  if (!value) return "";
  if (!value.startsWith("+86")) return value;
  const n = value.slice(3);
  const fixed = !n.startsWith("1") || n.startsWith("10");
  const head = fixed && !n.startsWith("400") && !n.startsWith("95") ? areaLen(n) : 3;
  const tail = Math.min(4, Math.max(0, n.length - head));
  const hidden = Math.max(0, n.length - head - tail);
  return `+86 ${n.slice(0, head)}${"*".repeat(hidden)}${n.slice(n.length - tail)}`;
}
