/**
 * The app rules: run once over the whole config (`AppRuleInput`) before any construct exists, in
 * this order. Each source is then checked by the table of its kind (`SOURCE_RULES`,
 * `AURORA_SOURCE_RULES`, `RDS_SOURCE_RULES`) and its pipe by `CLICKPIPE_RULES` (see `validate.ts`).
 */
import { AppRuleInput } from "../../app-config";
import { Rule } from "../../validation";
import { backendRule } from "./backend";
import { clickpipeIamRoleRule } from "./clickpipe-iam-role";
import { clickpipesIpsFileRule } from "./clickpipes-ips-file";
import { clickpipeServiceIdRule } from "./clickpipe-service-id";
import { kindRule } from "./kind";
import { uniqueStackNamesRule } from "./source-name";
import { sourcesRule } from "./sources";
import { privateServiceConnectOnceRule } from "./private-service-connect-once";

export const APP_RULES: readonly Rule<AppRuleInput>[] = [
  backendRule,
  sourcesRule,
  kindRule,
  uniqueStackNamesRule,
  clickpipeServiceIdRule,
  clickpipeIamRoleRule,
  clickpipesIpsFileRule,
  privateServiceConnectOnceRule,
];
