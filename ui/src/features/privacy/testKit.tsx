import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import { App as AntApp } from "antd";
import type { ReactElement } from "react";
import i18n from "../../i18n";
import { createQueryClient } from "../../queries/client";
import { UnlockProvider } from "./UnlockProvider";

/** Renders `ui` as the app does (query cache, antd App, the unlock dialog), in `language`. */
export function renderPrivacy(ui: ReactElement, language: "en" | "zh-CN" = "en") {
  void i18n.changeLanguage(language);
  const client = createQueryClient();
  return {
    client,
    ...render(
      <QueryClientProvider client={client}>
        <AntApp>
          <UnlockProvider>{ui}</UnlockProvider>
        </AntApp>
      </QueryClientProvider>,
    ),
  };
}
