import { CloudServerOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Flex, Skeleton, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { AccountInfo } from "../../ipc/bindings/AccountInfo";
import type { ConnectionReport } from "../../ipc/bindings/ConnectionReport";
import { toAppError, type AppError } from "../../ipc/errors";
import { useAccounts, useRemoveAccount, useSetActiveAccount, useTestAccount } from "../../queries/accounts";
import { AccountFormDrawer } from "./accounts/AccountFormDrawer";
import { AccountsTable } from "./accounts/AccountsTable";
import { ConnectionResult } from "./accounts/ConnectionResult";
import { errorText } from "../../i18n/useText";

/** `#/settings?addAccount=1` opens the add form (the header's "Add account…" links here). */
export const ADD_ACCOUNT_PARAM = "addAccount";

type TestOutcome = { accountName: string; outcome: { report: ConnectionReport } | { error: AppError } };

/** Platform accounts: list, add, edit, remove, choose the active one, and test the connection. */
export function AccountsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const accounts = useAccounts();
  const remove = useRemoveAccount();
  const activate = useSetActiveAccount();
  const test = useTestAccount();
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<AccountInfo | null>(null);
  const [tested, setTested] = useState<TestOutcome | null>(null);
  const [testingId, setTestingId] = useState<number | undefined>();

  const formOpen = adding || editing !== null || params.get(ADD_ACCOUNT_PARAM) === "1";
  const closeForm = () => {
    setAdding(false);
    setEditing(null);
    if (params.has(ADD_ACCOUNT_PARAM)) {
      const next = new URLSearchParams(params);
      next.delete(ADD_ACCOUNT_PARAM);
      setParams(next, { replace: true });
    }
  };
  const openAdd = () => {
    setEditing(null);
    setAdding(true);
  };

  const runTest = async (a: AccountInfo) => {
    setTestingId(a.id);
    setTested(null);
    try {
      const report = await test.mutateAsync(a.id);
      setTested({ accountName: a.name, outcome: { report } });
    } catch (e) {
      setTested({ accountName: a.name, outcome: { error: toAppError(e) } });
    } finally {
      setTestingId(undefined);
    }
  };

  const runRemove = async (a: AccountInfo) => {
    try {
      await remove.mutateAsync(a.id);
      if (tested?.accountName === a.name) setTested(null);
      void message.success(t("accounts.remove.done", { name: a.name }));
    } catch (e) {
      void message.error(t("accounts.remove.failed", { reason: errorText(e) }));
    }
  };

  const runActivate = async (a: AccountInfo) => {
    try {
      await activate.mutateAsync(a.id);
      void message.success(t("accounts.activated", { name: a.name }));
    } catch (e) {
      void message.error(t("accounts.activateFailed", { reason: errorText(e) }));
    }
  };

  const addButton = (primary: boolean) => (
    <Button type={primary ? "primary" : "default"} icon={<PlusOutlined />} onClick={openAdd} data-testid="account-add">
      {t("accounts.add")}
    </Button>
  );

  let body;
  if (accounts.isPending) {
    body = <Skeleton active paragraph={{ rows: 3 }} />;
  } else if (accounts.isError) {
    const { code } = toAppError(accounts.error);
    body = <Alert type="error" showIcon title={t("accounts.loadFailed", { reason: t(`errors.${code}`) })} />;
  } else if (accounts.data.length === 0) {
    body = (
      <Empty
        image={<CloudServerOutlined style={{ fontSize: 48, opacity: 0.45 }} />}
        styles={{ image: { height: 56 } }}
        description={
          <>
            <Typography.Text strong>{t("accounts.empty.title")}</Typography.Text>
            <Typography.Paragraph type="secondary" className="empty-description" style={{ marginTop: 4 }}>
              {t("accounts.empty.description")}
            </Typography.Paragraph>
          </>
        }
      >
        {addButton(true)}
      </Empty>
    );
  } else {
    body = (
      <Flex vertical gap="middle">
        <Typography.Text type="secondary">{t("accounts.keyringNote")}</Typography.Text>
        <AccountsTable
          accounts={accounts.data}
          testingId={testingId}
          busy={remove.isPending || activate.isPending}
          onTest={(a) => void runTest(a)}
          onEdit={(a) => {
            setAdding(false);
            setEditing(a);
          }}
          onRemove={runRemove}
          onActivate={(a) => void runActivate(a)}
        />
        {tested && <ConnectionResult {...tested} onClose={() => setTested(null)} />}
      </Flex>
    );
  }

  return (
    <Card
      data-testid="settings-accounts"
      title={t("accounts.title")}
      extra={accounts.data && accounts.data.length > 0 ? addButton(false) : undefined}
    >
      {body}
      <AccountFormDrawer open={formOpen} account={editing ?? undefined} onClose={closeForm} />
    </Card>
  );
}
