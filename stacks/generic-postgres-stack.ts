import { Construct } from "constructs";
import { applyBackend } from "../src/backend";
import { PostgresqlProvider, TerraformOutput, TerraformStack, TerraformVariable } from "../src/internal/tf";
import { GenericSourceConfig } from "../src/model/app-config";
import { BackendSpec } from "../src/model/backend";
import { resolveSource } from "../src/model/defaults";
import { ClickPipePostgresType } from "../src/model/clickpipe";
import { GenericPostgresSource } from "../src/postgres/generic-source";
import { addStackClickPipe } from "./clickpipe";
import { WarningSink } from "../src/model/validation";

/** Name of the sensitive variable that holds the ClickPipes password. */
export const CLICKPIPES_PASSWORD_VARIABLE = "clickpipes_password";
/** Name of the sensitive variable that holds the provider's admin password. */
export const ADMIN_PASSWORD_VARIABLE = "postgres_admin_password";
/** Write-only attributes need Terraform 1.11. */
export const REQUIRED_TERRAFORM_VERSION = ">= 1.11";

/**
 * One self-managed PostgreSQL source as a stack. Top-level construct IDs (public API):
 * `postgresql` (provider), `clickpipes_password` and `postgres_admin_password` (variables),
 * `<source name>` (the `GenericPostgresSource`), and the outputs `host`, `port`, `database`,
 * `user`, `publication`, `server_settings`, `restart_required`, `pg_hba_lines`.
 */
export class GenericPostgresStack extends TerraformStack {
  public readonly source: GenericPostgresSource;

  constructor(scope: Construct, config: GenericSourceConfig, defaultBackend?: BackendSpec, warn?: WarningSink) {
    super(scope, config.name);
    this.addOverride("terraform.required_version", REQUIRED_TERRAFORM_VERSION);
    applyBackend(this, config.name, config.backend ?? defaultBackend);
    const resolved = resolveSource(config);

    const password = new TerraformVariable(this, CLICKPIPES_PASSWORD_VARIABLE, {
      type: "string",
      sensitive: true,
      nullable: false,
      description: `Password of the ClickPipes role ${resolved.userName}. Written with password_wo: never in plan or state.`,
    });
    const adminPassword = new TerraformVariable(this, ADMIN_PASSWORD_VARIABLE, {
      type: "string",
      sensitive: true,
      nullable: false,
      description: `Password of ${resolved.adminUser}, the user the postgresql provider logs in as.`,
    });
    new PostgresqlProvider(this, "postgresql", {
      host: resolved.host,
      port: resolved.port,
      database: resolved.database,
      username: resolved.adminUser,
      password: adminPassword.stringValue,
      sslmode: resolved.sslmode,
      superuser: resolved.adminIsSuperuser,
      expectedVersion: String(resolved.postgresVersion),
      connectTimeout: 15,
    });
    this.source = new GenericPostgresSource(this, config.name, { ...config, password: password.stringValue, warn });

    const out = (id: string, value: unknown, description: string) => new TerraformOutput(this, id, { value, description });
    out("host", resolved.host, "Host ClickPipes connects to.");
    out("port", resolved.port, "Port ClickPipes connects to.");
    out("database", resolved.database, "Database ClickPipes replicates from.");
    out("user", this.source.user.roleName, "ClickPipes user name (the password is in the clickpipes_password variable).");
    out("publication", this.source.publication.publicationName, "Publication name for the ClickPipe.");
    out(
      "server_settings",
      Object.fromEntries(this.source.serverSettings.map((s) => [s.name, s.value])),
      "Server settings the source needs; apply them by hand (see server-setup/), Terraform cannot.",
    );
    out("restart_required", this.source.restartRequired, "Whether the server settings need a restart to take effect.");
    out("pg_hba_lines", this.source.pgHbaLines, "pg_hba.conf lines to add, then SELECT pg_reload_conf().");

    if (config.clickpipe) {
      addStackClickPipe(this, {
        sourceName: config.name,
        config: config.clickpipe,
        source: this.source,
        type: ClickPipePostgresType.POSTGRES,
        password: password.stringValue,
        warn,
      });
    }
  }
}
