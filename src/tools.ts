/**
 * `cdktf-clickpipes-postgres/tools`: the review and operations tools as a library — the plan guard and
 * its verdicts, the SQL preview of a synthesized stack, the live preflight check (verify), slot and
 * session health, the ClickPipes IP file reader. Importing it never loads cdktf, constructs or a
 * provider (`test/package/lazy-load.test.ts`), and loads `pg` only when verify or health connects:
 * a CI job that only reviews plans needs neither cdktf nor a database client.
 * Semver-stable like the root (`api/cdktf-clickpipes-postgres-tools.api.md`). Names are listed one
 * by one (no `export *`).
 *
 * @packageDocumentation
 */

// A downloaded static-ips.json as the ClickPipes IP table (`cdktf-clickpipes ips --check`).
export { loadIpTableFile } from "./ips/read";
// Model types the tools' signatures show (also exported by the root, where they belong to the config).
export type { ClickPipesIpTable } from "./model/clickpipes-ips";
export type { ResolvedSource } from "./model/defaults";
export type { ManagedPostgresServiceRef } from "./model/host-profiles";

// SQL preview of a synthesized stack (`cdktf-clickpipes sql`).
export { renderStackSql, StackReadError } from "./render/sql";
export type { RenderedSql, RenderSqlOptions, StackReadErrorKind } from "./render/sql";

// Data-loss guard for plans (`cdktf-clickpipes guard`).
export { guardPlan, planChanges, readSynthIndex, SynthIndexError } from "./guard/guard";
export type { GuardResult, PlanChanges, SynthEntry, SynthIndex } from "./guard/guard";
export { ChangeKind, parsePlan, PlanFormatError } from "./guard/plan";
export type { ChangeAction, Plan, ResourceChange } from "./guard/plan";
// The verdicts guard and diff share (its change types under other names: plan.ts has the plan's).
export { judge, RULES, ruleById } from "./review/verdicts";
export type { ChangeAction as JudgedChangeAction, JudgeOptions, MetaChange, ResourceChange as JudgedResourceChange, Rule, Verdict, VerdictLevel } from "./review/verdicts";

// Preflight check of a live source (`cdktf-clickpipes verify`).
export { verifySource, DEFAULT_TIMEOUT_SECONDS } from "./verify/verify";
export { formatReport } from "./verify/format";
export { CheckId, CheckStatus, VerifyError } from "./verify/types";
export type { CheckResult, ConnectionOptions, TableName, VerifyOptions, VerifyReport, VerifyTarget } from "./verify/types";
export type { PipeExpectations, PipeTableSettings } from "./verify/pipe";

// Day two: slot and session health of a live source (`cdktf-clickpipes health`), its thresholds and alert rules.
export { checkHealth, DEFAULT_HEALTH_TIMEOUT_SECONDS, HealthError } from "./health/health";
export { formatHealthPrometheus, formatHealthText, HEALTH_METRICS, METRIC_PREFIX } from "./health/format";
export { HealthFindingKind, HealthStatus } from "./health/types";
export type { HealthFinding, HealthOptions, HealthReport, HealthReportThresholds, SessionHealth, SettingHealth, SlotHealth, SlotStats } from "./health/types";
export { HEALTH_DEFAULTS, parseDuration, resolveHealthThresholds } from "./model/health";
export type { HealthThresholdsSpec, ResolvedHealthThresholds } from "./model/health";
export { ALERT_RULES_FILE, HEALTH_THRESHOLDS_FILE, renderAlertRules, renderHealthThresholds } from "./render/health-alerts";
