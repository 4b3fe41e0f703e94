import { LockOutlined } from "@ant-design/icons";
import { Alert, Flex, Input, Modal, Typography } from "antd";
import { useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useUnlockApp } from "../../queries/privacy";
import { UnlockContext, type UnlockApi } from "./useUnlock";
import { errorText } from "../../i18n/useText";

/** Provides `requireUnlock()` (see useUnlock.ts) and renders its passphrase dialog. Mounted once, near the root. */
export function UnlockProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  // The pending request: every caller while the dialog is open gets the same answer.
  const pending = useRef<{ promise: Promise<boolean>; resolve: (ok: boolean) => void } | null>(null);

  const requireUnlock = useCallback(() => {
    if (!pending.current) {
      let resolve: (ok: boolean) => void = () => {};
      const promise = new Promise<boolean>((r) => (resolve = r));
      pending.current = { promise, resolve };
      setOpen(true);
    }
    return pending.current.promise;
  }, []);

  const finish = useCallback((ok: boolean) => {
    pending.current?.resolve(ok);
    pending.current = null;
    setOpen(false);
  }, []);

  const api = useMemo<UnlockApi>(() => ({ requireUnlock }), [requireUnlock]);
  return (
    <UnlockContext.Provider value={api}>
      {children}
      {open && <UnlockDialog onDone={finish} />}
    </UnlockContext.Provider>
  );
}

function UnlockDialog({ onDone }: { onDone: (ok: boolean) => void }) {
  const { t } = useTranslation();
  const unlock = useUnlockApp();
  const [passphrase, setPassphrase] = useState("");
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!passphrase || unlock.isPending) return;
    setError(null);
    try {
      await unlock.mutateAsync(passphrase);
      onDone(true);
    } catch (e) {
      setError(errorText(e));
      setPassphrase("");
    }
  };

  return (
    <Modal
      open
      title={
        <Flex gap="small" align="center">
          <LockOutlined /> {t("privacy.unlock.title")}
        </Flex>
      }
      okText={t("privacy.unlock.submit")}
      cancelText={t("privacy.unlock.cancel")}
      onOk={() => void submit()}
      onCancel={() => onDone(false)}
      confirmLoading={unlock.isPending}
      okButtonProps={{ disabled: !passphrase, "data-testid": "unlock-submit" }}
      cancelButtonProps={{ "data-testid": "unlock-cancel" }}
      maskClosable={false}
      destroyOnHidden
      data-testid="unlock-dialog"
    >
      <Flex vertical gap="small">
        <Typography.Text type="secondary">{t("privacy.unlock.help")}</Typography.Text>
        <Input.Password
          autoFocus
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          onPressEnter={() => void submit()}
          placeholder={t("privacy.unlock.placeholder")}
          aria-label={t("privacy.unlock.placeholder")}
          autoComplete="current-password"
          status={error ? "error" : undefined}
          data-testid="unlock-passphrase"
        />
        {error && <Alert type="error" showIcon title={error} data-testid="unlock-error" role="alert" />}
      </Flex>
    </Modal>
  );
}
