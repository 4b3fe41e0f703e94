import { Alert, Form, Input, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { NumberImportReport } from "../../ipc/bindings/NumberImportReport";
import { useAddNumbers } from "../../queries/numbers";
import { checkPhone } from "../bindings/phone";
import { splitTyped } from "./health";
import { errorText } from "../../i18n/useText";

interface Props {
  open: boolean;
  onClose: () => void;
  onDone: (r: NumberImportReport) => void;
}

/** Numbers typed or pasted, with a shared area code and pool. */
export function AddNumbersModal({ open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const add = useAddNumbers();
  const [text, setText] = useState("");
  const [city, setCity] = useState("");
  const [pool, setPool] = useState("");
  const [error, setError] = useState<string | null>(null);
  const numbers = splitTyped(text);
  const bad = numbers.filter((n) => !checkPhone(n).ok);
  // The backend adds a missing trunk 0 (`755` → `0755`).
  const cityBad = city.trim() !== "" && !/^0?\d{2,3}$/.test(city.trim());

  const submit = async () => {
    setError(null);
    try {
      onDone(await add.mutateAsync({ numbers, city: city.trim() || null, pool: pool.trim() || null }));
      setText("");
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Modal
      open={open}
      title={t("numbers.add.title")}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t("numbers.add.submit", { count: numbers.length })}
      okButtonProps={{ disabled: numbers.length === 0 || cityBad, loading: add.isPending, ...{ "data-testid": "numbers-add-submit" } }}
      cancelText={t("common.cancel")}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <Form.Item
          label={t("numbers.add.numbers")}
          extra={t("numbers.add.numbersHelp")}
          validateStatus={bad.length ? "warning" : undefined}
          help={bad.length ? t("numbers.add.bad", { list: bad.slice(0, 3).join(", ") }) : undefined}
        >
          <Input.TextArea rows={5} value={text} onChange={(e) => setText(e.target.value)} data-testid="numbers-add-text" />
        </Form.Item>
        <Form.Item label={t("numbers.add.city")} validateStatus={cityBad ? "error" : undefined} help={cityBad ? t("bindings.form.errors.areaCode") : undefined}>
          <Input value={city} placeholder="0755" onChange={(e) => setCity(e.target.value)} data-testid="numbers-add-city" />
        </Form.Item>
        <Form.Item label={t("numbers.add.pool")} extra={t("numbers.add.poolHelp")}>
          <Input value={pool} onChange={(e) => setPool(e.target.value)} data-testid="numbers-add-pool" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
