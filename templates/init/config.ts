/**
 * The sources this project prepares for ClickHouse ClickPipes Postgres CDC. Each generic source
 * becomes the stack `<name>` in `cdktf.out/stacks/`; each Aurora/RDS source two stacks, `<name>-aws`
 * (parameter group, network) and `<name>-db` (user, grants, publication). Every field is typed and
 * documented (hover it in your editor); leave one out to get its documented default.
// init:generic-only:start
 *
 * Aurora/RDS sources (`SourceKind.AURORA`, `SourceKind.RDS`) need the AWS provider, which this
 * project leaves out (about 390 MiB): `npm install --save-exact @cdktf/provider-aws@{{AWS_PROVIDER_VERSION}}`.
// init:generic-only:end
 */
import { AppConfig, BackendType, CloudProvider, PostgresMajorVersion, SourceKind } from "cdktf-clickpipes-postgres"; // init:generic-only
import { AppConfig, AwsNetworkMode, BackendType, CloudProvider, PostgresMajorVersion, SourceKind } from "cdktf-clickpipes-postgres"; // init:aws

/** Fleet files (YAML or JSON, relative to this folder) whose sources are added to `config`. */
export const fleetFiles: string[] = ["fleet.yaml"];

export const config: AppConfig = {
  // State of every stack: local files under ./state/. For a team: { type: BackendType.S3, bucket, region }
  // or { type: BackendType.CLOUD, organization }.
  backend: { type: BackendType.LOCAL },
  sources: [
    {
      // A self-managed PostgreSQL (or any managed one reached as plain PostgreSQL).
      kind: SourceKind.GENERIC,
      // Names the stack and every logical ID: renaming it replaces every object of the source.
      name: "orders-db",
      host: "orders-db.internal.example.com",
      database: "orders",
      postgresVersion: PostgresMajorVersion.V16,
      // The ClickHouse Cloud service that runs the pipe: picks the ClickPipes static IPs.
      clickhouse: { cloud: CloudProvider.AWS, region: "eu-central-1" },
      schemas: [{ name: "public" }],
      tables: ["public.customers", "public.orders"],
    },
    // init:aws:start
    {
      // Amazon Aurora PostgreSQL: stacks billing-aurora-aws and billing-aurora-db.
      kind: SourceKind.AURORA,
      name: "billing-aurora",
      // The cluster WRITER endpoint.
      host: "billing.cluster-c1a2b3c4d5e6.eu-central-1.rds.amazonaws.com",
      database: "billing",
      awsRegion: "eu-central-1",
      postgresVersion: PostgresMajorVersion.V16,
      clickhouse: { cloud: CloudProvider.AWS, region: "eu-central-1" },
      tables: ["public.invoices", "public.payments"],
      // One ingress rule per ClickPipes IP of the region on the cluster's security group.
      network: { mode: AwsNetworkMode.IP_ALLOW_LIST, securityGroupId: "sg-0123456789abcdef0" },
    },
    // init:aws:end
  ],
};
