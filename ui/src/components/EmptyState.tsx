import { Button, Card, Result, theme } from "antd";
import type { ReactNode } from "react";
import { useNavigate } from "react-router";

interface Props {
  icon: ReactNode;
  title: string;
  description: string;
  /** A next step that leads somewhere real. */
  action?: { label: string; to: string; icon?: ReactNode };
  /** Another step shown first (e.g. "Try the demo"); the action then becomes a secondary button. */
  extra?: ReactNode;
  testId?: string;
}

/** What a page will hold once there is data, and what to do next. Never pretends data exists. */
export function EmptyState({ icon, title, description, action, extra, testId }: Props) {
  const navigate = useNavigate();
  const { token } = theme.useToken();
  return (
    <Card data-testid={testId}>
      <Result
        icon={<span style={{ color: token.colorPrimary, fontSize: 64 }}>{icon}</span>}
        title={title}
        subTitle={<div className="empty-description">{description}</div>}
        extra={
          <>
            {extra}
            {action && (
              <Button type={extra ? "default" : "primary"} icon={action.icon} onClick={() => void navigate(action.to)}>
                {action.label}
              </Button>
            )}
          </>
        }
      />
    </Card>
  );
}
