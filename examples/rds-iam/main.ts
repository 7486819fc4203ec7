/**
 * Scenario: RDS for PostgreSQL with IAM database authentication for ClickPipes (no password).
 *
 * `iamAuth` with a pipe: `orders-rds-aws` declares the DB parameter group (`rds.logical_replication`,
 * `rds.iam_auth_for_replication = 1`), the ingress rules for the ClickPipes IPs of us-east-2 on the
 * instance's security group, and the IAM role ClickPipes assumes (trust: the ClickHouse service's
 * role, `sts:AssumeRole` + `sts:TagSession`; permission: `rds-db:connect` as the ClickPipes user
 * only). `orders-rds-db` grants `rds_iam` to the user and creates the pipe with `IAM_ROLE`
 * authentication.
 *
 * Run: `npx tsx main.ts`. Synthesized by `test/examples/examples.test.ts`.
 */
import { App } from "cdktf";
import { AwsNetworkMode, BackendType, ClickPipeReplicationMode, CloudProvider, PostgresMajorVersion, SourceKind } from "cdktf-clickpipes-postgres";
import { AwsSourceAwsStack, AwsSourceConfig, AwsSourceDbStack } from "cdktf-clickpipes-postgres/aws";

const app = new App({ stackTraces: false });

const orders: AwsSourceConfig = {
  kind: SourceKind.RDS,
  name: "orders-rds",
  // The instance endpoint.
  host: "orders.c1a2b3c4d5e6.us-east-2.rds.amazonaws.com",
  database: "orders",
  awsRegion: "us-east-2",
  postgresVersion: PostgresMajorVersion.V17,
  adminUser: "postgres",
  clickhouse: { cloud: CloudProvider.AWS, region: "us-east-2" },
  schemas: [{ name: "public" }],
  tables: ["public.orders", "public.order_lines"],
  iamAuth: true,
  network: { mode: AwsNetworkMode.IP_ALLOW_LIST, securityGroupId: "sg-0fedcba9876543210" },
  clickpipe: {
    serviceId: "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d",
    destinationDatabase: "orders",
    replicationMode: ClickPipeReplicationMode.CDC,
    // The IAM role of your ClickHouse Cloud service (console: Settings → Network security information).
    clickhouseServiceRoleArn: "arn:aws:iam::111122223333:role/CH-S3-steel-ar-12-ue2-29-Role",
  },
  backend: { type: BackendType.LOCAL },
};

new AwsSourceAwsStack(app, orders);
new AwsSourceDbStack(app, orders);
app.synth();
