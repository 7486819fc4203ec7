/**
 * The rule table of a generic source's host profile (`hostProfile`): one rule per file, run in this
 * order after the source's own rules. Each rule cites its ClickPipes source guide.
 */
import { HostProfileRuleInput } from "../host-profiles";
import { Rule } from "../validation";
import { poolerRule } from "./pooler";
import { postgresVersionRule } from "./postgres-version";
import { profileRule } from "./profile";
import { rowLevelSecurityRule } from "./row-level-security";
import { timescaleRule } from "./timescale";

export const HOST_PROFILE_RULES: readonly Rule<HostProfileRuleInput>[] = [profileRule, poolerRule, postgresVersionRule, timescaleRule, rowLevelSecurityRule];
