import { CLICKPIPE_MAX_SAFE_PULL_BATCH_SIZE, CLICKPIPE_MIN_RECOMMENDED_SYNC_INTERVAL_SECONDS, ClickPipeRuleInput, ClickPipeSpec } from "../../clickpipe";
import { providerMinimum } from "../../provider-facts/clickhouse";
import { Rule, RuleFinding, Severity } from "../../validation";

/** Spec field -> provider attribute (under source.postgres.settings). */
const NUMERIC_SETTINGS: readonly (readonly [keyof ClickPipeSpec, string])[] = [
  ["syncIntervalSeconds", "sync_interval_seconds"],
  ["pullBatchSize", "pull_batch_size"],
  ["initialLoadParallelism", "initial_load_parallelism"],
  ["snapshotNumRowsPerPartition", "snapshot_num_rows_per_partition"],
  ["snapshotNumberOfParallelTables", "snapshot_number_of_parallel_tables"],
];

/**
 * The provider's validators of the numeric pipe settings (each `int64validator.AtLeast(1)` at
 * v3.25.3), plus the ClickPipes docs' advice: sync interval above 10 s, pull batch size at most 10 million.
 */
export const settingsRangeRule: Rule<ClickPipeRuleInput> = {
  id: "clickpipe-settings-range",
  summary: "syncIntervalSeconds, pullBatchSize, initialLoadParallelism, snapshotNumRowsPerPartition and snapshotNumberOfParallelTables are integers of at least 1",
  check: (i) => {
    const out: RuleFinding[] = [];
    for (const [field, attr] of NUMERIC_SETTINGS) {
      const v = i.pipe[field];
      if (v === undefined) continue;
      const min = providerMinimum("clickhouse_clickpipe", `source.postgres.settings.${attr}`) ?? 1;
      if (!(typeof v === "number" && Number.isSafeInteger(v) && v >= min)) {
        out.push({ field: `clickpipe.${field}`, value: v, allowed: `an integer of at least ${min} (the provider's ${attr} validator)` });
      }
    }
    const sync = i.pipe.syncIntervalSeconds;
    if (typeof sync === "number" && Number.isSafeInteger(sync) && sync >= 1 && sync < CLICKPIPE_MIN_RECOMMENDED_SYNC_INTERVAL_SECONDS) {
      out.push({
        severity: Severity.WARNING,
        field: "clickpipe.syncIntervalSeconds",
        value: sync,
        allowed: `at least ${CLICKPIPE_MIN_RECOMMENDED_SYNC_INTERVAL_SECONDS} is recommended (ClickPipes docs, "Controlling the syncing of a Postgres ClickPipe": keep it above 10 seconds)`,
      });
    }
    const batch = i.pipe.pullBatchSize;
    if (typeof batch === "number" && Number.isSafeInteger(batch) && batch > CLICKPIPE_MAX_SAFE_PULL_BATCH_SIZE) {
      out.push({
        severity: Severity.WARNING,
        field: "clickpipe.pullBatchSize",
        value: batch,
        allowed: `at most ${CLICKPIPE_MAX_SAFE_PULL_BATCH_SIZE} is recommended (ClickPipes docs, "Controlling the syncing of a Postgres ClickPipe": a safe maximum is 10 million)`,
      });
    }
    return out;
  },
};
