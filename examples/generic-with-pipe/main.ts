/**
 * Scenario: a self-managed source and its Postgres CDC ClickPipe in one stack.
 *
 * The pipe is created after the user, grants and publication, reads the same sensitive password
 * variable (sent write-only), and publishes `public.customers` and `public.orders` into the
 * ClickHouse database `orders`. The ClickHouse Cloud API key comes from three variables.
 *
 * Run: `npx tsx main.ts`. Synthesized by `test/examples/examples.test.ts`.
 */
import { App, LocalBackend, TerraformStack, TerraformVariable } from "cdktf";
import { PostgresqlProvider } from "@cdktf/provider-postgresql/lib/provider";
import { ClickhouseProvider, ClickPipe, CloudProvider, GenericPostgresSource, PostgresMajorVersion } from "cdktf-clickpipes-postgres";

const app = new App({ stackTraces: false });
const stack = new TerraformStack(app, "orders-db");
new LocalBackend(stack, { path: "orders-db.tfstate" });

const variable = (id: string, sensitive: boolean) => new TerraformVariable(stack, id, { type: "string", sensitive, nullable: false }).stringValue;
new PostgresqlProvider(stack, "postgresql", {
  host: "orders-db.example.com",
  username: "postgres",
  password: variable("postgres_admin_password", true),
  sslmode: "require",
  expectedVersion: "17",
  superuser: false,
});
new ClickhouseProvider(stack, "clickhouse", {
  organizationId: variable("clickhouse_organization_id", false),
  tokenKey: variable("clickhouse_token_key", true),
  tokenSecret: variable("clickhouse_token_secret", true),
});

const password = variable("clickpipes_password", true);
const source = new GenericPostgresSource(stack, "orders", {
  name: "orders",
  host: "orders-db.example.com",
  database: "orders",
  postgresVersion: PostgresMajorVersion.V17,
  clickhouse: { cloud: CloudProvider.AWS, region: "us-east-1" },
  tables: ["public.customers", "public.orders"],
  password,
});

new ClickPipe(stack, "orders-clickpipe", {
  source,
  password,
  serviceId: "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d",
  destinationDatabase: "orders",
  // Target table names default to <schema>_<table>.
  targetTables: { "public.customers": "customers" },
});

app.synth();
