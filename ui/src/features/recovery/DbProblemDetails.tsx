import { Descriptions, Typography } from "antd";
import type { DescriptionsProps } from "antd";
import { useTranslation } from "react-i18next";

/** The reason and the file's path, as both database screens show them, plus the screen's own rows. */
export function DbProblemDetails({
  reason,
  path,
  extra = [],
}: {
  reason: string;
  path: string;
  extra?: DescriptionsProps["items"];
}) {
  const { t } = useTranslation();
  return (
    <Descriptions
      className="recovery-details"
      column={1}
      size="small"
      bordered
      items={[
        { key: "reason", label: t("recovery.reason"), children: reason },
        { key: "path", label: t("recovery.path"), children: <Typography.Text code copyable>{path}</Typography.Text> },
        ...(extra ?? []),
      ]}
    />
  );
}
