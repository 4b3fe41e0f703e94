import { ImportOutlined, NumberOutlined, PlusOutlined, SettingOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Flex, Input, List, Modal, Space, Tabs } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { Page } from "../../components/Page";
import type { NumberImportReport } from "../../ipc/bindings/NumberImportReport";
import { pickSpreadsheet } from "../../ipc/dialogs";
import { useAccounts, useActiveAccount } from "../../queries/accounts";
import { useAssignPool, useImportNumbers, useNumbers } from "../../queries/numbers";
import { AddNumbersModal } from "./AddNumbersModal";
import { matchesSearch } from "./health";
import { NumbersTable } from "./NumbersTable";
import { PoolsView } from "./PoolsView";
import { errorText, textNow } from "../../i18n/useText";

export function NumbersPage() {
  const { t } = useTranslation();
  const accounts = useAccounts();
  const account = useActiveAccount();
  return (
    <Page testId="page-numbers" title={t("numbers.title")} subtitle={t("numbers.subtitle")}>
      {!accounts.isPending && !account ? (
        <EmptyState
          testId="numbers-empty"
          icon={<NumberOutlined />}
          title={t("numbers.empty.title")}
          description={t("numbers.empty.description")}
          action={{ label: t("numbers.empty.action"), to: "/settings", icon: <SettingOutlined /> }}
        />
      ) : (
        account && <Numbers key={account.id} />
      )}
    </Page>
  );
}

function Numbers() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const numbers = useNumbers();
  const importFile = useImportNumbers();
  const [adding, setAdding] = useState(false);
  const [search, setSearch] = useState("");
  const [report, setReport] = useState<NumberImportReport | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [moving, setMoving] = useState(false);
  const [poolName, setPoolName] = useState("");
  const assign = useAssignPool();

  const runAssign = async () => {
    try {
      const n = await assign.mutateAsync({ numbers: selected, pool: poolName.trim() || null });
      void message.success(
        poolName.trim() ? t("numbers.assign.done", { count: n, pool: poolName.trim() }) : t("numbers.assign.removed", { count: n }),
      );
      setMoving(false);
      setSelected([]);
      setPoolName("");
    } catch (e) {
      void message.error(t("numbers.assign.failed", { reason: errorText(e) }));
    }
  };

  const done = (r: NumberImportReport) => {
    setReport(r.errors.length ? r : null);
    void message.success(t("numbers.import.done", { added: r.added, updated: r.updated, unchanged: r.unchanged, rejected: r.errors.length }));
  };

  const runImport = async () => {
    try {
      const path = await pickSpreadsheet({ title: t("numbers.import.dialog"), filterName: t("bindings.bulk.file.filter") });
      if (!path) return;
      done(await importFile.mutateAsync({ path, pool: null }));
    } catch (e) {
      void message.error({ content: t("numbers.import.failed", { reason: errorText(e) }), duration: 8 });
    }
  };

  const rows = (numbers.data ?? []).filter((s) => matchesSearch(s, search));
  const toolbar = (
    <Space wrap>
      <Button icon={<ImportOutlined />} onClick={() => void runImport()} loading={importFile.isPending} data-testid="numbers-import">
        {t("numbers.import.button")}
      </Button>
      <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="numbers-add">
        {t("numbers.add.button")}
      </Button>
    </Space>
  );

  const list =
    numbers.isError ? (
      <Alert type="error" showIcon title={t("numbers.loadFailed", { reason: errorText(numbers.error) })} />
    ) : !numbers.isPending && numbers.data.length === 0 ? (
      <EmptyState testId="numbers-none" icon={<NumberOutlined />} title={t("numbers.none.title")} description={t("numbers.none.description")} />
    ) : (
      <Flex vertical gap="middle">
        <Space wrap>
          <Input.Search
            allowClear
            style={{ width: 320 }}
            placeholder={t("numbers.search")}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="numbers-search"
          />
          <Button disabled={selected.length === 0} onClick={() => setMoving(true)} data-testid="numbers-move">
            {t("numbers.assign.button", { count: selected.length })}
          </Button>
        </Space>
        <NumbersTable rows={rows} loading={numbers.isFetching} testId="numbers-table" selected={selected} onSelect={setSelected} />
      </Flex>
    );

  return (
    <Flex vertical gap="middle">
      {report && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setReport(null)}
          title={t("numbers.import.rejected", { count: report.errors.length })}
          description={
            <List
              size="small"
              dataSource={report.errors.slice(0, 10)}
              renderItem={(e) => <List.Item>{t("numbers.import.rowError", { file: e.file, row: e.row, message: textNow(e.message) })}</List.Item>}
            />
          }
          data-testid="numbers-import-errors"
        />
      )}
      <Card size="small">
        <Tabs
          defaultActiveKey="numbers"
          tabBarExtraContent={toolbar}
          items={[
            { key: "numbers", label: t("numbers.tab.numbers"), children: list },
            { key: "pools", label: <span data-testid="numbers-tab-pools">{t("numbers.tab.pools")}</span>, children: <PoolsView /> },
          ]}
        />
      </Card>
      <AddNumbersModal open={adding} onClose={() => setAdding(false)} onDone={done} />
      <Modal
        open={moving}
        title={t("numbers.assign.title", { count: selected.length })}
        onCancel={() => setMoving(false)}
        onOk={() => void runAssign()}
        okText={t("numbers.assign.ok")}
        okButtonProps={{ loading: assign.isPending, ...{ "data-testid": "numbers-move-ok" } }}
        cancelText={t("common.cancel")}
        destroyOnHidden
      >
        <Input
          value={poolName}
          onChange={(e) => setPoolName(e.target.value)}
          placeholder={t("numbers.assign.placeholder")}
          data-testid="numbers-move-pool"
        />
      </Modal>
    </Flex>
  );
}
