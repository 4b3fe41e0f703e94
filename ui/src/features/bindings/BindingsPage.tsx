import { DownOutlined, HistoryOutlined, LinkOutlined, PlusOutlined, SettingOutlined, SyncOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Dropdown, Flex, Space, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { Page } from "../../components/Page";
import type { BindingFilter } from "../../ipc/bindings/BindingFilter";
import type { CachedBinding } from "../../ipc/bindings/CachedBinding";
import type { JobKind } from "../../ipc/bindings/JobKind";
import { toAppError } from "../../ipc/errors";
import { formatDateTime } from "../../i18n/format";
import { useActiveAccount, useAccounts } from "../../queries/accounts";
import { useBindings, useSyncBindings } from "../../queries/bindings";
import { BindDrawer } from "./BindDrawer";
import { BindingFilters } from "./BindingFilters";
import { BindingsTable } from "./BindingsTable";
import { BulkWizard } from "./bulk/BulkWizard";
import { JobsDrawer } from "./bulk/JobsDrawer";
import { ModifyDrawer } from "./ModifyDrawer";
import { useUnbindWithUndo } from "./useUnbindWithUndo";

const FIRST_PAGE: BindingFilter = {
  number: null,
  x: null,
  status: null,
  expiringWithinDays: null,
  city: null,
  sort: "boundAt",
  descending: true,
  page: 1,
  pageSize: 50,
};

export function BindingsPage() {
  const { t } = useTranslation();
  const accounts = useAccounts();
  const account = useActiveAccount();
  if (!accounts.isPending && !account) {
    return (
      <Page testId="page-bindings" title={t("bindings.title")} subtitle={t("bindings.subtitle")}>
        <EmptyState
          testId="bindings-empty"
          icon={<LinkOutlined />}
          title={t("bindings.empty.title")}
          description={t("bindings.empty.description")}
          action={{ label: t("bindings.empty.action"), to: "/settings", icon: <SettingOutlined /> }}
        />
      </Page>
    );
  }
  return (
    <Page testId="page-bindings" title={t("bindings.title")} subtitle={t("bindings.subtitle")}>
      {account && <Bindings key={account.id} name={account.name} mode={account.mode} />}
    </Page>
  );
}

const isUnfiltered = (f: BindingFilter) =>
  !f.number && !f.x && !f.status && !f.expiringWithinDays && !f.city && f.page === 1;

/** Bulk wizard state: which kind of job, or a job to resume / look at. */
type BulkOpen = { kind: JobKind; jobId?: number } | null;

function Bindings({ name, mode }: { name: string; mode: CachedBinding["mode"] }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  // Deep links (also used for screenshots): `?new=1` opens the bind form, `?bulk=bind|modify|unbind` the
  // wizard, `?job=ID` an existing job, `?jobs=1` the jobs list.
  const [params] = useSearchParams();
  const jobParam = Number(params.get("job")) || undefined;
  const [filter, setFilter] = useState<BindingFilter>(FIRST_PAGE);
  const bindings = useBindings(filter);
  const sync = useSyncBindings();
  const [binding, setBinding] = useState(params.get("new") === "1");
  const [modifying, setModifying] = useState<CachedBinding | null>(null);
  const [bulk, setBulk] = useState<BulkOpen>(() => {
    const kind = params.get("bulk");
    if (jobParam) return { kind: (kind as JobKind | null) ?? "bind", jobId: jobParam };
    return kind === "bind" || kind === "modify" || kind === "unbind" ? { kind } : null;
  });
  const [jobs, setJobs] = useState(params.get("jobs") === "1");
  const unbind = useUnbindWithUndo();
  const lastSynced = bindings.data?.lastSyncedAt;

  const runSync = async () => {
    try {
      const r = await sync.mutateAsync();
      void message.success(t("bindings.sync.done", { seen: r.seen, added: r.added, removed: r.removed }));
    } catch (e) {
      void message.error({ content: t("bindings.sync.failed", { reason: toAppError(e).message }), duration: 8 });
    }
  };

  const bulkItems = (["bind", "modify", "unbind"] as JobKind[])
    .filter((k) => k !== "modify" || mode !== "AXYB")
    .map((k) => ({ key: k, label: t(`bindings.bulk.open.${k}`), "data-testid": `bulk-open-${k}` }));

  return (
    <Flex vertical gap="middle">
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap="small">
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setBinding(true)} data-testid="binding-new">
              {t("bindings.bind.button")}
            </Button>
            <Dropdown menu={{ items: bulkItems, onClick: ({ key }) => setBulk({ kind: key as JobKind }) }}>
              <Button data-testid="bulk-menu">
                <Space>
                  {t("bindings.bulk.menu")}
                  <DownOutlined />
                </Space>
              </Button>
            </Dropdown>
            <Button icon={<HistoryOutlined />} onClick={() => setJobs(true)} data-testid="bulk-jobs">
              {t("bindings.bulk.jobs.button")}
            </Button>
          </Space>
          <Space>
            <Typography.Text type="secondary" data-testid="bindings-last-synced">
              {lastSynced
                ? t("bindings.sync.last", { when: formatDateTime(lastSynced, i18n.language) })
                : t("bindings.sync.never")}
            </Typography.Text>
            <Button icon={<SyncOutlined spin={sync.isPending} />} onClick={() => void runSync()} loading={sync.isPending} data-testid="bindings-sync">
              {t("bindings.sync.button")}
            </Button>
          </Space>
        </Flex>
      </Card>
      <BindingFilters filter={filter} onChange={setFilter} />
      {bindings.data?.total === 0 && isUnfiltered(filter) ? (
        <EmptyState
          testId="bindings-empty"
          icon={<LinkOutlined />}
          title={t("bindings.ready.title", { name, mode })}
          description={t("bindings.ready.description")}
        />
      ) : bindings.isError ? (
        <Alert type="error" showIcon title={t("bindings.loadFailed", { reason: toAppError(bindings.error).message })} />
      ) : (
        <BindingsTable
          mode={mode}
          page={bindings.data}
          loading={bindings.isFetching}
          onPage={(page, pageSize) => setFilter((f) => ({ ...f, page, pageSize }))}
          onSort={(sort, descending) => setFilter((f) => ({ ...f, sort, descending }))}
          onModify={setModifying}
          onUnbind={(b) => void unbind(b)}
        />
      )}
      <BindDrawer open={binding} mode={mode} onClose={() => setBinding(false)} />
      {modifying && <ModifyDrawer binding={modifying} onClose={() => setModifying(null)} />}
      {bulk && <BulkWizard mode={mode} kind={bulk.kind} resumeJobId={bulk.jobId} onClose={() => setBulk(null)} />}
      <JobsDrawer
        open={jobs}
        onClose={() => setJobs(false)}
        onOpen={(job) => {
          setJobs(false);
          setBulk({ kind: job.kind, jobId: job.id });
        }}
      />
    </Flex>
  );
}
