import { ApiOutlined, CheckCircleFilled, DeleteOutlined, EditOutlined, StarOutlined } from "@ant-design/icons";
import { Button, Flex, Popconfirm, Table, Tag, Tooltip, Typography, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { testId } from "../../../components/testId";
import type { AccountInfo } from "../../../ipc/bindings/AccountInfo";

interface Props {
  accounts: AccountInfo[];
  /** The account whose connection test is running, if any. */
  testingId?: number;
  busy: boolean;
  onTest: (account: AccountInfo) => void;
  onEdit: (account: AccountInfo) => void;
  onRemove: (account: AccountInfo) => Promise<unknown>;
  onActivate: (account: AccountInfo) => void;
}

export function ModeTag({ mode }: { mode: AccountInfo["mode"] }) {
  return <Tag color="geekblue">{mode}</Tag>;
}

/** The accounts with their settings (never the secret: only whether one is saved) and what can be done to each. */
export function AccountsTable({ accounts, testingId, busy, onTest, onEdit, onRemove, onActivate }: Props) {
  const { t } = useTranslation();

  const columns: TableColumnsType<AccountInfo> = [
    {
      key: "name",
      title: t("accounts.col.name"),
      render: (_, a) => (
        <Flex vertical gap={2}>
          <Typography.Text strong style={{ whiteSpace: "nowrap" }}>
            {a.name}
          </Typography.Text>
          {a.isActive && (
            <Tag color="success" icon={<CheckCircleFilled />} style={{ width: "fit-content" }} data-testid={`account-active-${a.name}`}>
              {t("accounts.active")}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      key: "mode",
      title: t("accounts.col.mode"),
      render: (_, a) => (
        <Flex vertical gap={4} align="start">
          <ModeTag mode={a.mode} />
          <Typography.Text type="secondary">{t(`accounts.auth.${a.auth}`)}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: "endpoint",
      title: t("accounts.col.endpoint"),
      render: (_, a) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Typography.Text ellipsis={{ tooltip: a.baseUrl }} style={{ maxWidth: 260 }}>
            {a.baseUrl}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t("accounts.appKey")}:{" "}
            {a.appKey ? <Typography.Text code>{a.appKey}</Typography.Text> : t("accounts.appKeyMissing")}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t("accounts.rate", { rate: a.rateLimit })}
            {a.hasCustomCa && ` · ${t("accounts.customCa")}`}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: "secret",
      title: t("accounts.col.secret"),
      render: (_, a) =>
        a.secretSaved ? (
          <Tooltip title={t("accounts.secretSavedHelp")}>
            <Tag color="success">{t("accounts.secretSaved")}</Tag>
          </Tooltip>
        ) : (
          <Tooltip title={t("accounts.secretMissingHelp")}>
            <Tag color="warning">{t("accounts.secretMissing")}</Tag>
          </Tooltip>
        ),
    },
    {
      key: "actions",
      title: t("accounts.col.actions"),
      align: "end",
      render: (_, a) => (
        <Flex gap="small" justify="end">
          <Button
            size="small"
            icon={<ApiOutlined />}
            loading={testingId === a.id}
            disabled={testingId !== undefined && testingId !== a.id}
            onClick={() => onTest(a)}
            data-testid={`account-test-${a.name}`}
          >
            {t("accounts.test.button")}
          </Button>
          {!a.isActive && (
            <Button size="small" icon={<StarOutlined />} disabled={busy} onClick={() => onActivate(a)} data-testid={`account-activate-${a.name}`}>
              {t("accounts.makeActive")}
            </Button>
          )}
          <Tooltip title={t("accounts.edit")}>
            <Button
              size="small"
              icon={<EditOutlined />}
              aria-label={t("accounts.editNamed", { name: a.name })}
              onClick={() => onEdit(a)}
              data-testid={`account-edit-${a.name}`}
            />
          </Tooltip>
          <Popconfirm
            title={t("accounts.remove.title", { name: a.name })}
            description={<div className="confirm-text">{t("accounts.remove.description")}</div>}
            okText={t("accounts.remove.ok")}
            cancelText={t("common.cancel")}
            okButtonProps={{ danger: true, ...testId("account-remove-confirm") }}
            onConfirm={() => onRemove(a)}
          >
            <Tooltip title={t("accounts.remove.button")}>
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t("accounts.remove.named", { name: a.name })}
                disabled={busy}
                data-testid={`account-remove-${a.name}`}
              />
            </Tooltip>
          </Popconfirm>
        </Flex>
      ),
    },
  ];

  return (
    <Table<AccountInfo>
      rowKey="id"
      size="middle"
      pagination={false}
      columns={columns}
      dataSource={accounts}
      onRow={(a) => testId(`account-row-${a.name}`)}
    />
  );
}
