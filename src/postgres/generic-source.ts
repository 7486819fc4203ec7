import { Construct } from "constructs";
import { TerraformProvider } from "../internal/tf";
import { resolveSource, ResolvedSource } from "../model/defaults";
import { SOURCE_RULES } from "../model/rules";
import { pgHbaLines, restartRequired, serverSettings, ServerSetting } from "../model/server-setup";
import { PostgresSourceSpec } from "../model/types";
import { assertValid, WarningSink } from "../model/validation";
import { ClickPipesGrants } from "./grants";
import { ClickPipesPublication } from "./publication";
import { ClickPipesUser, ReplicationRight } from "./clickpipes-user";
import { ServerSetupFiles } from "./server-setup-files";
import { addSourceObjects } from "./source-objects";
import { SOURCE_IDS } from "../model/construct-ids";

export interface GenericPostgresSourceProps extends PostgresSourceSpec {
  /**
   * The ClickPipes password: a reference to a sensitive Terraform variable. A literal is refused.
   * It is written with `password_wo`, so it is in neither the plan nor the state.
   */
  readonly password: string;
  /**
   * Provider to use.
   * @default - the stack's default postgresql provider
   */
  readonly provider?: TerraformProvider;
  /**
   * Where synth warnings go.
   * @default - standard error
   */
  readonly warn?: WarningSink;
}

/**
 * A self-managed PostgreSQL database prepared as a ClickPipes Postgres CDC source.
 *
 * Construct IDs below this one (public API): `User` (see `ClickPipesUser`), `Grants` (see
 * `ClickPipesGrants`), `Publication` (see `ClickPipesPublication`), `ServerSetup` (the rendered
 * server settings and pg_hba lines, written beside the stack at synth).
 */
export class GenericPostgresSource extends Construct {
  /** The spec with every default applied. */
  public readonly resolved: ResolvedSource;
  public readonly user: ClickPipesUser;
  public readonly grants: ClickPipesGrants;
  public readonly publication: ClickPipesPublication;
  /** Server settings the DBA must apply (Terraform cannot). */
  public readonly serverSettings: readonly ServerSetting[];
  /** Whether applying `serverSettings` needs a restart. */
  public readonly restartRequired: boolean;
  /** pg_hba.conf lines, one per ClickPipes CIDR. */
  public readonly pgHbaLines: readonly string[];

  constructor(scope: Construct, id: string, props: GenericPostgresSourceProps) {
    super(scope, id);
    assertValid<PostgresSourceSpec>(props, SOURCE_RULES, props.warn);
    this.resolved = resolveSource(props);
    const objects = addSourceObjects(this, this.resolved, {
      password: props.password,
      replication: ReplicationRight.ATTRIBUTE,
      provider: props.provider,
    });
    this.user = objects.user;
    this.grants = objects.grants;
    this.publication = objects.publication;
    this.serverSettings = serverSettings(this.resolved);
    this.restartRequired = restartRequired(this.serverSettings);
    this.pgHbaLines = pgHbaLines(this.resolved);
    new ServerSetupFiles(this, SOURCE_IDS.SERVER_SETUP, this.resolved);
  }
}
