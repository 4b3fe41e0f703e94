import { Alert, App, Button, Checkbox, Drawer, Flex, Form, Input, InputNumber, Radio } from "antd";
import type { Rule } from "antd/es/form";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AccountDraft } from "../../../ipc/bindings/AccountDraft";
import type { AccountInfo } from "../../../ipc/bindings/AccountInfo";
import type { AuthScheme } from "../../../ipc/bindings/AuthScheme";
import type { Mode } from "../../../ipc/bindings/Mode";
import { toAppError, type AppError } from "../../../ipc/errors";
import { useAddAccount, useUpdateAccount } from "../../../queries/accounts";
import {
  checkAppKey,
  checkBaseUrl,
  checkCaPem,
  checkName,
  checkRate,
  checkSecret,
  DEFAULT_BASE_URL,
  DEFAULT_RATE_LIMIT,
  type FieldMessage,
  RATE_MAX,
  RATE_MIN,
} from "./validation";
import { useText } from "../../../i18n/useText";

const MODES: Mode[] = ["AXB", "AX", "AXE", "AXYB"];
const AUTHS: AuthScheme[] = ["aksk", "wsse"];

interface Values {
  name: string;
  mode: Mode;
  auth: AuthScheme;
  baseUrl: string;
  appKey: string;
  appSecret?: string;
  caCertPem?: string;
  /** Editing only: remove the saved CA (an empty PEM field keeps it). */
  caClear?: boolean;
  rateLimit: number | null;
}

interface Props {
  open: boolean;
  /** The account being edited; absent when adding. */
  account?: AccountInfo;
  onClose: () => void;
}

/** Add or edit an account. The secret is write-only: never pre-filled, and wiped from the form once submitted. */
export function AccountFormDrawer({ open, account, onClose }: Props) {
  const { t } = useTranslation();
  const txt = useText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddAccount();
  const update = useUpdateAccount();
  const [error, setError] = useState<AppError | null>(null);
  const editing = account !== undefined;
  const saving = add.isPending || update.isPending;

  const close = () => {
    setError(null);
    form.resetFields(); // nothing typed, the secret least of all, survives into the next opening
    onClose();
  };

  const initial: Values = account
    ? {
        name: account.name,
        mode: account.mode,
        auth: account.auth,
        baseUrl: account.baseUrl,
        appKey: account.appKey ?? "",
        rateLimit: account.rateLimit,
      }
    : { name: "", mode: "AXB", auth: "aksk", baseUrl: DEFAULT_BASE_URL, appKey: "", rateLimit: DEFAULT_RATE_LIMIT };

  /** Turns a check returning an i18n id into an antd rule. */
  const rule = (check: (value: never) => FieldMessage | null): Rule => ({
    validator: (_, value) => {
      const id = check(value as never);
      return id ? Promise.reject(new Error(t(id))) : Promise.resolve();
    },
  });

  // One form store serves every opening: load this opening's values (the add form after an
  // edit must be empty, an edit after an add must show the account).
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initial);
    }
    // `initial` is derived from `account`; re-run only when the drawer opens or the account changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, account?.id]);

  const submit = async (values: Values) => {
    setError(null);
    const pem = values.caCertPem?.trim();
    const draft: AccountDraft = {
      name: values.name.trim(),
      mode: values.mode,
      auth: values.auth,
      baseUrl: values.baseUrl.trim(),
      appKey: values.appKey.trim(),
      appSecret: values.appSecret ? values.appSecret : null,
      // null keeps the saved CA when editing; "" removes it.
      caCertPem: pem ? pem : values.caClear ? "" : null,
      rateLimit: values.rateLimit ?? DEFAULT_RATE_LIMIT,
    };
    // The secret leaves the form now: it is not kept in React state, whatever the outcome.
    form.setFieldValue("appSecret", undefined);
    values.appSecret = undefined;
    try {
      const saved = account ? await update.mutateAsync({ id: account.id, draft }) : await add.mutateAsync(draft);
      void message.success(t(editing ? "accounts.form.updated" : "accounts.form.added", { name: saved.name }));
      close();
    } catch (e) {
      setError(toAppError(e));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={close}
      size={520}
      destroyOnHidden
      title={editing ? t("accounts.form.editTitle", { name: account.name }) : t("accounts.form.addTitle")}
      footer={
        <Flex gap="small" justify="end">
          <Button onClick={close}>{t("common.cancel")}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="account-save">
            {editing ? t("accounts.form.save") : t("accounts.form.addSubmit")}
          </Button>
        </Flex>
      }
    >
      {open && (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={(v) => void submit(v)}
          data-testid="account-form"
          autoComplete="off"
          preserve={false}
          disabled={saving}
        >
          <Form.Item name="name" label={t("accounts.form.name.label")} required rules={[rule(checkName)]}>
            <Input data-testid="account-name" placeholder={t("accounts.form.name.placeholder")} maxLength={64} />
          </Form.Item>
          <Form.Item name="mode" label={t("accounts.form.mode.label")} extra={t("accounts.form.mode.help")} required>
            <Radio.Group
              data-testid="account-mode"
              optionType="button"
              buttonStyle="solid"
            >
              {MODES.map((mode) => (
                <Radio.Button key={mode} value={mode} data-testid={`account-mode-${mode}`}>
                  {mode}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item name="auth" label={t("accounts.form.auth.label")} extra={t("accounts.form.auth.help")} required>
            <Radio.Group
              data-testid="account-auth"
              optionType="button"
              buttonStyle="solid"
            >
              {AUTHS.map((auth) => (
                <Radio.Button key={auth} value={auth} data-testid={`account-auth-${auth}`}>
                  {t(`accounts.auth.${auth}`)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="baseUrl"
            label={t("accounts.form.baseUrl.label")}
            extra={t("accounts.form.baseUrl.help")}
            required
            rules={[rule(checkBaseUrl)]}
          >
            <Input data-testid="account-base-url" spellCheck={false} />
          </Form.Item>
          <Form.Item name="appKey" label={t("accounts.form.appKey.label")} required rules={[rule(checkAppKey)]}>
            <Input data-testid="account-app-key" spellCheck={false} />
          </Form.Item>
          <Form.Item
            name="appSecret"
            label={t("accounts.form.secret.label")}
            required={!editing}
            extra={editing && account.secretSaved ? t("accounts.form.secret.keep") : t("accounts.form.secret.help")}
            rules={[rule((v: string | undefined) => checkSecret(v, editing))]}
          >
            <Input.Password
              data-testid="account-secret"
              autoComplete="new-password"
              placeholder={editing && account.secretSaved ? t("accounts.form.secret.savedPlaceholder") : undefined}
            />
          </Form.Item>
          <Form.Item
            name="caCertPem"
            label={t("accounts.form.ca.label")}
            extra={account?.hasCustomCa ? t("accounts.form.ca.helpSaved") : t("accounts.form.ca.help")}
            rules={[rule(checkCaPem)]}
          >
            <Input.TextArea
              data-testid="account-ca"
              rows={4}
              spellCheck={false}
              className="pem-input"
              placeholder={"-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----"}
            />
          </Form.Item>
          {account?.hasCustomCa ? (
            <Form.Item name="caClear" valuePropName="checked">
              <Checkbox data-testid="account-ca-clear">{t("accounts.form.ca.clear")}</Checkbox>
            </Form.Item>
          ) : null}
          <Form.Item
            name="rateLimit"
            label={t("accounts.form.rate.label")}
            extra={t("accounts.form.rate.help", { min: RATE_MIN, max: RATE_MAX })}
            required
            rules={[rule(checkRate)]}
          >
            <InputNumber<number>
              data-testid="account-rate"
              step={1}
              suffix={t("accounts.form.rate.unit")}
              style={{ width: 200 }}
            />
          </Form.Item>
          {error && (
            <Alert
              data-testid="account-form-error"
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={t("accounts.form.saveFailed", { reason: t(`errors.${error.code}`) })}
              description={txt(error.message)}
            />
          )}
        </Form>
      )}
    </Drawer>
  );
}
