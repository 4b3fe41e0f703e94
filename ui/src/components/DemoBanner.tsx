import { ExperimentOutlined } from "@ant-design/icons";
import { Alert, App, Button, Popconfirm } from "antd";
import { useTranslation } from "react-i18next";
import { useDemoStatus, useLeaveDemo } from "../queries/demo";
import { testId } from "./testId";
import { errorText } from "../i18n/useText";

/** Above every page while the demo is on: says the data is simulated, and leads out of the demo. */
export function DemoBanner() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const status = useDemoStatus();
  const leave = useLeaveDemo();

  if (!status.data?.active) return null;

  const onLeave = () =>
    leave.mutate(undefined, {
      onSuccess: () => void message.success(t("demo.left")),
      onError: (e) => void message.error(t("demo.leaveFailed", { reason: errorText(e) })),
    });

  return (
    <Alert
      className="demo-banner"
      data-testid="demo-banner"
      type="warning"
      showIcon
      icon={<ExperimentOutlined />}
      title={status.data.running ? t("demo.banner") : `${t("demo.banner")} ${t("demo.bannerStarting")}`}
      action={
        <Popconfirm
          title={t("demo.leaveConfirm.title")}
          description={<div style={{ maxWidth: 360 }}>{t("demo.leaveConfirm.description")}</div>}
          okText={t("demo.leaveConfirm.ok")}
          cancelText={t("common.cancel")}
          okButtonProps={{ danger: true, loading: leave.isPending, ...testId("demo-leave-confirm") }}
          onConfirm={onLeave}
        >
          <Button size="small" loading={leave.isPending} data-testid="demo-leave">
            {t("demo.leave")}
          </Button>
        </Popconfirm>
      }
      // Stays in view while the page scrolls.
      style={{ marginBottom: 16, position: "sticky", top: 0, zIndex: 5 }}
    />
  );
}
