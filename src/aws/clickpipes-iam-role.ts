import { Construct } from "constructs";
import { TerraformProvider } from "../tf/tf";
import { DataAwsCallerIdentity, DataAwsDbInstance, DataAwsPartition, DataAwsRdsCluster, IamRole, IamRolePolicy } from "../tf/tf-aws";
import { AwsEngine } from "../model/aws-types";
import { CLICKPIPES_IAM_ROLE_IDS } from "../model/construct-ids";
import { clickPipesConnectPolicy, clickPipesTrustPolicy, rdsDbUserArn } from "../model/iam-auth";
import { refuseUnknownProps } from "../model/known-keys";

export interface ClickPipesIamRoleProps {
  readonly engine: AwsEngine;
  /** DB cluster identifier (Aurora) or DB instance identifier (RDS). */
  readonly dbIdentifier: string;
  /** The ClickHouse service's IAM role ARN ("Service role ID (IAM)" in the service settings). */
  readonly clickhouseServiceRoleArn: string;
  /** The database user ClickPipes connects as (granted `rds_iam`). */
  readonly userName: string;
  /** Region of the database. */
  readonly region: string;
  /** Name of the role. */
  readonly roleName: string;
  /**
   * AWS provider to use.
   * @default - the stack's default aws provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * The IAM role ClickPipes assumes to connect with IAM database authentication: trusted by the
 * ClickHouse service's IAM role, allowed `rds-db:connect` as the ClickPipes user on this cluster /
 * instance only (`arn:<partition>:rds-db:<region>:<account>:dbuser:<resource id>/<user>`; the
 * resource ID read with a data source).
 *
 * Construct IDs below this one (public API): `Partition`, `Account` (data sources), `Cluster`
 * (`aws_rds_cluster` data, Aurora) or `Instance` (`aws_db_instance` data, RDS), `Role`, `ConnectPolicy`.
 */
export class ClickPipesIamRole extends Construct {
  public readonly role: IamRole;
  /** ARN of the role (give it to the pipe as `iam_role`). */
  public readonly roleArn: string;

  constructor(scope: Construct, id: string, props: ClickPipesIamRoleProps) {
    super(scope, id);
    refuseUnknownProps("ClickPipesIamRole", props, this.node.path);
    const provider = props.provider;
    const partition = new DataAwsPartition(this, CLICKPIPES_IAM_ROLE_IDS.PARTITION, { provider });
    const account = new DataAwsCallerIdentity(this, CLICKPIPES_IAM_ROLE_IDS.ACCOUNT, { provider });
    const resourceId =
      props.engine === AwsEngine.AURORA_POSTGRESQL
        ? new DataAwsRdsCluster(this, CLICKPIPES_IAM_ROLE_IDS.CLUSTER, { provider, clusterIdentifier: props.dbIdentifier }).clusterResourceId
        : new DataAwsDbInstance(this, CLICKPIPES_IAM_ROLE_IDS.INSTANCE, { provider, dbInstanceIdentifier: props.dbIdentifier }).resourceId;
    this.role = new IamRole(this, CLICKPIPES_IAM_ROLE_IDS.ROLE, {
      provider,
      name: props.roleName,
      description: `ClickPipes IAM database authentication as ${props.userName}`,
      assumeRolePolicy: JSON.stringify(clickPipesTrustPolicy(props.clickhouseServiceRoleArn)),
    });
    new IamRolePolicy(this, CLICKPIPES_IAM_ROLE_IDS.CONNECT_POLICY, {
      provider,
      name: "rds-db-connect",
      role: this.role.id,
      policy: JSON.stringify(clickPipesConnectPolicy(rdsDbUserArn({ partition: partition.partition, region: props.region, account: account.accountId, resourceId, user: props.userName }))),
    });
    this.roleArn = this.role.arn;
  }
}
