import { App, Button } from "antd";
import { useTranslation } from "react-i18next";
import type { CachedBinding } from "../../ipc/bindings/CachedBinding";
import { toAppError } from "../../ipc/errors";
import { useBind, useUnbind } from "../../queries/bindings";
import { rebindForm } from "./forms";
import { maskNumber } from "./phone";
import { resultCodeOf } from "./answer";
import { useText } from "../../i18n/useText";

/**
 * Unbind after a confirmation; the success toast offers Undo, which binds again with the same parameters
 * (same A, B, X, duration, direction, recording, user data). Resolves when the confirmation closes.
 */
export function useUnbindWithUndo() {
  const { t } = useTranslation();
  const txt = useText();
  const { modal, message } = App.useApp();
  const unbind = useUnbind();
  const bind = useBind();

  const failed = (key: string, e: unknown) => {
    const err = toAppError(e);
    const code = resultCodeOf(err.message.en);
    void message.error({
      key,
      duration: 8,
      content: `${t(key === "undo" ? "bindings.undo.failed" : "bindings.unbind.failed")} ${txt(err.message)}${code ? ` (${t("bindings.answer.code", { code })})` : ""}`,
    });
  };

  const undo = async (b: CachedBinding) => {
    message.destroy("unbind");
    try {
      const out = await bind.mutateAsync(rebindForm(b));
      void message.success({ key: "undo", content: t("bindings.undo.done", { x: out.x ?? b.x ?? "—" }) });
    } catch (e) {
      failed("undo", e);
    }
  };

  const run = async (b: CachedBinding) => {
    try {
      await unbind.mutateAsync(b.subscriptionId);
    } catch (e) {
      failed("unbind", e);
      return;
    }
    void message.success({
      key: "unbind",
      duration: 10,
      content: (
        <span data-testid="unbind-toast">
          {t("bindings.unbind.done", { a: maskNumber(b.a), x: b.x ?? "—" })}{" "}
          <Button size="small" type="link" onClick={() => void undo(b)} data-testid="unbind-undo">
            {t("bindings.undo.button")}
          </Button>
        </span>
      ),
    });
  };

  return (b: CachedBinding) =>
    modal.confirm({
      title: t("bindings.unbind.title"),
      content: t("bindings.unbind.description", { a: maskNumber(b.a), b: maskNumber(b.b) || "—", x: b.x ?? "—" }),
      okText: t("bindings.unbind.ok"),
      okButtonProps: { danger: true, ...{ "data-testid": "unbind-confirm" } },
      cancelText: t("common.cancel"),
      onOk: () => run(b),
    });
}
