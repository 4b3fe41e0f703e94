import { Button, Card, Result, theme } from "antd";
import type { ReactNode } from "react";
import { useNavigate } from "react-router";

interface Props {
  icon: ReactNode;
  title: string;
  description: string;
  /** A next step that leads somewhere real. */
  action?: { label: string; to: string; icon?: ReactNode };
  testId?: string;
}

/** What a page will hold once there is data, and what to do next. Never pretends data exists. */
export function EmptyState({ icon, title, description, action, testId }: Props) {
  const navigate = useNavigate();
  const { token } = theme.useToken();
  return (
    <Card data-testid={testId}>
      <Result
        icon={<span style={{ color: token.colorPrimary, fontSize: 64 }}>{icon}</span>}
        title={title}
        subTitle={<div className="empty-description">{description}</div>}
        extra={
          action && (
            <Button type="primary" icon={action.icon} onClick={() => void navigate(action.to)}>
              {action.label}
            </Button>
          )
        }
      />
    </Card>
  );
}
