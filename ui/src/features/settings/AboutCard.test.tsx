import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App as AntApp } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import "../../i18n";
import * as appIpc from "../../ipc/app";
import { renderWithQueries } from "../../test/renderApp";
import { AboutCard } from "./AboutCard";

vi.mock("../../ipc/app", () => ({ appInfo: vi.fn(), appDiagnostics: vi.fn() }));

const TEXT = "Maskline diagnostics / 诊断信息\napp / 版本: 0.1.0\n";

beforeEach(() => {
  vi.mocked(appIpc.appInfo).mockReset().mockResolvedValue({
    version: "0.1.0",
    dataDir: "/home/op/.local/share/com.maskline.desktop",
    dbPath: "/home/op/.local/share/com.maskline.desktop/maskline.db",
    osLocale: "zh-CN",
  });
  vi.mocked(appIpc.appDiagnostics).mockReset().mockResolvedValue(TEXT);
});

describe("About card", () => {
  it("copies the backend's diagnostics text to the clipboard", async () => {
    const user = userEvent.setup();
    renderWithQueries(
      <AntApp>
        <AboutCard />
      </AntApp>,
    );
    await user.click(await screen.findByTestId("about-copy-diagnostics"));
    await waitFor(() => expect(appIpc.appDiagnostics).toHaveBeenCalledTimes(1));
    await waitFor(async () => expect(await navigator.clipboard.readText()).toBe(TEXT));
    expect(await screen.findByText("Diagnostics copied to the clipboard")).toBeInTheDocument();
  });
});
