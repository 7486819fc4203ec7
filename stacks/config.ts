/**
 * The sources this app prepares. Edit this file: each source becomes its own stack (named after
 * the source) in `cdktf.out/stacks/<name>`. Every field is typed and documented in
 * `src/model/types.ts`; leave a field out to get its documented default.
 */
import { AppConfig, SourceKind } from "../src/model/app-config";
import { BackendType } from "../src/model/backend";
import { CloudProvider, PostgresMajorVersion } from "../src/model/types";

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
  ],
};
