import { hostNetwork, parseCidr } from "../cidr";
import { isKnownRegion, resolveClickPipesIps } from "../clickpipes-ips";
import { PostgresSourceSpec } from "../types";
import { Rule, RuleFinding } from "../validation";

/**
 * With an IP table other than the embedded one (`clickPipesIpsFile`), the addresses that apply to
 * the service are checked as the embedded table's are by its tests: there are some (a region
 * listed without addresses, or a default region the document lacks, would open the database to
 * nobody and break the pipe), each is an address or network without host bits, and none is the
 * whole internet (/0) unless `network.allowAnyAddress`. Sources with `network.allowedCidrs` do not
 * use the table and are not checked.
 */
export const clickpipesIpsRule: Rule<PostgresSourceSpec> = {
  id: "clickpipes-ips",
  summary: "the clickPipesIpsFile addresses of the service's region are not empty, valid, and not /0 (unless network.allowAnyAddress)",
  check: (s) => {
    const c = s.clickhouse;
    const table = c?.ipTable;
    if (!table || s.network?.allowedCidrs !== undefined || !isKnownRegion(c.cloud, c.region, table)) return [];
    const where = `the ClickPipes IP table ${table.version} (clickPipesIpsFile)`;
    const finding = (allowed: string): RuleFinding => ({ field: "clickhouse.region", value: c.region, allowed });
    let ips: readonly string[];
    let ipRegion: string;
    try {
      ({ ips, ipRegion } = resolveClickPipesIps(c.cloud, c.region, c.serviceCreatedOn, table));
    } catch (e) {
      const fallback = /aws\/\S+$/.exec((e as Error).message)?.[0] ?? "(unknown)";
      return [finding(`a region that ${where} gives addresses for (services of ${c.cloud}/${c.region} use the default region ${fallback}, which it does not list)`)];
    }
    if (ips.length === 0) return [finding(`a region with addresses in ${where} (it lists none for ${ipRegion})`)];
    const out: RuleFinding[] = [];
    for (const ip of ips) {
      const p = parseCidr(hostNetwork(ip));
      if (!p.ok) out.push(finding(`a region whose addresses in ${where} are IP addresses or networks (${JSON.stringify(ip)} of ${ipRegion} ${p.error.reason})`));
      else if (p.cidr.prefix === 0 && s.network?.allowAnyAddress !== true) {
        out.push(finding(`a region whose addresses in ${where} leave part of the address space out (${ipRegion} lists ${ip}); the whole internet only with network.allowAnyAddress = true`));
      }
    }
    return out;
  },
};
