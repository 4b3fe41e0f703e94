/** Shared fixtures for the recordings tests. */
import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import { App as AntApp } from "antd";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router";
import type { RecordingRow } from "../../ipc/bindings/RecordingRow";
import type { RecordingStatus } from "../../ipc/bindings/RecordingStatus";
import { createQueryClient } from "../../queries/client";
import { nowSecs, recordingStatus } from "../../test/fixtures";

export function row(callId: number, patch: Partial<RecordingStatus> = {}): RecordingRow {
  return {
    callId,
    startTime: nowSecs - 3600 * callId,
    direction: "toA",
    caller: "+8613800138000",
    callee: "+8618600000002",
    xNumber: "+8617000000001",
    talkSeconds: 42,
    status: recordingStatus({ callId, ...patch }),
  };
}

export function renderInApp(ui: ReactElement) {
  const client = createQueryClient();
  return {
    client,
    ...render(
      <QueryClientProvider client={client}>
        <AntApp>
          <MemoryRouter>{ui}</MemoryRouter>
        </AntApp>
      </QueryClientProvider>,
    ),
  };
}
