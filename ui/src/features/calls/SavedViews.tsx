import { DeleteOutlined, SaveOutlined } from "@ant-design/icons";
import { App, Button, Input, Popover, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CallsFilterState } from "./filters";
import { deleteView, loadViews, saveView, type SavedView } from "./savedViews";

interface Props {
  filter: CallsFilterState;
  columns: string[];
  onApply: (view: SavedView) => void;
}

/** Named filter + column sets kept in localStorage on this computer. */
export function SavedViews({ filter, columns, onApply }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [views, setViews] = useState<SavedView[]>(() => loadViews());
  const [name, setName] = useState("");
  const [open, setOpen] = useState(false);

  const save = () => {
    const n = name.trim();
    if (!n) return;
    setViews(saveView({ name: n, filter, columns }));
    setOpen(false);
    setName("");
    void message.success(t("calls.views.saved", { name: n }));
  };

  return (
    <Space.Compact>
      <Select<string>
        style={{ width: 180 }}
        placeholder={t("calls.views.placeholder")}
        aria-label={t("calls.views.label")}
        value={null}
        data-testid="calls-views"
        onChange={(n) => {
          const v = views.find((x) => x.name === n);
          if (v) onApply(v);
        }}
        options={views.map((v) => ({ value: v.name, label: v.name }))}
        optionRender={(o) => (
          <Space style={{ width: "100%", justifyContent: "space-between" }}>
            <span>{o.label}</span>
            <Button
              size="small"
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t("calls.views.delete", { name: String(o.value) })}
              onClick={(e) => {
                e.stopPropagation();
                setViews(deleteView(String(o.value)));
              }}
            />
          </Space>
        )}
      />
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        placement="bottomRight"
        content={
          <Space direction="vertical" style={{ width: 260 }}>
            <Input
              autoFocus
              placeholder={t("calls.views.name")}
              value={name}
              maxLength={60}
              onChange={(e) => setName(e.target.value)}
              onPressEnter={save}
              data-testid="calls-view-name"
            />
            <Typography.Text type="secondary">{t("calls.views.note")}</Typography.Text>
            <Button type="primary" block disabled={!name.trim()} onClick={save} data-testid="calls-view-save-confirm">
              {t("calls.views.save")}
            </Button>
          </Space>
        }
      >
        <Button icon={<SaveOutlined />} aria-label={t("calls.views.save")} data-testid="calls-view-save" />
      </Popover>
    </Space.Compact>
  );
}
