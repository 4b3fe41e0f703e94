import {
  AudioOutlined,
  DashboardOutlined,
  LinkOutlined,
  PhoneOutlined,
  SettingOutlined,
  NumberOutlined,
} from "@ant-design/icons";
import { Menu, Tooltip, type MenuProps } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { NAV, type NavId } from "../app/nav";
import { isMacPlatform, shortcutLabel } from "../app/shortcuts";
import { testId } from "./testId";

const ICONS: Record<NavId, ReactNode> = {
  dashboard: <DashboardOutlined />,
  bindings: <LinkOutlined />,
  numbers: <NumberOutlined />,
  calls: <PhoneOutlined />,
  recordings: <AudioOutlined />,
  settings: <SettingOutlined />,
};

/** The left menu. Each item's tooltip names its Ctrl/Cmd+n shortcut. */
export function NavMenu({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const mac = isMacPlatform();
  const selected = NAV.find((entry) => pathname.startsWith(entry.path))?.id;

  const items: MenuProps["items"] = NAV.map((entry, index) => {
    const label = t(entry.label);
    const hint = t("nav.shortcut", { keys: shortcutLabel(index, mac) });
    return {
      key: entry.id,
      icon: ICONS[entry.id],
      // Collapsed, antd shows `title` as the tooltip; expanded, we add our own.
      title: `${label} · ${hint}`,
      label: collapsed ? (
        label
      ) : (
        <Tooltip title={hint} placement="right" mouseEnterDelay={0.5}>
          <span>{label}</span>
        </Tooltip>
      ),
      ...testId(`nav-${entry.id}`),
    };
  });

  return (
    <Menu
      mode="inline"
      aria-label={t("nav.menu")}
      selectedKeys={selected ? [selected] : []}
      items={items}
      onClick={({ key }) => void navigate(`/${key}`)}
      style={{ borderInlineEnd: "none" }}
    />
  );
}
