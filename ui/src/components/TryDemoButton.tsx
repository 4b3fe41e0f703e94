import { ExperimentOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useAccounts } from "../queries/accounts";
import { useDemoStarting, useDemoStatus, useStartDemo } from "../queries/demo";
import { errorText } from "../i18n/useText";

interface Props {
  size?: "small" | "middle" | "large";
  testId?: string;
}

/**
 * "Try the demo": starts the in-app simulator with sample accounts, numbers, bindings and calls.
 * Shown only while there is no account at all (the demo's own accounts included), so it is the first step of a new user.
 */
export function TryDemoButton({ size = "middle", testId = "demo-try" }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const accounts = useAccounts();
  const demo = useDemoStatus();
  const start = useStartDemo();
  const starting = useDemoStarting();

  const noAccount = accounts.data?.length === 0 && !demo.data?.active;
  if (!noAccount && !starting) return null;

  const onClick = () =>
    start.mutate(undefined, {
      onSuccess: () => {
        void message.success(t("demo.started"));
        void navigate("/");
      },
      onError: (e) => void message.error(t("demo.startFailed", { reason: errorText(e) })),
    });

  return (
    <Button
      type="primary"
      size={size}
      icon={<ExperimentOutlined />}
      loading={starting}
      onClick={onClick}
      data-testid={testId}
      title={t("demo.tryHelp")}
    >
      {starting ? t("demo.starting") : t("demo.try")}
    </Button>
  );
}
