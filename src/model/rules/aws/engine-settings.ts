import { AwsEngine, AwsSourceSpec } from "../../aws-types";
import { Rule, RuleFinding } from "../../validation";

/**
 * Settings that do not exist on AWS: there is no superuser on RDS/Aurora (the provider must not read
 * pg_shadow), and `max_slot_wal_keep_size` goes into RDS instance parameter groups only.
 */
export function engineSettingsRule(engine: AwsEngine): Rule<AwsSourceSpec> {
  return {
    id: "engine-settings",
    summary: "adminIsSuperuser is not true on AWS; serverSettings.maxSlotWalKeepSizeMb and alarms.allocatedStorageGib are for RDS for PostgreSQL only",
    check: (s) => {
      const out: RuleFinding[] = [];
      if (s.adminIsSuperuser === true) {
        out.push({ field: "adminIsSuperuser", value: true, allowed: "false or unset (RDS and Aurora have no superuser; the master user is rds_superuser)" });
      }
      if (engine === AwsEngine.AURORA_POSTGRESQL && s.serverSettings?.maxSlotWalKeepSizeMb !== undefined) {
        out.push({
          field: "serverSettings.maxSlotWalKeepSizeMb",
          value: s.serverSettings.maxSlotWalKeepSizeMb,
          allowed: "unset for Aurora (Aurora storage keeps WAL itself; the construct sets it on RDS for PostgreSQL only)",
        });
      }
      if (engine === AwsEngine.AURORA_POSTGRESQL && s.alarms?.allocatedStorageGib !== undefined) {
        out.push({
          field: "alarms.allocatedStorageGib",
          value: s.alarms.allocatedStorageGib,
          allowed: "unset for Aurora: its cluster volume grows automatically and has no allocated storage (FreeLocalStorage watches the writer's local storage)",
        });
      }
      return out;
    },
  };
}
