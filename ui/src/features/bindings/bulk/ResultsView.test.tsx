import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { JobProgress } from "../../../ipc/bindings/JobProgress";
import { renderWithQueries } from "../../../test/renderApp";
import { ResultsView } from "./ResultsView";

vi.mock("../../../ipc/bulk", () => ({ bulkResults: vi.fn(async () => []) }));

const progress: JobProgress = { jobId: 4, state: "done", total: 3, done: 3, ok: 3, failed: 0, invalid: 0, ratePerSec: 0 };

describe("bulk results export", () => {
  it("exports masked numbers unless 'show full numbers' is ticked, and warns when it is", async () => {
    const onExport = vi.fn();
    renderWithQueries(<ResultsView jobId={4} progress={progress} busy={false} onRetry={() => {}} onExport={onExport} />);
    const box = screen.getByRole("checkbox", { name: "Show full numbers" });
    expect(box).not.toBeChecked();
    expect(screen.queryByTestId("bulk-export-unmask-warning")).not.toBeInTheDocument();

    await userEvent.click(screen.getByTestId("bulk-export-csv"));
    expect(onExport).toHaveBeenLastCalledWith("csv", false);

    await userEvent.click(box);
    expect(screen.getByTestId("bulk-export-unmask-warning")).toHaveTextContent("A and B numbers in full");
    await userEvent.click(screen.getByTestId("bulk-export-xlsx"));
    expect(onExport).toHaveBeenLastCalledWith("xlsx", true);

    await userEvent.click(box);
    await userEvent.click(screen.getByTestId("bulk-export-xlsx"));
    expect(onExport).toHaveBeenLastCalledWith("xlsx", false);
  });
});
