/** Pieces every source stack shares: Terraform version, backend, the password variables, the provider, the outputs. */
import { applyBackend } from "../backend";
import { PostgresqlProvider, TerraformOutput, TerraformStack, TerraformVariable } from "../tf/tf";
import { BackendSpec } from "../model/backend";
import { OUTPUT_IDS, PROVIDER_IDS, VARIABLE_IDS } from "../model/construct-ids";
import { ResolvedSource } from "../model/defaults";

/** Name of the sensitive variable that holds the ClickPipes password. */
export const CLICKPIPES_PASSWORD_VARIABLE = VARIABLE_IDS.CLICKPIPES_PASSWORD;
/** Name of the sensitive variable that holds the provider's admin password. */
export const ADMIN_PASSWORD_VARIABLE = VARIABLE_IDS.ADMIN_PASSWORD;
/** Write-only attributes need Terraform 1.11. */
export const REQUIRED_TERRAFORM_VERSION = ">= 1.11";

/** `required_version` and the backend (`{stack}` in templates = the stack's name). */
export function initStack(stack: TerraformStack, name: string, backend: BackendSpec | undefined): void {
  stack.addOverride("terraform.required_version", REQUIRED_TERRAFORM_VERSION);
  applyBackend(stack, name, backend);
}

/**
 * The two sensitive variables (`clickpipes_password`, `postgres_admin_password`) and the postgresql
 * provider (construct ID `postgresql`) logged in as the admin. Returns the ClickPipes password reference.
 */
export function addDatabaseAccess(stack: TerraformStack, src: ResolvedSource, opts: { host: string; superuser: boolean; port?: number }): string {
  const secret = (id: string, description: string) => new TerraformVariable(stack, id, { type: "string", sensitive: true, nullable: false, description }).stringValue;
  const password = secret(CLICKPIPES_PASSWORD_VARIABLE, `Password of the ClickPipes role ${src.userName}. Written with password_wo: never in plan or state.`);
  new PostgresqlProvider(stack, PROVIDER_IDS.POSTGRESQL, {
    host: opts.host,
    port: opts.port ?? src.port,
    database: src.database,
    username: src.adminUser,
    password: secret(ADMIN_PASSWORD_VARIABLE, `Password of ${src.adminUser}, the user the postgresql provider logs in as.`),
    sslmode: src.sslmode,
    superuser: opts.superuser,
    expectedVersion: String(src.postgresVersion),
    connectTimeout: 15,
  });
  return password;
}

/** With `monitoring`: the sensitive variable `monitoring_password`; returns its reference. */
export function addMonitoringPassword(stack: TerraformStack, src: ResolvedSource): string | undefined {
  if (!src.monitoring) return undefined;
  return new TerraformVariable(stack, VARIABLE_IDS.MONITORING_PASSWORD, {
    type: "string",
    sensitive: true,
    nullable: false,
    description: `Password of the monitoring role ${src.monitoring.name} (pg_monitor). Written with password_wo: never in plan or state.`,
  }).stringValue;
}

/** With `planRole`: the sensitive variable `plan_role_password`; returns its reference. */
export function addPlanRolePassword(stack: TerraformStack, src: ResolvedSource): string | undefined {
  if (!src.planRole) return undefined;
  return new TerraformVariable(stack, VARIABLE_IDS.PLAN_ROLE_PASSWORD, {
    type: "string",
    sensitive: true,
    nullable: false,
    description: `Password of the read-only plan role ${src.planRole.name} (LOGIN and CONNECT only; for terraform plan of pull requests). Written with password_wo: never in plan or state.`,
  }).stringValue;
}

/** A stack output (construct ID = output name). */
export function output(stack: TerraformStack, id: string, value: unknown, description: string): TerraformOutput {
  return new TerraformOutput(stack, id, { value, description });
}

/** What the ClickPipe form asks for: host, port, database, user, publication (never the password). */
export function addConnectionOutputs(stack: TerraformStack, o: { host: string; port: number; database: string; user: string; publication: string; hostDescription: string }): void {
  output(stack, OUTPUT_IDS.HOST, o.host, o.hostDescription);
  output(stack, OUTPUT_IDS.PORT, o.port, "Port ClickPipes connects to.");
  output(stack, OUTPUT_IDS.DATABASE, o.database, "Database ClickPipes replicates from.");
  output(stack, OUTPUT_IDS.USER, o.user, "ClickPipes user name (the password is in the clickpipes_password variable).");
  output(stack, OUTPUT_IDS.PUBLICATION, o.publication, "Publication name for the ClickPipe.");
}
