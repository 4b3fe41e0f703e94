import { EyeInvisibleOutlined, EyeOutlined } from "@ant-design/icons";
import { App, Button, Tooltip } from "antd";
import { useEffect, useState, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { useUnlock } from "../features/privacy/useUnlock";
import { pick } from "../i18n/format";
import { toAppError } from "../ipc/errors";
import { numberReveal } from "../ipc/privacy";
import { maskNumber } from "./phoneNumber";
import { errorText } from "../i18n/useText";

/** How long a revealed number stays visible. */
export const REVEAL_MS = 60_000;

interface Props {
  /** The full number; shown masked until the user reveals it. */
  number: string | null | undefined;
  /** Where it is shown, for the audit log: `calls`, `bindings`, `bindings.bulk`, … */
  context: string;
  /** Stable part of the eye button's test id: `reveal-<id>` (never the number itself). */
  id: string;
  /** Shown when there is no number. */
  empty?: string;
}

const pathOf = (hash: string) => hash.split("?")[0];

/**
 * A phone number, masked (`+86 138****8000`), with an eye button that reveals it: each reveal is one audited
 * `number_reveal` call; when the app lock is locked it asks for the passphrase first. The full number shows
 * until the page changes or REVEAL_MS pass, or the user hides it again.
 */
export function MaskedNumber({ number, context, id, empty = "" }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { requireUnlock } = useUnlock();
  // Keyed by the number, so a reused cell showing another number starts masked.
  const [revealed, setRevealed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = revealed !== null && revealed === number;

  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setRevealed(null), REVEAL_MS);
    const path = pathOf(window.location.hash);
    const onHash = () => {
      if (pathOf(window.location.hash) !== path) setRevealed(null);
    };
    window.addEventListener("hashchange", onHash);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("hashchange", onHash);
    };
  }, [shown]);

  if (!number) return <>{empty}</>;

  const reveal = async () => {
    setBusy(true);
    try {
      await numberReveal(context, number);
      setRevealed(number);
    } catch (e) {
      const err = toAppError(e);
      if (err.code === "locked") {
        if (await requireUnlock()) {
          try {
            await numberReveal(context, number);
            setRevealed(number);
          } catch (again) {
            void message.error(errorText(again));
          }
        }
      } else {
        void message.error(pick(err.message, i18n.language));
      }
    } finally {
      setBusy(false);
    }
  };

  const onClick = (e: MouseEvent) => {
    // Numbers sit in clickable table rows: the eye must not open the row.
    e.stopPropagation();
    if (shown) setRevealed(null);
    else void reveal();
  };

  const label = shown ? t("privacy.hideNumber") : t("privacy.showNumber");
  return (
    <span className="masked-number" style={{ display: "inline-flex", alignItems: "center", gap: 2 }}>
      <span data-revealed={shown || undefined}>{shown ? number : maskNumber(number)}</span>
      <Tooltip title={label} trigger={["hover", "focus"]}>
        <Button
          type="text"
          size="small"
          aria-label={label}
          aria-pressed={shown}
          icon={shown ? <EyeInvisibleOutlined /> : <EyeOutlined />}
          loading={busy}
          onClick={onClick}
          data-testid={`reveal-${id}`}
          style={{ width: 22, height: 22, minWidth: 22, padding: 0 }}
        />
      </Tooltip>
    </span>
  );
}
