import { DownloadOutlined, FileAddOutlined, FolderOpenOutlined, InboxOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Dropdown, Flex, Skeleton, Space, Typography } from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/Page";
import { useBackendListener } from "../../components/useBackendListener";
import type { CallSort } from "../../ipc/bindings/CallSort";
import type { ExportFormat } from "../../ipc/bindings/ExportFormat";
import { onFilesDropped } from "../../ipc/dialogs";
import { useCallsCount, useCallsPage } from "../../queries/calls";
import { CallDetailDrawer } from "./CallDetailDrawer";
import { CallsFilters } from "./CallsFilters";
import { CallsTable } from "./CallsTable";
import { DEFAULT_COLUMNS } from "./columns";
import { ColumnChooser } from "./ColumnChooser";
import { registerE2E } from "./e2e";
import { ExportModal } from "./ExportModal";
import { EMPTY_FILTER, toCallFilter, type CallsFilterState } from "./filters";
import { localOffsetMinutes, offsetLabel } from "./format";
import { ImportModal } from "./ImportModal";
import { loadColumns, saveColumns } from "./savedViews";
import { SavedViews } from "./SavedViews";
import { exportLanguage, useExportJob } from "./useExportJob";
import { useImportJob } from "./useImportJob";
import { errorText } from "../../i18n/useText";

const PAGE_SIZE = 100;
const NO_FILTER = toCallFilter(EMPTY_FILTER, new Date(0));

/** Table height that fits the window under the filters (antd's virtual table needs a number). */
function useTableHeight() {
  const compute = () => Math.max(280, window.innerHeight - 470);
  const [h, setH] = useState(compute);
  useEffect(() => {
    const on = () => setH(compute());
    window.addEventListener("resize", on);
    return () => window.removeEventListener("resize", on);
  }, []);
  return h;
}

/** Calls page: import CDR files, search and filter them, open one to see why it ended, export. */
export function CallsPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilterState] = useState<CallsFilterState>(EMPTY_FILTER);
  const [now, setNow] = useState(() => new Date());
  const [sort, setSort] = useState<CallSort>({ column: "startTime", descending: true });
  const [page, setPage] = useState(0);
  const [columns, setColumnsState] = useState<string[]>(() => loadColumns(DEFAULT_COLUMNS));
  const [detailId, setDetailId] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);
  const offsetMinutes = useMemo(() => localOffsetMinutes(now), [now]);
  const zone = offsetLabel(offsetMinutes);
  const height = useTableHeight();

  const setFilter = useCallback((next: CallsFilterState) => {
    setFilterState(next);
    setNow(new Date());
    setPage(0);
  }, []);
  const setColumns = (c: string[]) => {
    setColumnsState(c);
    saveColumns(c);
  };

  const callFilter = useMemo(() => toCallFilter(filter, now), [filter, now]);
  const request = useMemo(() => ({ filter: callFilter, sort, page, pageSize: PAGE_SIZE }), [callFilter, sort, page]);
  const anyCalls = useCallsCount(NO_FILTER);
  const count = useCallsCount(callFilter);
  const rows = useCallsPage(request);

  const importJob = useImportJob();
  const exportJob = useExportJob();
  const exportBase = { filter: callFilter, sort, utcOffsetMinutes: offsetMinutes, language: exportLanguage(i18n.language) };

  const { run: runImport } = importJob;
  const listenForDrops = useCallback(
    () =>
      onFilesDropped((e) => {
        setDragging(e.type === "over");
        if (e.type === "drop") void runImport(e.paths);
      }),
    [runImport],
  );
  useBackendListener(listenForDrops);

  const { run: runExport } = exportJob;
  useEffect(
    () =>
      registerE2E({
        importPaths: (paths: string[]) => runImport(paths),
        exportTo: (path: string, format: ExportFormat, unmask: boolean) =>
          runExport({ ...exportBase, path, format, unmask }),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-register when what would be exported changes
    [runImport, runExport, callFilter, sort, offsetMinutes, i18n.language],
  );

  const importMenu = {
    items: [
      { key: "files", icon: <FileAddOutlined />, label: <span data-testid="calls-import-files">{t("calls.import.files")}</span> },
      { key: "folder", icon: <FolderOpenOutlined />, label: <span data-testid="calls-import-folder">{t("calls.import.folder")}</span> },
    ],
    onClick: ({ key }: { key: string }) => void importJob.pickAndRun(key === "folder"),
  };
  const importButton = (primary: boolean) => (
    <Dropdown menu={importMenu} trigger={["click"]}>
      <Button type={primary ? "primary" : "default"} icon={<UploadOutlined />} data-testid="calls-import">
        {t("calls.import.button")}
      </Button>
    </Dropdown>
  );

  const empty = anyCalls.data === 0;
  return (
    <Page testId="page-calls" title={t("calls.title")} subtitle={t("calls.subtitle")}>
      {dragging && (
        <div className="drop-overlay" data-testid="calls-drop-overlay">
          <InboxOutlined />
          <span>{t("calls.import.drop")}</span>
        </div>
      )}
      {anyCalls.isPending ? (
        <Skeleton active />
      ) : anyCalls.isError ? (
        <Alert type="error" showIcon message={t("calls.loadFailed", { reason: errorText(anyCalls.error) })} />
      ) : empty ? (
        <Card data-testid="calls-empty">
          <div className="drop-zone" data-testid="calls-dropzone">
            <InboxOutlined className="drop-zone-icon" />
            <Typography.Title level={4}>{t("calls.empty.title")}</Typography.Title>
            <Typography.Paragraph type="secondary" className="empty-description">
              {t("calls.empty.description")}
            </Typography.Paragraph>
            <Space>
              <Button type="primary" icon={<FileAddOutlined />} onClick={() => void importJob.pickAndRun(false)} data-testid="calls-empty-import">
                {t("calls.import.files")}
              </Button>
              <Button icon={<FolderOpenOutlined />} onClick={() => void importJob.pickAndRun(true)} data-testid="calls-empty-import-folder">
                {t("calls.import.folder")}
              </Button>
            </Space>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              {t("calls.import.dropHint")}
            </Typography.Paragraph>
          </div>
        </Card>
      ) : (
        <Card size="small">
          <Flex vertical gap={12}>
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Space wrap>
                {importButton(false)}
                <Button icon={<DownloadOutlined />} onClick={exportJob.show} data-testid="calls-export">
                  {t("calls.export.button")}
                </Button>
              </Space>
              <Space wrap>
                <Typography.Text type="secondary" data-testid="calls-zone">
                  {t("calls.zone", { zone })} · {t("calls.masked")}
                </Typography.Text>
                <SavedViews
                  filter={filter}
                  columns={columns}
                  onApply={(v) => {
                    setFilter(v.filter);
                    if (v.columns.length > 0) setColumns(v.columns);
                  }}
                />
                <ColumnChooser value={columns} zone={zone} onChange={setColumns} />
              </Space>
            </Flex>
            <CallsFilters value={filter} onChange={setFilter} numberMatch={rows.data?.numberMatch} />
            {rows.isError ? (
              <Alert type="error" showIcon message={t("calls.loadFailed", { reason: errorText(rows.error) })} />
            ) : (
              <>
                <Typography.Text type="secondary" data-testid="calls-count" data-count={count.data ?? ""}>
                  {count.data === 0 ? t("calls.noMatch") : t("calls.countFiltered", { count: count.data ?? 0 })}
                </Typography.Text>
                <CallsTable
                  rows={rows.data?.rows ?? []}
                  loading={rows.isFetching}
                  columns={columns}
                  sort={sort}
                  page={page}
                  pageSize={PAGE_SIZE}
                  total={count.data ?? 0}
                  offsetMinutes={offsetMinutes}
                  height={height}
                  onSort={(s) => {
                    setSort(s);
                    setPage(0);
                  }}
                  onPage={setPage}
                  onOpen={(r) => setDetailId(r.id)}
                />
              </>
            )}
          </Flex>
        </Card>
      )}
      <CallDetailDrawer id={detailId} offsetMinutes={offsetMinutes} onClose={() => setDetailId(null)} />
      <ImportModal state={importJob.state} onCancel={importJob.cancel} onClose={importJob.close} />
      <ExportModal
        open={exportJob.open}
        state={exportJob.state}
        request={exportBase}
        count={count.data ?? 0}
        onRun={(r) => void runExport(r)}
        onCancel={exportJob.cancel}
        onClose={exportJob.close}
      />
    </Page>
  );
}
