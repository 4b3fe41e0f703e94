import { Alert, Typography } from "antd";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { ConnectionReport } from "../../../ipc/bindings/ConnectionReport";
import type { AppError } from "../../../ipc/errors";
import { platformWords, verdictMessageId, verdictSeverity } from "./verdict";
import { useText } from "../../../i18n/useText";

interface Props {
  accountName: string;
  /** What the test found, or why it could not run. */
  outcome: { report: ConnectionReport } | { error: AppError };
  onClose: () => void;
}

/** "Test connection" explained: our plain-words verdict, then the platform's own words and code, then the detail. */
export function ConnectionResult({ accountName, outcome, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const txt = useText();
  const ref = useRef<HTMLDivElement>(null);
  // The result appears below the table: bring it into view so the answer is never missed.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: "nearest", behavior: "smooth" });
  }, [outcome]);
  if ("error" in outcome) {
    return (
      <div ref={ref}>
        <Alert
          data-testid="account-test-result"
          type="error"
          showIcon
          closable={{ onClose }}
          title={t("accounts.test.failed", { name: accountName, reason: t(`errors.${outcome.error.code}`) })}
          description={txt(outcome.error.message)}
        />
      </div>
    );
  }
  const { report } = outcome;
  const words = platformWords(report, i18n.language);
  return (
    <div ref={ref}>
      <Alert
        data-testid="account-test-result"
        data-verdict={report.verdict}
        type={verdictSeverity(report.verdict)}
        showIcon
        closable={{ onClose }}
        title={
          <>
            <Typography.Text strong>{t("accounts.test.resultFor", { name: accountName })}</Typography.Text>{" "}
            {t(verdictMessageId(report.verdict))}
          </>
        }
        description={
          (words.explanation || words.action || report.code || report.detail) && (
            <div className="test-result-details">
              {words.explanation && <div>{t("accounts.test.platformSays", { text: words.explanation })}</div>}
              {words.action && <div>{t("accounts.test.platformAction", { text: words.action })}</div>}
              {report.code && <div>{t("accounts.test.code", { code: report.code })}</div>}
              {report.detail && (
                <Typography.Text type="secondary" className="test-result-detail">
                  {report.detail}
                </Typography.Text>
              )}
            </div>
          )
        }
      />
    </div>
  );
}
