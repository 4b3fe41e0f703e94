import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { Root } from "../app/Root";
import "../i18n";
import { createQueryClient } from "../queries/client";

/** Renders a tree with a fresh query cache (no state leaks between tests). */
export function renderWithQueries(ui: ReactElement = <Root />) {
  const client = createQueryClient();
  return { client, ...render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>) };
}
