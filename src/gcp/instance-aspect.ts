import { refuseUnknownProps } from "../model/known-keys";
import { IConstruct } from "constructs";
import { Annotations, IAspect } from "../tf/tf";
import { hostNetwork, parseCidr } from "../model/cidr";
import { isKnownRegion, knownRegions, resolveClickPipesIps } from "../model/clickpipes-ips";
import { GOOGLE_INSTANCE_TYPES, googleInstancePatch, GoogleInstanceType } from "../model/gcp";
import { CloudProvider, ClickHouseServiceLocation } from "../model/types";
import { Finding, Severity, ValidationError } from "../model/validation";

const refuse = (field: string, value: unknown, allowed: string): never => {
  const f: Finding = { severity: Severity.ERROR, rule: "google-instance", source: "ClickPipesGoogleInstance", field, value, allowed };
  throw new ValidationError([f]);
};

export interface ClickPipesGoogleInstanceProps {
  /** The ClickHouse Cloud service the pipe runs in: its ClickPipes static IPs are authorized. */
  readonly clickhouse: ClickHouseServiceLocation;
  /**
   * IPv4 CIDRs to authorize instead of the ClickPipes IPs of the service's region (e.g. an SSH
   * bastion). Never 0.0.0.0/0.
   * @default - the ClickPipes static IPs of `clickhouse.region`, each as a /32
   */
  readonly allowedCidrs?: readonly string[];
  /**
   * Also add the networks (false: flags only, e.g. when ClickPipes reaches the instance through an SSH tunnel).
   * @default true
   */
  readonly authorizeNetworks?: boolean;
}

/**
 * Prepares a Cloud SQL for PostgreSQL or AlloyDB instance the user declares in the same app for
 * ClickPipes: apply it to the instance (`Aspects.of(instance).add(new ClickPipesGoogleInstance({...}))`).
 * On each `google_sql_database_instance` it adds the flag `cloudsql.logical_decoding = on` to
 * `settings.database_flags` and one `settings.ip_configuration.authorized_networks` entry per
 * ClickPipes IP (`clickpipes-<a>-<b>-<c>-<d>`); on each `google_alloydb_instance` the flags
 * `alloydb.enable_pglogical` and `alloydb.logical_decoding` = on and one
 * `network_config.authorized_external_networks` entry per IP. It works on the resource by its
 * Terraform type (no google provider package needed), merges with the flags and networks the
 * instance declares (theirs first, in their order; an entry already there is not added again) and
 * adds a warning annotation when it adds a flag: the instance restarts when the flag is applied.
 * A flag the instance sets to another value, or a list given as a Terraform expression, is an
 * error annotation (synth fails) naming it.
 */
export class ClickPipesGoogleInstance implements IAspect {
  private readonly cidrs: readonly string[];

  constructor(private readonly props: ClickPipesGoogleInstanceProps) {
    refuseUnknownProps("ClickPipesGoogleInstance", props, "ClickPipesGoogleInstance");
    const { cloud, region, serviceCreatedOn, ipTable } = props.clickhouse ?? ({} as ClickHouseServiceLocation);
    if (!Object.values(CloudProvider).includes(cloud) || !isKnownRegion(cloud, region, ipTable)) {
      refuse(
        "clickhouse.region",
        region,
        Object.values(CloudProvider).includes(cloud)
          ? `a ClickHouse Cloud region of ${cloud}: ${knownRegions(cloud, ipTable).join(", ")}`
          : `a region of clickhouse.cloud, one of ${Object.values(CloudProvider).join(", ")}`,
      );
    }
    const given = props.allowedCidrs ?? resolveClickPipesIps(cloud, region, serviceCreatedOn, ipTable).ips.map(hostNetwork);
    this.cidrs = given.map((c, i) => {
      const p = parseCidr(c);
      if (!p.ok || p.cidr.family !== 4 || p.cidr.prefix === 0) {
        return refuse(`allowedCidrs[${i}]`, c, "an IPv4 CIDR other than 0.0.0.0/0 (authorized networks are IPv4)");
      }
      return p.cidr.text;
    });
  }

  visit(node: IConstruct): void {
    const type = (node as { terraformResourceType?: unknown }).terraformResourceType;
    if (typeof type !== "string" || !(GOOGLE_INSTANCE_TYPES as readonly string[]).includes(type)) return;
    const resource = node as unknown as { toTerraform(): Record<string, unknown>; addOverride(path: string, value: unknown): void; friendlyUniqueId: string; rawOverrides?: Record<string, unknown> };
    const json = resource.toTerraform() as { resource?: Record<string, Record<string, Record<string, unknown>>> };
    const effective = json.resource?.[type]?.[resource.friendlyUniqueId] ?? {};
    const patch = googleInstancePatch(type as GoogleInstanceType, effective, resource.rawOverrides ?? {}, this.props.authorizeNetworks === false ? [] : this.cidrs);
    const a = Annotations.of(node);
    for (const e of patch.errors) a.addError(`ClickPipes: ${e}`);
    if (patch.errors.length > 0) return;
    for (const o of patch.overrides) resource.addOverride(o.path, o.value);
    if (patch.flagsAdded.length > 0) {
      a.addWarning(
        `ClickPipes: adds the database flag${patch.flagsAdded.length > 1 ? "s" : ""} ${patch.flagsAdded.join(", ")} = on: applying a flag change RESTARTS the instance (plan it for a maintenance window)`,
      );
    }
    for (const w of patch.warnings) a.addWarning(`ClickPipes: ${w}`);
  }
}
