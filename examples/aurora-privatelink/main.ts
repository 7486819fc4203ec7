/**
 * Scenario: Amazon Aurora PostgreSQL reached over AWS PrivateLink (VPC Lattice), with the pipe.
 *
 * The ready-made stack pair of an Aurora source: `billing-aws` declares the cluster parameter group
 * (`rds.logical_replication = 1`, a reboot is needed once), the VPC Lattice resource gateway and
 * resource configuration and the RAM share with ClickPipes; `billing-db` declares the user, grants,
 * publication and the ClickPipe, which connects through a reverse private endpoint. Nothing is
 * opened to the internet.
 *
 * Run: `npx tsx main.ts`. Synthesized by `test/examples/examples.test.ts`.
 */
import { App } from "cdktf";
import { AwsNetworkMode, BackendType, CloudProvider, PostgresMajorVersion, SourceKind } from "cdktf-clickpipes-postgres";
import { AwsSourceAwsStack, AwsSourceConfig, AwsSourceDbStack } from "cdktf-clickpipes-postgres/aws";

const app = new App({ stackTraces: false });

const billing: AwsSourceConfig = {
  kind: SourceKind.AURORA,
  name: "billing",
  // The cluster WRITER endpoint.
  host: "billing.cluster-c1a2b3c4d5e6.eu-central-1.rds.amazonaws.com",
  database: "billing",
  awsRegion: "eu-central-1",
  postgresVersion: PostgresMajorVersion.V16,
  engineVersion: "16.4",
  // The cluster ARN: the VPC Lattice resource configuration points at it.
  resourceArn: "arn:aws:rds:eu-central-1:123456789012:cluster:billing",
  adminUser: "postgres",
  clickhouse: { cloud: CloudProvider.AWS, region: "eu-central-1" },
  schemas: [{ name: "public" }],
  tables: ["public.invoices", "public.payments"],
  network: {
    mode: AwsNetworkMode.PRIVATELINK,
    privateLink: {
      vpcId: "vpc-0a1b2c3d4e5f60718",
      subnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"],
      securityGroupIds: ["sg-0123456789abcdef0"],
    },
  },
  clickpipe: { serviceId: "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d", destinationDatabase: "billing" },
  // Relative local state: the same JSON everywhere. Use S3 or HCP Terraform in production.
  backend: { type: BackendType.LOCAL },
};

new AwsSourceAwsStack(app, billing);
new AwsSourceDbStack(app, billing);
app.synth();
