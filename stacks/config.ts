/**
 * The sources this app prepares. Edit this file: each generic source becomes its own stack (named
 * after the source) in `cdktf.out/stacks/<name>`; each Aurora/RDS source becomes two,
 * `<name>-aws` (parameter group, network) and `<name>-db` (user, grants, publication). Every field is typed and documented in
 * `src/model/types.ts`; leave a field out to get its documented default.
 */
import { AppConfig, SourceKind } from "../src/model/app-config";
import { BackendType } from "../src/model/backend";
import { AwsNetworkMode } from "../src/model/aws-types";
import { CloudProvider, PostgresMajorVersion } from "../src/model/types";

/**
 * Fleet files (YAML or JSON, relative to the project root) whose sources are added to `config`.
 * Their shape is `schemas/fleet.schema.json` (the same fields as below); see
 * `examples/fleet/fleet.yaml`. More can be given at synth time: CLICKPIPES_FLEET=a.yaml,b.json.
 */
export const fleetFiles: string[] = [];

export const config: AppConfig = {
  // State of every stack: local files under ./state/ (relative, so the JSON is the same everywhere).
  // Alternatives: { type: BackendType.S3, bucket, region } or { type: BackendType.CLOUD, organization }.
  backend: { type: BackendType.LOCAL },
  sources: [
    {
      kind: SourceKind.GENERIC,
      // Names the stack and every logical ID: renaming it replaces every object of the source.
      name: "orders-db",
      host: "orders-db.internal.example.com",
      port: 5432,
      database: "orders",
      postgresVersion: PostgresMajorVersion.V16,
      // The provider logs in as this user (password: variable postgres_admin_password).
      adminUser: "postgres",
      // The ClickHouse Cloud service that will run the pipe: picks the ClickPipes static IPs.
      clickhouse: { cloud: CloudProvider.AWS, region: "eu-central-1" },
      // Schemas granted whole (USAGE, SELECT on all tables, default privileges for their owners).
      schemas: [{ name: "public" }, { name: "sales", owners: ["postgres", "app_owner"] }],
      // Tables in the publication. Tables outside `schemas` get table-scoped grants only.
      tables: ["public.customers", "public.orders", "sales.invoices", "inventory.stock_levels"],
      // Password of clickpipes_user: variable clickpipes_password; bump passwordVersion to rotate.
      user: { name: "clickpipes_user", passwordVersion: 1 },
      publication: { name: "clickpipes_publication" },
    },
    {
      kind: SourceKind.AURORA,
      // Stacks billing-aurora-aws (AWS side) and billing-aurora-db (database objects).
      name: "billing-aurora",
      // The cluster WRITER endpoint address (variable db_host of the db stack defaults to it).
      host: "billing.cluster-c1a2b3c4d5e6.eu-central-1.rds.amazonaws.com",
      port: 5432,
      database: "billing",
      awsRegion: "eu-central-1",
      // Picks the parameter group family: aurora-postgresql16.
      postgresVersion: PostgresMajorVersion.V16,
      engineVersion: "16.4",
      // The RDS master user (not a superuser; the provider runs with superuser = false).
      adminUser: "postgres",
      clickhouse: { cloud: CloudProvider.AWS, region: "eu-central-1" },
      schemas: [{ name: "public" }],
      tables: ["public.invoices", "public.payments"],
      parameterGroup: {
        // 0 = no timeout (the ClickHouse Aurora Postgres source guide). The ClickPipes FAQ accepts 300000 (5 minutes) or more.
        walSenderTimeoutMs: 0,
        // Your team's other custom parameters stay in the same group.
        extraParameters: [{ name: "log_min_duration_statement", value: "1000" }],
      },
      // One ingress rule per ClickPipes IP of eu-central-1 on the cluster's security group.
      network: { mode: AwsNetworkMode.IP_ALLOW_LIST, securityGroupId: "sg-0123456789abcdef0" },
      // The Postgres CDC ClickPipe itself, in the billing-aurora-db stack (after user, grants and
      // publication). API key: variables clickhouse_organization_id, clickhouse_token_key/_secret.
      clickpipe: {
        serviceId: "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d",
        destinationDatabase: "billing",
        // Target table names default to <schema>_<table>.
        targetTables: { "public.invoices": "invoices" },
      },
    },
  ],
};
