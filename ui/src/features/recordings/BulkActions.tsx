import { CloudDownloadOutlined, DeleteOutlined, FileZipOutlined, PushpinOutlined } from "@ant-design/icons";
import { App, Button, Flex, Popconfirm, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useDeleteLocalRecordings, usePinRecordings } from "../../queries/recordings";
import type { useFetchJob } from "./useFetchJob";
import { errorText } from "../../i18n/useText";

interface Props {
  selected: number[];
  job: ReturnType<typeof useFetchJob>;
  onExport: (ids: number[]) => void;
  onClear: () => void;
}

/** What can be done with the ticked rows: fetch, export as zip, pin / unpin, delete the local copies. */
export function BulkActions({ selected, job, onExport, onClear }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pin = usePinRecordings();
  const remove = useDeleteLocalRecordings();
  const count = selected.length;
  const none = count === 0;
  const failed = (e: unknown) => void message.error(t("recordings.action.failed", { reason: errorText(e) }));
  const setPinned = (pinned: boolean) =>
    pin.mutate(
      { callIds: selected, pinned },
      { onSuccess: () => void message.success(t(pinned ? "recordings.bulk.pinned" : "recordings.bulk.unpinned", { count })), onError: failed },
    );

  return (
    <Flex gap={8} wrap align="center" data-testid="recordings-bulk" data-count={count}>
      <Typography.Text type="secondary" data-testid="recordings-selected">
        {none ? t("recordings.bulk.hint") : t("recordings.bulk.selected", { count })}
      </Typography.Text>
      <Button
        size="small"
        icon={<CloudDownloadOutlined />}
        disabled={none || job.running}
        onClick={() => void job.start({ callIds: selected, since: null })}
        data-testid="recordings-bulk-fetch"
      >
        {t("recordings.bulk.fetch")}
      </Button>
      <Button size="small" icon={<FileZipOutlined />} disabled={none} onClick={() => onExport(selected)} data-testid="recordings-bulk-export">
        {t("recordings.bulk.export")}
      </Button>
      <Button size="small" icon={<PushpinOutlined />} disabled={none} loading={pin.isPending} onClick={() => setPinned(true)} data-testid="recordings-bulk-pin">
        {t("recordings.action.pin")}
      </Button>
      <Button size="small" disabled={none} onClick={() => setPinned(false)} data-testid="recordings-bulk-unpin">
        {t("recordings.action.unpin")}
      </Button>
      <Popconfirm
        title={t("recordings.delete.title", { count })}
        description={t("recordings.delete.bulkDescription")}
        okText={t("recordings.delete.ok")}
        cancelText={t("common.cancel")}
        okButtonProps={{ danger: true, ...{ "data-testid": "recordings-bulk-delete-ok" } }}
        disabled={none}
        onConfirm={() =>
          remove.mutateAsync(selected).then((n) => {
            void message.success(t("recordings.delete.done", { count: n }));
            onClear();
          }, failed)
        }
      >
        <Button size="small" danger icon={<DeleteOutlined />} disabled={none} data-testid="recordings-bulk-delete">
          {t("recordings.action.deleteLocal")}
        </Button>
      </Popconfirm>
      {!none && (
        <Button size="small" type="link" onClick={onClear} data-testid="recordings-bulk-clear">
          {t("recordings.bulk.clear")}
        </Button>
      )}
    </Flex>
  );
}
