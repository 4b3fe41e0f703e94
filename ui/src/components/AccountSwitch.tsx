import { CheckOutlined, DownOutlined, PlusOutlined, SettingOutlined, UserOutlined } from "@ant-design/icons";
import { App, Button, Dropdown, Tag, type MenuProps } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useAccounts, useSetActiveAccount } from "../queries/accounts";
import { testId } from "./testId";
import { errorText } from "../i18n/useText";

/** The active platform account in the header; a menu switches it. With no account, a shortcut to add one. */
export function AccountSwitch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const accounts = useAccounts();
  const activate = useSetActiveAccount();

  if (!accounts.data) return null;
  if (accounts.data.length === 0) {
    return (
      <Button
        size="small"
        icon={<PlusOutlined />}
        data-testid="header-account"
        onClick={() => void navigate("/settings?addAccount=1")}
      >
        {t("header.account.add")}
      </Button>
    );
  }

  const active = accounts.data.find((a) => a.isActive);
  const items: MenuProps["items"] = [
    {
      type: "group",
      key: "accounts",
      label: t("header.account.switchTo"),
      children: accounts.data.map((a) => ({
        key: String(a.id),
        icon: a.isActive ? <CheckOutlined /> : <span style={{ display: "inline-block", width: 14 }} />,
        label: (
          <span>
            {a.name} <Tag color="geekblue" style={{ marginInlineStart: 6 }}>{a.mode}</Tag>
          </span>
        ),
        ...testId(`header-account-${a.name}`),
      })),
    },
    { type: "divider" },
    { key: "manage", icon: <SettingOutlined />, label: t("header.account.manage"), ...testId("header-account-manage") },
  ];

  const onClick: MenuProps["onClick"] = ({ key }) => {
    if (key === "manage") {
      void navigate("/settings");
      return;
    }
    const target = accounts.data.find((a) => String(a.id) === key);
    if (!target || target.isActive) return;
    activate.mutate(target.id, {
      onSuccess: () => void message.success(t("accounts.activated", { name: target.name })),
      onError: (e) => void message.error(t("accounts.activateFailed", { reason: errorText(e) })),
    });
  };

  return (
    <Dropdown menu={{ items, onClick, selectable: false }} trigger={["click"]}>
      <Button
        size="small"
        icon={<UserOutlined />}
        loading={activate.isPending}
        data-testid="header-account"
        title={t("header.account.label")}
      >
        {active ? (
          <>
            <span className="header-account-name">{active.name}</span>
            <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>
              {active.mode}
            </Tag>
          </>
        ) : (
          t("header.account.none")
        )}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
