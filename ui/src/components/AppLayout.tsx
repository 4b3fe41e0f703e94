import { Layout, Space, theme, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Outlet } from "react-router";
import { useNavShortcuts } from "../app/useNavShortcuts";
import { AccountSwitch } from "./AccountSwitch";
import { DemoBanner } from "./DemoBanner";
import { Logo } from "./Logo";
import { NavMenu } from "./NavMenu";
import { LanguageSwitch, ThemeSwitch } from "./PreferenceSwitches";
import { TryDemoButton } from "./TryDemoButton";

/** Header with the product name, the active account and the language/theme switches; collapsible menu on the left; the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  useNavShortcuts();

  return (
    <Layout className="app-shell">
      <Layout.Header className="app-header" style={{ borderBottom: `1px solid ${token.colorSplit}` }}>
        <div className="app-brand">
          <Logo size={30} title={t("app.logo")} />
          <Typography.Text strong className="app-name">
            {t("app.name")}
          </Typography.Text>
          <Typography.Text type="secondary" className="app-subtitle">
            {t("app.subtitle")}
          </Typography.Text>
        </div>
        <Space size="middle">
          <TryDemoButton size="small" testId="demo-try-header" />
          <AccountSwitch />
          <LanguageSwitch />
          <ThemeSwitch />
        </Space>
      </Layout.Header>
      <Layout hasSider className="app-body">
        <Layout.Sider
          theme="light"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={208}
          style={{ borderInlineEnd: `1px solid ${token.colorSplit}` }}
        >
          <NavMenu collapsed={collapsed} />
        </Layout.Sider>
        <Layout.Content className="app-content">
          <DemoBanner />
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
