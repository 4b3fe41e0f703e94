import { Button, Drawer, Empty, Progress, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { JobState } from "../../../ipc/bindings/JobState";
import type { JobSummary } from "../../../ipc/bindings/JobSummary";
import { nowrap, shortDateTime } from "../format";
import { useBulkJobs } from "../../../queries/bulk";
import { percent } from "./progress";

const COLOR: Record<JobState, string> = { ready: "blue", running: "processing", paused: "gold", cancelled: "orange", done: "green" };

interface Props {
  open: boolean;
  onClose: () => void;
  onOpen: (job: JobSummary) => void;
}

/** The account's bulk jobs; an interrupted or cancelled one can be resumed, a finished one looked at. */
export function JobsDrawer({ open, onClose, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const jobs = useBulkJobs(open);
  return (
    <Drawer open={open} onClose={onClose} size={880} title={t("bindings.bulk.jobs.title")} data-testid="bulk-jobs-drawer">
      <Table<JobSummary>
        size="small"
        rowKey="id"
        loading={jobs.isFetching}
        dataSource={jobs.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t("bindings.bulk.jobs.empty")} /> }}
        scroll={{ x: "max-content" }}
        columns={nowrap<JobSummary>([
          { title: "#", dataIndex: "id", width: 50 },
          { title: t("bindings.bulk.jobs.kind"), render: (_: unknown, j) => `${j.mode} ${t(`bindings.bulk.kind.${j.kind}`)}` },
          { title: t("bindings.bulk.jobs.file"), dataIndex: "source" },
          { title: t("bindings.bulk.jobs.created"), dataIndex: "createdAt", render: (c: string) => shortDateTime(c, i18n.language) },
          {
            title: t("bindings.bulk.jobs.state"),
            render: (_: unknown, j) => <Tag color={COLOR[j.progress.state]}>{t(`bindings.bulk.jobState.${j.progress.state}`)}</Tag>,
          },
          { title: t("bindings.bulk.jobs.progress"), width: 130, render: (_: unknown, j) => <Progress size="small" percent={percent(j.progress)} /> },
          {
            title: "",
            width: 90,
            render: (_: unknown, j) => (
              <Button size="small" type="link" onClick={() => onOpen(j)} data-testid={`bulk-job-open-${j.id}`}>
                {j.progress.state === "done" ? t("bindings.bulk.jobs.view") : t("bindings.bulk.jobs.resume")}
              </Button>
            ),
          },
        ])}
      />
    </Drawer>
  );
}
