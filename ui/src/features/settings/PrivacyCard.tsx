import { LockOutlined, UnlockOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Flex, Form, Input, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PrivacyStatus } from "../../ipc/bindings/PrivacyStatus";
import { useLockNow, usePrivacyStatus, useSetPassphrase } from "../../queries/privacy";
import { useUnlock } from "../privacy/useUnlock";
import { passphraseProblems, type PassphraseProblem } from "./passphrase";
import { errorText } from "../../i18n/useText";

type Editing = "enable" | "change" | "disable" | null;

/** Masking by default and the audit log explained; the optional app lock turned on, changed, off, or locked now. */
export function PrivacyCard() {
  const { t } = useTranslation();
  const status = usePrivacyStatus();
  const [editing, setEditing] = useState<Editing>(null);

  return (
    <Card title={t("privacy.title")} data-testid="privacy-card">
      <Flex vertical gap="middle">
        <Typography.Text type="secondary">{t("privacy.masking")}</Typography.Text>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("privacy.lock.title")}
        </Typography.Title>
        <Typography.Text type="secondary">{t("privacy.lock.help", { minutes: status.data?.unlockMinutes ?? 10 })}</Typography.Text>
        {status.isError ? (
          <Alert type="error" showIcon title={t("privacy.loadFailed", { reason: errorText(status.error) })} />
        ) : status.data ? (
          <>
            <LockState status={status.data} editing={editing} onEdit={setEditing} />
            {editing && <PassphraseForm key={editing} mode={editing} onDone={() => setEditing(null)} />}
          </>
        ) : null}
      </Flex>
    </Card>
  );
}

function LockState({ status, editing, onEdit }: { status: PrivacyStatus; editing: Editing; onEdit: (e: Editing) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const lockNow = useLockNow();
  const { requireUnlock } = useUnlock();
  const minutes = Math.max(1, Math.ceil((status.unlockedSecsLeft ?? 0) / 60));
  const state = !status.lockEnabled ? (
    <Tag data-testid="privacy-lock-state">{t("privacy.lock.stateOff")}</Tag>
  ) : status.unlocked ? (
    <Tag color="orange" icon={<UnlockOutlined />} data-testid="privacy-lock-state">
      {t("privacy.lock.stateUnlocked", { minutes })}
    </Tag>
  ) : (
    <Tag color="green" icon={<LockOutlined />} data-testid="privacy-lock-state">
      {t("privacy.lock.stateLocked")}
    </Tag>
  );

  const onLockNow = () =>
    lockNow.mutate(undefined, {
      onSuccess: () => void message.success(t("privacy.lock.lockedNow")),
      onError: (e) => void message.error(errorText(e)),
    });

  return (
    <Flex gap="small" align="center" wrap>
      {state}
      {!status.lockEnabled ? (
        <Button type="primary" icon={<LockOutlined />} onClick={() => onEdit("enable")} disabled={editing !== null} data-testid="privacy-lock-enable">
          {t("privacy.lock.enable")}
        </Button>
      ) : (
        <Space wrap>
          {status.unlocked ? (
            <Button icon={<LockOutlined />} onClick={onLockNow} loading={lockNow.isPending} data-testid="privacy-lock-now">
              {t("privacy.lock.lockNow")}
            </Button>
          ) : (
            <Button icon={<UnlockOutlined />} onClick={() => void requireUnlock()} data-testid="privacy-unlock">
              {t("privacy.unlock.submit")}
            </Button>
          )}
          <Button onClick={() => onEdit("change")} disabled={editing !== null} data-testid="privacy-lock-change">
            {t("privacy.lock.change")}
          </Button>
          <Button danger onClick={() => onEdit("disable")} disabled={editing !== null} data-testid="privacy-lock-disable">
            {t("privacy.lock.disable")}
          </Button>
        </Space>
      )}
    </Flex>
  );
}

/** Turning the lock on asks for a passphrase twice; changing it also for the current one; turning it off only for the current one. */
function PassphraseForm({ mode, onDone }: { mode: Exclude<Editing, null>; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSetPassphrase();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const asksCurrent = mode !== "enable";
  const asksNew = mode !== "disable";
  // Problems show as the user types, and all of them once Save is pressed.
  const problems = passphraseProblems({ current, next, confirm, asksCurrent, asksNew, submitted });

  const submit = async () => {
    setSubmitted(true);
    const all = passphraseProblems({ current, next, confirm, asksCurrent, asksNew, submitted: true });
    if (all.current || all.next || all.confirm) return;
    setError(null);
    try {
      await save.mutateAsync({ current: asksCurrent ? current : null, passphrase: asksNew ? next : null });
      void message.success(t(mode === "enable" ? "privacy.lock.enabled" : mode === "change" ? "privacy.lock.changed" : "privacy.lock.disabled"));
      onDone();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const field = (problem: PassphraseProblem | null) => (problem ? { validateStatus: "error" as const, help: t(problem) } : {});
  return (
    <Form layout="vertical" style={{ maxWidth: 420 }} onFinish={() => void submit()} data-testid="privacy-form">
      {mode === "disable" && <Typography.Paragraph type="secondary">{t("privacy.lock.disableHelp")}</Typography.Paragraph>}
      {asksCurrent && (
        <Form.Item label={t("privacy.lock.current")} {...field(problems.current)}>
          <Input.Password autoFocus value={current} onChange={(e) => setCurrent(e.target.value)} autoComplete="current-password" data-testid="privacy-passphrase-current" />
        </Form.Item>
      )}
      {asksNew && (
        <>
          <Form.Item label={mode === "change" ? t("privacy.lock.newPassphrase") : t("privacy.lock.passphrase")} extra={t("privacy.lock.keepSafe")} {...field(problems.next)}>
            <Input.Password autoFocus={!asksCurrent} value={next} onChange={(e) => setNext(e.target.value)} autoComplete="new-password" data-testid="privacy-passphrase" />
          </Form.Item>
          <Form.Item label={t("privacy.lock.confirm")} {...field(problems.confirm)}>
            <Input.Password value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="new-password" data-testid="privacy-passphrase-confirm" />
          </Form.Item>
        </>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="privacy-error" />}
      <Space>
        <Button type="primary" danger={mode === "disable"} htmlType="submit" loading={save.isPending} data-testid="privacy-lock-save">
          {mode === "disable" ? t("privacy.lock.turnOff") : t("privacy.lock.save")}
        </Button>
        <Button onClick={onDone} data-testid="privacy-lock-cancel">
          {t("privacy.lock.cancel")}
        </Button>
      </Space>
    </Form>
  );
}
