import { Construct } from "constructs";
import { TerraformProvider } from "../tf/tf";
import { DbInstance, DbParameterGroup, RdsCluster, RdsClusterParameterGroup } from "../tf/tf-aws";
import { ResolvedParameter } from "../model/aws";
import { PARAMETER_GROUP_IDS } from "../model/construct-ids";
import { refuseUnknownProps } from "../model/known-keys";

/** Which parameter group AWS applies: the cluster's (Aurora) or the instance's (RDS). */
export enum ParameterGroupKind {
  /** `aws_rds_cluster_parameter_group` (Aurora; family `aurora-postgresql<major>`). */
  CLUSTER = "cluster",
  /** `aws_db_parameter_group` (RDS for PostgreSQL; family `postgres<major>`). */
  INSTANCE = "instance",
}

export interface ClickPipesParameterGroupProps {
  /** Cluster (Aurora) or instance (RDS) parameter group. */
  readonly kind: ParameterGroupKind;
  /** Parameter group family, e.g. `aurora-postgresql16` (see `parameterGroupFamily`). */
  readonly family: string;
  /** Parameters, already merged and sorted (see `mergeParameters`). */
  readonly parameters: readonly ResolvedParameter[];
  /** `name_prefix`: lower-case letters, digits and hyphens, starting with a letter. */
  readonly namePrefix: string;
  /** Description (changing it replaces the group, which create_before_destroy makes safe). */
  readonly description: string;
  /**
   * Tags.
   * @default - none
   */
  readonly tags?: Record<string, string>;
  /**
   * Provider to use.
   * @default - the stack's default aws provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * A parameter group with the parameters ClickPipes needs. One piece of code for both kinds; only
 * the resource type differs. The group uses `name_prefix` and `lifecycle.create_before_destroy`, so a
 * change that forces a new group (family, description) creates the new one before the old one is
 * detached and deleted.
 *
 * Construct ID below this one (public API): `ParameterGroup` (the resource).
 */
export class ClickPipesParameterGroup extends Construct {
  public readonly resource: RdsClusterParameterGroup | DbParameterGroup;
  /** The group name (known after apply: AWS completes the prefix). */
  public readonly name: string;
  public readonly kind: ParameterGroupKind;

  constructor(scope: Construct, id: string, props: ClickPipesParameterGroupProps) {
    super(scope, id);
    refuseUnknownProps("ClickPipesParameterGroup", props, this.node.path);
    this.kind = props.kind;
    const config = {
      provider: props.provider,
      family: props.family,
      namePrefix: props.namePrefix,
      description: props.description,
      parameter: props.parameters.map((p) => ({ name: p.name, value: p.value, applyMethod: p.applyMethod })),
      tags: props.tags,
      lifecycle: { createBeforeDestroy: true },
    };
    this.resource =
      props.kind === ParameterGroupKind.CLUSTER
        ? new RdsClusterParameterGroup(this, PARAMETER_GROUP_IDS.PARAMETER_GROUP, config)
        : new DbParameterGroup(this, PARAMETER_GROUP_IDS.PARAMETER_GROUP, config);
    this.name = this.resource.name;
  }

  /** Set `db_cluster_parameter_group_name` of an Aurora cluster this app manages. */
  public attachToCluster(cluster: RdsCluster): void {
    if (this.kind !== ParameterGroupKind.CLUSTER) throw new Error("a DB (instance) parameter group cannot be attached to an Aurora cluster");
    cluster.dbClusterParameterGroupName = this.name;
  }

  /** Set `parameter_group_name` of an RDS instance this app manages. */
  public attachToInstance(instance: DbInstance): void {
    if (this.kind !== ParameterGroupKind.INSTANCE) throw new Error("a DB cluster parameter group cannot be attached to an RDS instance");
    instance.parameterGroupName = this.name;
  }
}
