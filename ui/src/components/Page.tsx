import { Typography } from "antd";
import type { ReactNode } from "react";

interface Props {
  testId: string;
  title: string;
  subtitle: string;
  children: ReactNode;
}

/** The frame every page shares: a title, one line on what the page is for, then the content. */
export function Page({ testId, title, subtitle, children }: Props) {
  return (
    <div className="page" data-testid={testId}>
      <header className="page-header">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Typography.Text type="secondary">{subtitle}</Typography.Text>
      </header>
      {children}
    </div>
  );
}
