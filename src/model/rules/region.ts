import { isKnownRegion, knownRegions } from "../clickpipes-ips";
import { CloudProvider, PostgresSourceSpec } from "../types";
import { Rule, RuleFinding } from "../validation";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The ClickHouse service's cloud and region pick the ClickPipes IPs: both must be known (to the
 * embedded table, or to the `clickhouse.ipTable` that `clickPipesIpsFile` gives).
 */
export const regionRule: Rule<PostgresSourceSpec> = {
  id: "region",
  summary: "clickhouse.cloud and clickhouse.region name a known ClickHouse Cloud region; serviceCreatedOn is YYYY-MM-DD",
  check: (s) => {
    const c = s.clickhouse;
    const clouds = Object.values(CloudProvider) as string[];
    if (!c || !clouds.includes(c.cloud)) {
      return [{ field: "clickhouse.cloud", value: c?.cloud, allowed: `one of ${clouds.join(", ")}` }];
    }
    const out: RuleFinding[] = [];
    if (!isKnownRegion(c.cloud, c.region, c.ipTable)) {
      const regions = knownRegions(c.cloud, c.ipTable).join(", ");
      out.push({
        field: "clickhouse.region",
        value: c.region,
        allowed: c.ipTable
          ? `a region of ${c.cloud} that the ClickPipes IP table ${c.ipTable.version} (clickPipesIpsFile) lists, or that uses a default region: ${regions}`
          : `a region ClickHouse Cloud runs in on ${c.cloud}: ${regions}`,
      });
    }
    if (c.serviceCreatedOn !== undefined && !(typeof c.serviceCreatedOn === "string" && DATE.test(c.serviceCreatedOn) && !Number.isNaN(Date.parse(c.serviceCreatedOn)))) {
      out.push({ field: "clickhouse.serviceCreatedOn", value: c.serviceCreatedOn, allowed: "a date written YYYY-MM-DD" });
    }
    return out;
  },
};
