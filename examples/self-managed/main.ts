/**
 * Scenario: a self-managed PostgreSQL 16 server, prepared by your own cdktf app.
 *
 * Declares the ClickPipes user (password from a sensitive variable, sent write-only), its grants on
 * `public` and `sales`, the publication, and renders what Terraform cannot do (postgresql.conf,
 * pg_hba.conf lines for the ClickPipes IPs of eu-central-1) into `server-setup/orders/`.
 *
 * Run: `npx tsx main.ts` (writes `cdktf.out/`), or point `cdktf.json` "app" at it.
 * Synthesized by `test/examples/examples.test.ts`.
 */
import { App, LocalBackend, TerraformStack, TerraformVariable } from "cdktf";
import { PostgresqlProvider } from "@cdktf/provider-postgresql/lib/provider";
import { CloudProvider, GenericPostgresSource, PostgresMajorVersion } from "cdktf-clickpipes-postgres";

const app = new App({ stackTraces: false });
const stack = new TerraformStack(app, "orders-db");
// A relative state path keeps the synthesized JSON the same on every machine.
new LocalBackend(stack, { path: "orders-db.tfstate" });

const adminPassword = new TerraformVariable(stack, "postgres_admin_password", { type: "string", sensitive: true, nullable: false });
const password = new TerraformVariable(stack, "clickpipes_password", { type: "string", sensitive: true, nullable: false });
new PostgresqlProvider(stack, "postgresql", {
  host: "orders-db.internal.example.com",
  port: 5432,
  username: "postgres",
  password: adminPassword.stringValue,
  sslmode: "require",
  expectedVersion: "16",
  superuser: false,
});

const source = new GenericPostgresSource(stack, "orders", {
  name: "orders",
  host: "orders-db.internal.example.com",
  database: "orders",
  postgresVersion: PostgresMajorVersion.V16,
  clickhouse: { cloud: CloudProvider.AWS, region: "eu-central-1" },
  // Schemas granted whole (USAGE, SELECT, default privileges for the tables their owners create later).
  schemas: [{ name: "public" }, { name: "sales", owners: ["app_owner"] }],
  // Only these tables are published; leave `tables` out to publish every table of the schemas.
  tables: ["public.customers", "public.orders", "sales.invoices"],
  user: { name: "clickpipes_user", passwordVersion: 1 },
  password: password.stringValue,
});

app.synth();
// The pg_hba.conf lines to add by hand (also written to server-setup/orders/pg_hba.conf).
console.log(source.pgHbaLines.join("\n"));
