import { MIN_RECOMMENDED_WAL_SENDER_TIMEOUT_MS } from "../../aws";
import { AwsSourceSpec } from "../../aws-types";
import { Rule, Severity } from "../../validation";

/** wal_sender_timeout: 0 (as the ClickHouse Aurora Postgres source guide sets it) or at least 5 minutes (the ClickPipes FAQ); less is a warning. */
export const walSenderTimeoutRule: Rule<AwsSourceSpec> = {
  id: "wal-sender-timeout",
  summary: `parameterGroup.walSenderTimeoutMs is a non-negative integer; 1-${MIN_RECOMMENDED_WAL_SENDER_TIMEOUT_MS - 1} is a warning`,
  check: (s) => {
    const v = s.parameterGroup?.walSenderTimeoutMs;
    const set = s.parameterGroup?.setWalSenderTimeout;
    if (set !== undefined && typeof set !== "boolean") {
      return [{ field: "parameterGroup.setWalSenderTimeout", value: set, allowed: "true (set wal_sender_timeout) or false (leave it to the engine's default)" }];
    }
    if (set === false && v !== undefined) {
      return [{ field: "parameterGroup.walSenderTimeoutMs", value: v, allowed: "unset when setWalSenderTimeout is false (the group leaves wal_sender_timeout out)" }];
    }
    if (v === undefined) return [];
    if (!(typeof v === "number" && Number.isInteger(v) && v >= 0)) {
      return [{ field: "parameterGroup.walSenderTimeoutMs", value: v, allowed: "an integer number of milliseconds, 0 for no timeout" }];
    }
    if (v > 0 && v < MIN_RECOMMENDED_WAL_SENDER_TIMEOUT_MS) {
      return [
        {
          severity: Severity.WARNING,
          field: "parameterGroup.walSenderTimeoutMs",
          value: v,
          allowed: `0 or at least ${MIN_RECOMMENDED_WAL_SENDER_TIMEOUT_MS} ms is recommended (ClickPipes FAQ: 5 minutes or more), or ClickPipes replication connections may time out`,
        },
      ];
    }
    return [];
  },
};
