/**
 * The rule table of a generic PostgreSQL source: one rule per file, run in this order.
 * Source types that extend the generic spec (Aurora, RDS) add their own rules after these.
 */
import { PostgresSourceSpec } from "../types";
import { Rule } from "../validation";
import { cidrRule } from "./cidr";
import { clickpipesIpsRule } from "./clickpipes-ips";
import { duplicatesRule } from "./duplicate";
import { healthRule } from "./health";
import { hostRule } from "./host";
import { hostAzureRule } from "./host-azure";
import { hostInitialLoadOnlyRule } from "./host-initial-load-only";
import { hostPoolerRule } from "./host-pooler";
import { hostPostgresVersionRule } from "./host-postgres-version";
import { hostProfileRule } from "./host-profile";
import { hostRowLevelSecurityRule } from "./host-row-level-security";
import { hostTimescaleRule } from "./host-timescale";
import { identifiersRule } from "./identifier";
import { monitoringRoleRule } from "./monitoring-role";
import { objectsRule } from "./objects";
import { openToWorldRule } from "./open-to-world";
import { planRoleRule } from "./plan-role";
import { portRangeRule } from "./port-range";
import { postgresVersionRule } from "./postgres-version";
import { publicationRule } from "./publication";
import { regionRule } from "./region";
import { serverSettingsRule } from "./server-settings";
import { sourceNameRule } from "./source-name";
import { tableFormatRule } from "./table-format";
import { timescaledbPublicationRule } from "./timescaledb-publication";
import { userRule } from "./user";
import { wideCidrRule } from "./wide-cidr";

export const SOURCE_RULES: readonly Rule<PostgresSourceSpec>[] = [
  sourceNameRule,
  postgresVersionRule,
  hostRule,
  portRangeRule,
  identifiersRule,
  tableFormatRule,
  duplicatesRule,
  objectsRule,
  publicationRule,
  regionRule,
  clickpipesIpsRule,
  cidrRule,
  openToWorldRule,
  wideCidrRule,
  serverSettingsRule,
  userRule,
  healthRule,
  monitoringRoleRule,
  planRoleRule,
  // Host profiles (generic sources' `hostProfile`): each rule cites the host's ClickPipes guide.
  hostProfileRule,
  hostPoolerRule,
  hostInitialLoadOnlyRule,
  hostPostgresVersionRule,
  hostTimescaleRule,
  hostRowLevelSecurityRule,
  hostAzureRule,
  timescaledbPublicationRule,
];

export { isCidr, isAnyAddress } from "./cidr";
export { isPort } from "./port-range";
export { SOURCE_NAME_PATTERN } from "./source-name";
