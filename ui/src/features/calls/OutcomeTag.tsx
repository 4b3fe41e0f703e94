import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { CallOutcome } from "../../ipc/bindings/CallOutcome";

const COLOR: Partial<Record<CallOutcome, string>> = {
  answered: "success",
  maxDurationReached: "gold",
  callerHungUpBeforeRinging: "default",
  callerHungUpWhileRinging: "default",
  callerHungUpBeforeTransfer: "default",
  endedBeforeAnswer: "default",
  networkFailure: "error",
  platformFailure: "error",
  accountProblem: "error",
  noBinding: "volcano",
  directionNotAllowed: "volcano",
  restricted: "volcano",
  unknown: "purple",
};

export function OutcomeTag({ outcome }: { outcome: CallOutcome }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[outcome] ?? "orange"} data-outcome={outcome}>
      {t(`calls.outcome.${outcome}`)}
    </Tag>
  );
}
