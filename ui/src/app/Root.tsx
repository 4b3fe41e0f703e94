import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { UnlockProvider } from "../features/privacy/UnlockProvider";
import { RecoveryScreen } from "../features/recovery/RecoveryScreen";
import { UnavailableScreen } from "../features/recovery/UnavailableScreen";
import { toAppError } from "../ipc/errors";
import { useAppInfo, useDbStatus } from "../queries/app";
import { useSettings } from "../queries/settings";
import { useWatchFolderEvents } from "../queries/watch";
import { antdTheme } from "../theme/antdTheme";
import { AppRoutes } from "./AppRoutes";
import { BootError, BootSpinner } from "./BootScreens";
import { usePreferences } from "./usePreferences";

/**
 * Start-up: ask db_status first. A corrupt database gets the recovery screen instead of the app, one
 * that is only unavailable (locked, disk full, a folder…) a screen that says so and offers a retry;
 * otherwise load settings and show the app in the chosen language and theme.
 */
export function Root() {
  const db = useDbStatus();
  const info = useAppInfo();
  const dbOk = db.data?.state === "ok";
  const settings = useSettings({ enabled: dbOk });
  const { language, theme } = usePreferences(settings.data, info.data);

  let content;
  if (db.isPending || info.isPending || (dbOk && settings.isPending)) {
    content = <BootSpinner />;
  } else if (db.isError) {
    content = <BootError error={toAppError(db.error)} onRetry={() => void db.refetch()} />;
  } else if (db.data.state === "corrupt") {
    content = <RecoveryScreen status={db.data} />;
  } else if (db.data.state === "unavailable") {
    content = <UnavailableScreen status={db.data} />;
  } else {
    content = (
      <UnlockProvider>
        <WatchFolderEvents />
        <AppRoutes />
      </UnlockProvider>
    );
  }

  return (
    <ConfigProvider locale={language === "zh-CN" ? zhCN : enUS} theme={antdTheme(theme)}>
      <AntApp className="app-root">{content}</AntApp>
    </ConfigProvider>
  );
}

/** Keeps the watch folder's status fresh and refreshes calls after every watched import, on every page. */
function WatchFolderEvents() {
  useWatchFolderEvents();
  return null;
}
