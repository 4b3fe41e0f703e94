/**
 * Phone numbers as the backend sees them: a small mirror of the Rust `PhoneNumber::parse` rules
 * (domain/src/phone.rs), so forms can say what is wrong while the user types, and the one masking
 * function of the UI, the same as the Rust `mask_number` (domain/src/calls.rs) that exports and the audit log use.
 * The backend validates again; this is only for immediate feedback and display.
 */
export type PhoneCheck = { ok: true; e164: string } | { ok: false; reason: PhoneProblem };
export type PhoneProblem = "empty" | "character" | "country" | "length" | "prefix";
type PhoneKind = "mobile" | "service" | "fixed";

/** Area codes 10 and 20–29 have two digits; all others three. */
const areaLen = (n: string) => (n.startsWith("10") || n.startsWith("2") ? 2 : 3);

function kindOf(n: string): PhoneKind | PhoneProblem {
  const first = n[0];
  if (first === undefined) return "empty";
  if (first === "1" && !n.startsWith("10")) {
    if (n.length !== 11) return "length";
    return /[3-9]/.test(n[1] ?? "") ? "mobile" : "prefix";
  }
  if (n.startsWith("400")) return n.length === 10 ? "service" : "length";
  if (n.startsWith("95") && n.length >= 5 && n.length <= 8) return "service";
  if (/[1-9]/.test(first)) {
    const subscriber = n.length - areaLen(n);
    return subscriber >= 7 && subscriber <= 8 ? "fixed" : "length";
  }
  return "prefix";
}

/** The national number (without +86) and its kind, or why it is not a Chinese number. */
function parse(input: string): { national: string; kind: PhoneKind } | PhoneProblem {
  let cleaned = "";
  const trimmed = input.trim();
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i] as string;
    if (c >= "0" && c <= "9") cleaned += c;
    else if (c === "+" && i === 0) cleaned += c;
    else if (!" -().\u00a0".includes(c)) return "character";
  }
  if (!cleaned) return "empty";
  let national: string;
  const intl = cleaned.startsWith("+") ? cleaned.slice(1) : cleaned.startsWith("00") ? cleaned.slice(2) : null;
  if (intl !== null) {
    if (!intl.startsWith("86")) return "country";
    // Tolerate `+86 (0)755…`: a trunk 0 written after the country code.
    national = intl.slice(2).replace(/^0/, "");
  } else if (cleaned.length === 13 && cleaned.startsWith("861")) {
    national = cleaned.slice(2);
  } else {
    national = cleaned.replace(/^0/, "");
  }
  const kind = kindOf(national);
  return kind === "mobile" || kind === "service" || kind === "fixed" ? { national, kind } : kind;
}

/** Normalises what a person typed (`138 0013 8000`, `+86 138-0013-8000`, `0755 8888 1234`) to `+86…`. */
export function checkPhone(input: string): PhoneCheck {
  const p = parse(input);
  return typeof p === "string" ? { ok: false, reason: p } : { ok: true, e164: `+86${p.national}` };
}

/**
 * A number for display with its middle hidden, exactly like the backend's `mask_number`:
 * Chinese numbers in any format become `+86 138****8000` (fixed lines keep their area code: `+86 755****1234`);
 * anything else keeps its first 3 and last 4 characters (`+14*****0100`), and 7 characters or fewer are all stars.
 * Empty, null and undefined give "".
 */
export function maskNumber(value: string | null | undefined): string {
  if (!value) return "";
  const p = parse(value);
  if (typeof p !== "string") {
    const n = p.national;
    const head = p.kind === "fixed" ? areaLen(n) : 3;
    const tail = Math.min(4, Math.max(0, n.length - head));
    const hidden = n.length - head - tail;
    return `+86 ${n.slice(0, head)}${"*".repeat(hidden)}${n.slice(n.length - tail)}`;
  }
  const chars = [...value];
  if (chars.length <= 7) return "*".repeat(chars.length);
  return `${chars.slice(0, 3).join("")}${"*".repeat(chars.length - 7)}${chars.slice(-4).join("")}`;
}
