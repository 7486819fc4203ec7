/**
 * Fleets for `npm run bench`: N sources shaped like the examples of `stacks/config.ts`
 * (`orders-db` for generic sources, `billing-aurora` for Aurora), named `src-0001`, `aur-0001`, ...
 */
import { AppConfig, AuroraSourceConfig, GenericSourceConfig, SourceKind } from "../src/model/app-config";
import { AwsNetworkMode } from "../src/model/aws-types";
import { BackendType } from "../src/model/backend";
import { CloudProvider, PostgresMajorVersion } from "../src/model/types";

/** Which example a fleet copies. */
export type FleetKind = "generic" | "aurora";

const pad = (i: number) => String(i).padStart(4, "0");

/** Source `i` (1-based) of a generic fleet: the `orders-db` example under another name. */
export function genericSource(i: number): GenericSourceConfig {
  const name = `src-${pad(i)}`;
  return {
    kind: SourceKind.GENERIC,
    name,
    host: `${name}.internal.example.com`,
    port: 5432,
    database: "orders",
    postgresVersion: PostgresMajorVersion.V16,
    adminUser: "postgres",
    clickhouse: { cloud: CloudProvider.AWS, region: "eu-central-1" },
    schemas: [{ name: "public" }, { name: "sales", owners: ["postgres", "app_owner"] }],
    tables: ["public.customers", "public.orders", "sales.invoices", "inventory.stock_levels"],
    user: { name: "clickpipes_user", passwordVersion: 1 },
    publication: { name: "clickpipes_publication" },
  };
}

/** Source `i` (1-based) of an Aurora fleet: the `billing-aurora` example under another name. */
export function auroraSource(i: number): AuroraSourceConfig {
  const name = `aur-${pad(i)}`;
  return {
    kind: SourceKind.AURORA,
    name,
    host: `${name}.cluster-c1a2b3c4d5e6.eu-central-1.rds.amazonaws.com`,
    port: 5432,
    database: "billing",
    awsRegion: "eu-central-1",
    postgresVersion: PostgresMajorVersion.V16,
    engineVersion: "16.4",
    adminUser: "postgres",
    clickhouse: { cloud: CloudProvider.AWS, region: "eu-central-1" },
    schemas: [{ name: "public" }],
    tables: ["public.invoices", "public.payments"],
    parameterGroup: {
      walSenderTimeoutMs: 0,
      extraParameters: [{ name: "log_min_duration_statement", value: "1000" }],
    },
    network: { mode: AwsNetworkMode.IP_ALLOW_LIST, securityGroupId: "sg-0123456789abcdef0" },
  };
}

/** An app config with `n` sources of one kind and local state, like `stacks/config.ts`. */
export function fleet(kind: FleetKind, n: number): AppConfig {
  const make = kind === "generic" ? genericSource : auroraSource;
  return { backend: { type: BackendType.LOCAL }, sources: Array.from({ length: n }, (_, k) => make(k + 1)) };
}
