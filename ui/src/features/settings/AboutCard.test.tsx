import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App as AntApp } from "antd";
import { beforeEach, describe, expect, it, vi } from "vitest";
import "../../i18n";
import * as appIpc from "../../ipc/app";
import { renderWithQueries } from "../../test/renderApp";
import { AboutCard } from "./AboutCard";

vi.mock("../../ipc/app", () => ({ appInfo: vi.fn(), appCopyDiagnostics: vi.fn() }));

beforeEach(() => {
  vi.mocked(appIpc.appInfo).mockReset().mockResolvedValue({
    version: "0.1.0",
    dataDir: "/home/op/.local/share/com.maskline.desktop",
    dbPath: "/home/op/.local/share/com.maskline.desktop/maskline.db",
    osLocale: "zh-CN",
  });
  vi.mocked(appIpc.appCopyDiagnostics).mockReset().mockResolvedValue(undefined);
});

describe("About card", () => {
  it("asks the backend to copy the diagnostics and says so", async () => {
    const user = userEvent.setup();
    renderWithQueries(
      <AntApp>
        <AboutCard />
      </AntApp>,
    );
    await user.click(await screen.findByTestId("about-copy-diagnostics"));
    await waitFor(() => expect(appIpc.appCopyDiagnostics).toHaveBeenCalledTimes(1));
    expect(await screen.findByText("Diagnostics copied to the clipboard")).toBeInTheDocument();
  });

  it("says why when the clipboard cannot be written", async () => {
    vi.mocked(appIpc.appCopyDiagnostics).mockRejectedValue({
      code: "internal",
      message: { en: "the clipboard could not be written: no display", zh: "无法写入剪贴板:no display" },
    });
    const user = userEvent.setup();
    renderWithQueries(
      <AntApp>
        <AboutCard />
      </AntApp>,
    );
    await user.click(await screen.findByTestId("about-copy-diagnostics"));
    expect(await screen.findByText(/Couldn't copy the diagnostics.*clipboard could not be written/)).toBeInTheDocument();
  });
});
