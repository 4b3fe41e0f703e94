import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import "../../i18n";
import type { RecordingStorage } from "../../ipc/bindings/RecordingStorage";
import * as rec from "../../ipc/recordings";
import { renderInApp } from "../recordings/testKit";
import { fromLimitMb, limitError, toLimitMb } from "./recordingLimit";
import { RecordingsCard } from "./RecordingsCard";

vi.mock("../../ipc/recordings", () => ({ recordingsStorage: vi.fn(), recordingsSettingsSet: vi.fn() }));

const storage: RecordingStorage = {
  usedBytes: 512 * 1024 * 1024,
  files: 120,
  pinnedBytes: 30 * 1024 * 1024,
  pinnedFiles: 4,
  folder: "/home/me/.local/share/com.maskline.desktop/recordings",
  settings: { cacheLimitMb: 2048, autoFetch: true },
};

describe("cache limit", () => {
  it("converts between the typed size and whole MiB", () => {
    expect(toLimitMb(2, "GiB")).toBe(2048);
    expect(toLimitMb(1.5, "GiB")).toBe(1536);
    expect(fromLimitMb(2048)).toEqual({ amount: 2, unit: "GiB" });
    expect(fromLimitMb(1536)).toEqual({ amount: 1536, unit: "MiB" });
  });

  it("refuses empty, fractional MiB, too small and too large", () => {
    expect(limitError(null, "MiB")).toBe("required");
    expect(limitError(100.5, "MiB")).toBe("whole");
    expect(limitError(63, "MiB")).toBe("tooSmall");
    expect(limitError(0.05, "GiB")).toBe("tooSmall");
    expect(limitError(1025, "GiB")).toBe("tooLarge");
    expect(limitError(64, "MiB")).toBeNull();
    expect(limitError(1.5, "GiB")).toBeNull();
  });
});

describe("Recordings settings card", () => {
  it("shows usage and the folder, validates the limit and saves", async () => {
    vi.mocked(rec.recordingsStorage).mockResolvedValue(storage);
    vi.mocked(rec.recordingsSettingsSet).mockImplementation(async (settings) => ({ ...storage, settings }));
    renderInApp(<RecordingsCard />);
    const limit = await screen.findByTestId("recordings-limit");
    expect(limit).toHaveValue("2");
    expect(screen.getByTestId("recordings-usage")).toHaveTextContent("Used 512 MB of 2.0 GB");
    expect(screen.getByTestId("recordings-settings")).toHaveTextContent("4 files, 30.0 MB");
    expect(screen.getByTestId("recordings-folder")).toHaveTextContent(storage.folder);
    expect(screen.getByTestId("recordings-settings")).toHaveTextContent("never removed");

    const save = screen.getByTestId("recordings-settings-save");
    expect(save, "nothing changed yet").toBeDisabled();
    await userEvent.clear(limit);
    expect(await screen.findByText("Enter a size.")).toBeInTheDocument();
    await userEvent.type(limit, "0.01");
    expect(await screen.findByText("At least 64 MiB.")).toBeInTheDocument();
    expect(save).toBeDisabled();

    await userEvent.clear(limit);
    await userEvent.type(limit, "5");
    await userEvent.click(screen.getByTestId("recordings-auto-fetch"));
    await userEvent.click(save);
    await waitFor(() => expect(rec.recordingsSettingsSet).toHaveBeenCalledWith({ cacheLimitMb: 5120, autoFetch: false }));
  });
});
