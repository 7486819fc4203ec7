import { Construct } from "constructs";
import { AzurermProvider, TerraformStack } from "../tf/tf";
import { GenericSourceConfig } from "../model/app-config";
import { BackendSpec } from "../model/backend";
import { reportWarnings } from "../tf/annotations";
import { isValidatedSourceConfig, validateSourceConfig, ValidatedGenericSourceConfig } from "../model/validate";
import { OUTPUT_IDS, PROVIDER_IDS } from "../model/construct-ids";
import { GenericPostgresSource } from "../postgres/generic-source";
import { addStackClickPipe } from "./clickpipe";
import { addConnectionOutputs, addDatabaseAccess, addMonitoringPassword, addPlanRolePassword, initStack, output } from "./common";

export { ADMIN_PASSWORD_VARIABLE, CLICKPIPES_PASSWORD_VARIABLE, REQUIRED_TERRAFORM_VERSION } from "./common";

/**
 * One self-managed PostgreSQL source as a stack. Top-level construct IDs (public API):
 * `postgresql` (provider; with `azure.serverId` also `azurerm`), `clickpipes_password` and `postgres_admin_password` (variables; with
 * `monitoring` also `monitoring_password`),
 * `<source name>` (the `GenericPostgresSource`), and the outputs `host`, `port`, `database`,
 * `user`, `publication`, `server_settings`, `restart_required`, `pg_hba_lines`.
 *
 * Given a raw config, the stack validates it once (with the app rules for it); given a source that
 * `validateApp` validated (what `buildApp` passes), it does not validate again.
 */
export class GenericPostgresStack extends TerraformStack {
  public readonly source: GenericPostgresSource;

  constructor(scope: Construct, input: GenericSourceConfig | ValidatedGenericSourceConfig, defaultBackend?: BackendSpec) {
    const checked = isValidatedSourceConfig(input) ? { source: input, warnings: [] } : validateSourceConfig(input, defaultBackend);
    const v = checked.source as ValidatedGenericSourceConfig;
    const config = v.config;
    super(scope, config.name);
    reportWarnings(this, checked.warnings);
    initStack(this, config.name, config.backend ?? defaultBackend);
    const resolved = v.source.value;

    const password = addDatabaseAccess(this, resolved, { host: resolved.host, superuser: resolved.adminIsSuperuser });
    const monitoringPassword = addMonitoringPassword(this, resolved);
    const planRolePassword = addPlanRolePassword(this, resolved);
    if (resolved.azure) {
      // Credentials come from the environment (ARM_CLIENT_ID, OIDC, the Azure CLI, ...), never from synth output.
      // No resource provider registration: the server exists, so Microsoft.DBforPostgreSQL is registered.
      new AzurermProvider(this, PROVIDER_IDS.AZURERM, { features: {}, subscriptionId: resolved.azure.subscriptionId, resourceProviderRegistrations: "none" });
    }
    this.source = new GenericPostgresSource(this, config.name, { validated: v.source, password, monitoringPassword, planRolePassword });

    const out = (id: string, value: unknown, description: string) => output(this, id, value, description);
    addConnectionOutputs(this, {
      host: resolved.host,
      hostDescription: "Host ClickPipes connects to.",
      port: resolved.port,
      database: resolved.database,
      user: this.source.user.roleName,
      publication: this.source.publication.publicationName,
    });
    out(
      OUTPUT_IDS.SERVER_SETTINGS,
      Object.fromEntries(this.source.serverSettings.map((s) => [s.name, s.value])),
      resolved.azure
        ? "Server settings the source needs; this stack declares wal_level (and replication settings above Azure's default) on the Azure server (see server-setup/)."
        : "Server settings the source needs; apply them by hand (see server-setup/), Terraform cannot.",
    );
    out(OUTPUT_IDS.RESTART_REQUIRED, this.source.restartRequired, "Whether the server settings need a restart to take effect.");
    out(OUTPUT_IDS.PG_HBA_LINES, this.source.pgHbaLines, "pg_hba.conf lines to add, then SELECT pg_reload_conf().");

    if (config.clickpipe && v.clickpipe) {
      addStackClickPipe(this, {
        sourceName: config.name,
        serviceId: config.clickpipe.serviceId,
        validated: v.clickpipe,
        source: this.source,
        // PlanetScale logs in as <user>.<branch> (PlanetScale source guide).
        username: config.planetScaleBranch !== undefined ? `${this.source.user.roleName}.${config.planetScaleBranch}` : undefined,
        password,
      });
    }
  }
}
