import { App as AntApp } from "antd";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router";
import type { AccountInfo } from "../ipc/bindings/AccountInfo";
import type { DemoStatus } from "../ipc/bindings/DemoStatus";
import { renderWithQueries } from "../test/renderApp";

/** Renders a demo component the way the app shell does: query cache, antd App (messages), router. */
export const renderInShell = (ui: ReactElement) =>
  renderWithQueries(
    <MemoryRouter>
      <AntApp>{ui}</AntApp>
    </MemoryRouter>,
  );

export const demoOff: DemoStatus = { active: false, running: false, baseUrl: null, accountIds: [] };
export const demoOn: DemoStatus = { active: true, running: true, baseUrl: "http://127.0.0.1:40123", accountIds: [1, 2, 3, 4] };

export const demoAccount: AccountInfo = {
  id: 1,
  name: "Demo · AXB",
  mode: "AXB",
  auth: "aksk",
  baseUrl: "http://127.0.0.1:40123",
  hasCustomCa: false,
  rateLimit: 100,
  isActive: true,
  createdAt: "2026-11-25T09:00:00Z",
  appKey: "demo-axb-key",
  secretSaved: true,
};
