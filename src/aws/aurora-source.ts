import { Construct } from "constructs";
import { RdsCluster, RdsClusterInstance } from "../tf/tf-aws";
import { AwsEngine } from "../model/aws-types";
import { refuseUnknownProps } from "../model/known-keys";
import { AwsSourceBase, AwsSourceProps, literal, ValidatedAwsSourceProps } from "./aws-source";

export interface AuroraSourceProps extends AwsSourceProps {
  /**
   * An Aurora cluster this cdktf app manages: the parameter group is attached to it
   * (`db_cluster_parameter_group_name`), and its ARN, engine version and port are used.
   * @default - a cluster managed elsewhere: attach the group named by `parameterGroup.name` yourself
   */
  readonly cluster?: RdsCluster;
  /**
   * The cluster's instances this app manages. Clusters have no `publicly_accessible`; instances do:
   * with PrivateLink, an instance configured `publicly_accessible = true` is refused.
   * @default []
   */
  readonly clusterInstances?: RdsClusterInstance[];
}

/**
 * The AWS side of an Amazon Aurora PostgreSQL source: a DB cluster parameter group (family
 * `aurora-postgresql<major>`, `rds.logical_replication = 1` pending-reboot, `wal_sender_timeout`,
 * `rds.iam_auth_for_replication` with IAM auth, extra parameters), and the ClickPipes network path
 * (IP allow list or PrivateLink). Construct IDs: see `AwsSourceBase`.
 *
 * What it can see: the passed cluster's ARN, and the literal `engine_version`, `port` and instance
 * `publicly_accessible` values. Values set through references, and clusters managed elsewhere,
 * are not visible: set `engineVersion`, `port`, `publiclyAccessible` and `resourceArn` in the spec.
 */
export class AuroraSource extends AwsSourceBase {
  constructor(scope: Construct, id: string, props: AuroraSourceProps | ValidatedAwsSourceProps) {
    refuseUnknownProps("validated" in props ? "ValidatedAwsSource" : "AuroraSource", props, `${scope.node.path}/${id}`);
    const c = "validated" in props ? undefined : props.cluster;
    super(
      scope,
      id,
      AwsEngine.AURORA_POSTGRESQL,
      props,
      c
        ? {
            arn: c.arn,
            identifier: c.clusterIdentifier,
            engineVersion: literal<string>(c.engineVersionInput),
            port: literal<number>(c.portInput),
            publiclyAccessible: ((props as AuroraSourceProps).clusterInstances ?? []).some((i) => literal<boolean>(i.publiclyAccessibleInput) === true),
          }
        : undefined,
    );
    if (c) this.parameterGroup.attachToCluster(c);
  }
}
