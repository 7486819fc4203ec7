/**
 * The naive baseline of `npm run bench`: the same stacks written the way the cdktf documentation
 * and examples write them — provider namespaces imported from the package roots, a `new App()`
 * with its defaults, one `TerraformStack` subclass per source. It declares, per generic source,
 * what `GenericPostgresStack` declares: role with `password_wo`, schema and table grants chained by
 * `depends_on`, default privileges, publication, provider, two sensitive variables, the same eight
 * outputs and a local backend. The app also handles Aurora sources, which is why it loads the
 * AWS provider (`import * as aws`), as an app that supports both would.
 *
 * Self-contained on purpose: nothing from `src/` or `stacks/`. Not part of the library.
 */
import { Construct } from "constructs";
import { App, LocalBackend, TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";
import { defaultPrivileges, grant, provider, publication, role } from "@cdktf/provider-postgresql";
import * as aws from "@cdktf/provider-aws";

/** The fields of a source this app reads (a generic or Aurora source of the fleet fits). */
export interface NaiveSource {
  readonly kind: string;
  readonly name: string;
  readonly host: string;
  readonly port?: number;
  readonly database: string;
  readonly postgresVersion: number;
  readonly adminUser?: string;
  readonly schemas?: readonly { readonly name: string; readonly owners?: readonly string[] }[];
  readonly tables?: readonly string[];
  readonly user?: { readonly name?: string; readonly passwordVersion?: number };
  readonly publication?: { readonly name?: string };
  readonly awsRegion?: string;
  /** Aurora: `{ securityGroupId }` of the cluster (generic sources have another shape here). */
  readonly network?: object;
  readonly parameterGroup?: { readonly extraParameters?: readonly { readonly name: string; readonly value: string }[] };
}

// ClickPipes static IPs of eu-central-1, pasted from the ClickPipes docs the way an app would.
const CLICKPIPES_IPS = ["3.122.25.29", "3.127.86.90", "18.195.233.217", "18.197.167.47", "35.157.23.2", "52.28.148.40"];

class PostgresSourceStack extends TerraformStack {
  constructor(scope: Construct, id: string, src: NaiveSource) {
    super(scope, id);
    this.addOverride("terraform.required_version", ">= 1.11");
    new LocalBackend(this, { path: `../../../state/${id}.tfstate` });
    const userName = src.user?.name ?? "clickpipes_user";
    const adminUser = src.adminUser ?? "postgres";

    const password = new TerraformVariable(this, "clickpipes_password", {
      type: "string",
      sensitive: true,
      nullable: false,
      description: `Password of the ClickPipes role ${userName}. Written with password_wo: never in plan or state.`,
    });
    const adminPassword = new TerraformVariable(this, "postgres_admin_password", {
      type: "string",
      sensitive: true,
      nullable: false,
      description: `Password of ${adminUser}, the user the postgresql provider logs in as.`,
    });
    new provider.PostgresqlProvider(this, "postgresql", {
      host: src.host,
      port: src.port ?? 5432,
      database: src.database,
      username: adminUser,
      password: adminPassword.stringValue,
      sslmode: "require",
      superuser: true,
      expectedVersion: String(src.postgresVersion),
      connectTimeout: 15,
    });

    const clickpipesRole = new role.Role(this, "clickpipes_user", {
      name: userName,
      login: true,
      replication: true,
      passwordWo: password.stringValue,
      passwordWoVersion: String(src.user?.passwordVersion ?? 1),
      lifecycle: { preventDestroy: true },
    });

    // Grants one after the other: the provider cannot run two GRANTs at once.
    let previous: grant.Grant | defaultPrivileges.DefaultPrivileges | undefined;
    const dependsOn = () => (previous ? [previous] : undefined);
    const schemas = src.schemas ?? [{ name: "public" }];
    for (const schema of schemas) {
      previous = new grant.Grant(this, `usage_${schema.name}`, {
        database: src.database,
        role: clickpipesRole.name,
        schema: schema.name,
        objectType: "schema",
        privileges: ["USAGE"],
        dependsOn: dependsOn(),
      });
      previous = new grant.Grant(this, `select_all_${schema.name}`, {
        database: src.database,
        role: clickpipesRole.name,
        schema: schema.name,
        objectType: "table",
        objects: [],
        privileges: ["SELECT"],
        dependsOn: dependsOn(),
      });
      for (const owner of [...(schema.owners ?? [adminUser])].sort()) {
        previous = new defaultPrivileges.DefaultPrivileges(this, `default_select_${schema.name}_${owner}`, {
          database: src.database,
          role: clickpipesRole.name,
          owner,
          schema: schema.name,
          objectType: "table",
          privileges: ["SELECT"],
          dependsOn: dependsOn(),
        });
      }
    }
    const tables = [...(src.tables ?? [])].sort();
    const granted = new Set(schemas.map((s) => s.name));
    const loose = new Map<string, string[]>();
    for (const t of tables) {
      const [schema, table] = t.split(".");
      if (!granted.has(schema)) loose.set(schema, [...(loose.get(schema) ?? []), table]);
    }
    for (const [schema, names] of loose) {
      previous = new grant.Grant(this, `usage_${schema}`, {
        database: src.database,
        role: clickpipesRole.name,
        schema,
        objectType: "schema",
        privileges: ["USAGE"],
        dependsOn: dependsOn(),
      });
      previous = new grant.Grant(this, `select_${schema}`, {
        database: src.database,
        role: clickpipesRole.name,
        schema,
        objectType: "table",
        objects: names,
        privileges: ["SELECT"],
        dependsOn: dependsOn(),
      });
    }

    const pub = new publication.Publication(this, "clickpipes_publication", {
      name: src.publication?.name ?? "clickpipes_publication",
      database: src.database,
      tables,
      publishViaPartitionRootParam: true,
      publishParam: ["insert", "update", "delete", "truncate"],
      lifecycle: { preventDestroy: true },
    });

    new TerraformOutput(this, "host", { value: src.host, description: "Host ClickPipes connects to." });
    new TerraformOutput(this, "port", { value: src.port ?? 5432, description: "Port ClickPipes connects to." });
    new TerraformOutput(this, "database", { value: src.database, description: "Database ClickPipes replicates from." });
    new TerraformOutput(this, "user", { value: clickpipesRole.name, description: "ClickPipes user name." });
    new TerraformOutput(this, "publication", { value: pub.name, description: "Publication name for the ClickPipe." });
    new TerraformOutput(this, "server_settings", {
      value: { wal_level: "logical", max_wal_senders: "10", max_replication_slots: "10", max_slot_wal_keep_size: "102400" },
      description: "Server settings the source needs.",
    });
    new TerraformOutput(this, "restart_required", { value: true, description: "Whether the server settings need a restart." });
    new TerraformOutput(this, "pg_hba_lines", {
      value: CLICKPIPES_IPS.map((ip) => `host ${src.database} ${userName} ${ip}/32 scram-sha-256`),
      description: "pg_hba.conf lines to add.",
    });
  }
}

class AuroraAwsStack extends TerraformStack {
  constructor(scope: Construct, id: string, src: NaiveSource) {
    super(scope, id);
    new LocalBackend(this, { path: `../../../state/${id}.tfstate` });
    new aws.provider.AwsProvider(this, "aws", { region: src.awsRegion ?? "eu-central-1" });
    const group = new aws.rdsClusterParameterGroup.RdsClusterParameterGroup(this, "parameter_group", {
      name: `${src.name}-clickpipes`,
      family: `aurora-postgresql${src.postgresVersion}`,
      parameter: [
        { name: "rds.logical_replication", value: "1", applyMethod: "pending-reboot" },
        { name: "wal_sender_timeout", value: "0" },
        ...(src.parameterGroup?.extraParameters ?? []).map((p) => ({ name: p.name, value: p.value })),
      ],
    });
    for (const ip of CLICKPIPES_IPS) {
      new aws.vpcSecurityGroupIngressRule.VpcSecurityGroupIngressRule(this, `clickpipes_${ip.replace(/\./g, "_")}`, {
        securityGroupId: (src.network as { securityGroupId?: string } | undefined)?.securityGroupId ?? "",
        cidrIpv4: `${ip}/32`,
        ipProtocol: "tcp",
        fromPort: src.port ?? 5432,
        toPort: src.port ?? 5432,
      });
    }
    new TerraformOutput(this, "parameter_group_name", { value: group.name });
  }
}

/** The app: one stack per generic source; an `-aws` stack plus a db stack per Aurora source. */
export function buildNaiveApp(sources: readonly NaiveSource[], outdir?: string): App {
  const app = new App({ outdir });
  for (const src of sources) {
    if (src.kind === "aurora") {
      new AuroraAwsStack(app, `${src.name}-aws`, src);
      new PostgresSourceStack(app, `${src.name}-db`, src);
    } else {
      new PostgresSourceStack(app, src.name, src);
    }
  }
  return app;
}
