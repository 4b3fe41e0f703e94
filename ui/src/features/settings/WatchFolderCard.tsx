import { FolderOpenOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Flex, Skeleton, Switch, Typography } from "antd";
import type { TFunction } from "i18next";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { WatchFolderSettings } from "../../ipc/bindings/WatchFolderSettings";
import type { WatchStatus } from "../../ipc/bindings/WatchStatus";
import { toAppError } from "../../ipc/errors";
import { pickWatchFolder } from "../../ipc/dialogs";
import { useSaveWatchFolder, useWatchFolderSettings, useWatchFolderStatus } from "../../queries/watch";
import { registerE2E } from "../calls/e2e";
import { formatTime, localOffsetMinutes, offsetLabel } from "../calls/format";
import { pick } from "../../i18n/format";
import { errorText } from "../../i18n/useText";

/** The optional watch folder: new CDR files put in it are imported automatically. Off by default. */
export function WatchFolderCard() {
  const { t } = useTranslation();
  const settings = useWatchFolderSettings();
  const status = useWatchFolderStatus();
  let body;
  if (settings.isPending || status.isPending) {
    body = <Skeleton active paragraph={{ rows: 2 }} />;
  } else if (settings.isError || status.isError) {
    const error = toAppError(settings.error ?? status.error);
    body = <Alert type="error" showIcon title={t("settings.watch.loadFailed", { reason: t(`errors.${error.code}`) })} />;
  } else {
    body = <WatchFolderForm settings={settings.data} status={status.data} />;
  }
  return (
    <Card title={t("settings.watch.title")} data-testid="watch-folder-settings">
      {body}
    </Card>
  );
}

const fileName = (path: string) => path.split(/[\\/]/).pop() || path;

function WatchFolderForm({ settings, status }: { settings: WatchFolderSettings; status: WatchStatus }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveWatchFolder();
  const folder = settings.folder;

  const submit = (next: WatchFolderSettings) =>
    save.mutate(next, {
      onError: (e) => void message.error(t("settings.watch.saveFailed", { reason: errorText(e) })),
    });

  /** What choosing a folder does: save it, keeping the on/off switch as it is. */
  const folderChosen = (picked: string) => submit({ enabled: settings.enabled, folder: picked });

  const choose = async () => {
    try {
      const picked = await pickWatchFolder(t("settings.watch.dialogTitle"), folder ?? undefined);
      if (picked) folderChosen(picked);
    } catch (e) {
      void message.error(t("settings.watch.saveFailed", { reason: errorText(e) }));
    }
  };
  // Debug builds only: the E2E test gives the folder the native picker would return.
  useEffect(
    () => registerE2E({ watchFolder: (path: string) => folderChosen(path) }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-register when what choosing keeps changes
    [settings.enabled, i18n.language],
  );

  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Typography.Text type="secondary">{t("settings.watch.help")}</Typography.Text>
      <Flex vertical gap={4}>
        <Typography.Text strong>{t("settings.watch.folder")}</Typography.Text>
        <Flex gap={8} align="center" wrap>
          {folder ? (
            <Typography.Text code data-testid="watch-folder-path">
              {folder}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary" data-testid="watch-folder-path">
              {t("settings.watch.noFolder")}
            </Typography.Text>
          )}
          <Button icon={<FolderOpenOutlined />} onClick={() => void choose()} disabled={save.isPending} data-testid="watch-folder-choose">
            {folder ? t("settings.watch.change") : t("settings.watch.choose")}
          </Button>
        </Flex>
      </Flex>
      <Flex gap={8} align="center">
        <Switch
          checked={settings.enabled}
          disabled={!folder}
          loading={save.isPending}
          onChange={(enabled) => submit({ enabled, folder })}
          aria-label={t("settings.watch.enabled")}
          data-testid="watch-folder-enabled"
        />
        <Typography.Text strong>{t("settings.watch.enabled")}</Typography.Text>
      </Flex>
      <StatusLine status={status} hasFolder={folder !== null} />
    </Flex>
  );
}

function problemText(t: TFunction, language: string, status: WatchStatus): string {
  const folder = status.folder ?? "";
  const detail = status.detail ? pick(status.detail, language) : "";
  switch (status.problem) {
    case "missing":
      return t("settings.watch.problem.missing", { folder });
    case "notAFolder":
      return t("settings.watch.problem.notAFolder", { folder });
    case "permissionDenied":
      return t("settings.watch.problem.permissionDenied", { folder });
    case "importFailed":
      return t("settings.watch.problem.importFailed", { detail });
    default:
      return t("settings.watch.problem.unreadable", { folder, detail });
  }
}

/** What the watch is doing, and what to do when it cannot. */
function StatusLine({ status, hasFolder }: { status: WatchStatus; hasFolder: boolean }) {
  const { t, i18n } = useTranslation();
  if (status.state === "off") {
    return (
      <Typography.Text type="secondary" data-testid="watch-status" data-state="off">
        {hasFolder ? t("settings.watch.status.off") : t("settings.watch.status.offNoFolder")}
      </Typography.Text>
    );
  }
  if (status.state === "error") {
    return <Alert type="warning" showIcon data-testid="watch-status" data-state="error" title={problemText(t, i18n.language, status)} />;
  }
  const last = status.lastImport;
  const offset = localOffsetMinutes();
  return (
    <Flex vertical gap={8} data-testid="watch-status" data-state="watching" data-imported-files={status.importedFiles}>
      <Typography.Text type="success">{t("settings.watch.status.watching", { folder: status.folder ?? "" })}</Typography.Text>
      {status.importing && <Typography.Text>{t("settings.watch.status.importing", { name: fileName(status.importing) })}</Typography.Text>}
      {status.pending > 0 && <Typography.Text type="secondary">{t("settings.watch.status.pending", { count: status.pending })}</Typography.Text>}
      {last ? (
        <Flex
          vertical
          gap={2}
          data-testid="watch-last-import"
          data-file={fileName(last.report.path)}
          data-new={last.report.new}
          data-duplicate={last.report.duplicate}
          data-rejected={last.report.rejected}
        >
          <Typography.Text title={last.report.path}>
            {t("settings.watch.status.last", {
              time: formatTime(last.at, offset),
              zone: offsetLabel(offset),
              name: fileName(last.report.path),
              new: last.report.new,
              duplicate: last.report.duplicate,
              rejected: last.report.rejected,
            })}
          </Typography.Text>
          {last.report.error && (
            <Typography.Text type="danger">
              {t("settings.watch.status.fileError", { reason: pick(last.report.error, i18n.language) })}
            </Typography.Text>
          )}
          {last.report.errors[0] && (
            <Typography.Text type="warning">
              {t("settings.watch.status.firstRejected", {
                line: last.report.errors[0].line,
                reason: pick(last.report.errors[0].reason, i18n.language),
              })}
            </Typography.Text>
          )}
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t("settings.watch.status.noneYet")}</Typography.Text>
      )}
      {status.problem && <Alert type="warning" showIcon title={problemText(t, i18n.language, status)} />}
    </Flex>
  );
}
