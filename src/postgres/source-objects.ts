import { Construct } from "constructs";
import { DefaultTokenResolver, StringConcat, TerraformProvider, TerraformStack, TerraformVariable, Token, Tokenization } from "../tf/tf";
import { ResolvedSource } from "../model/defaults";
import { TERRAFORM_VARIABLE_REFERENCE } from "../model/patterns";
import { Severity, ValidationError } from "../model/validation";
import { ClickPipesGrants } from "./grants";
import { ClickPipesPublication } from "./publication";
import { ClickPipesUser, ReplicationRight } from "./clickpipes-user";
import { ClickPipesMonitoringRole } from "./monitoring-role";
import { ClickPipesPlanRole } from "./plan-role";
import { SOURCE_IDS } from "../model/construct-ids";

/** Options of the database objects every source type shares. */
export interface SourceObjectsOptions {
  /** The ClickPipes password: a reference to a sensitive Terraform variable, never a literal. */
  readonly password: string;
  /** How the role gets the replication right. */
  readonly replication: ReplicationRight;
  /**
   * The monitoring role's password (a reference to a sensitive variable); required when the spec has `monitoring`.
   * @default - none
   */
  readonly monitoringPassword?: string;
  /**
   * The read-only plan role's password (a reference to a sensitive variable); required when the spec has `planRole`.
   * @default - none
   */
  readonly planRolePassword?: string;
  /**
   * Grant `rds_iam` too.
   * @default false
   */
  readonly iamAuth?: boolean;
  /**
   * Provider to use.
   * @default - the stack's default postgresql provider
   */
  readonly provider?: TerraformProvider;
}

/** The constructs `addSourceObjects` creates. */
export interface SourceObjects {
  readonly user: ClickPipesUser;
  readonly grants: ClickPipesGrants;
  readonly publication: ClickPipesPublication;
  /** The monitoring role, with `monitoring`. */
  readonly monitoring?: ClickPipesMonitoringRole;
  /** The read-only plan role, with `planRole`. */
  readonly planRole?: ClickPipesPlanRole;
}

/**
 * Refuse a password that could land in the JSON, the plan or the state: it must resolve to exactly
 * `${var.<name>}` of a sensitive Terraform variable without a default in the same stack. A literal,
 * a function of a literal, a local, or a non-sensitive variable is refused (never echoed).
 */
export function assertPasswordIsReference(scope: Construct, source: string, password: string, field = "password"): void {
  const refuse = (why: string | undefined) => {
    throw new ValidationError([
      {
        rule: "password-reference",
        source,
        severity: Severity.ERROR,
        field,
        // A missing password prints as (missing); anything else is described, never echoed.
        value: why === undefined ? undefined : `<${why}, not shown>`,
        allowed: "a reference to a sensitive Terraform variable without a default (new TerraformVariable(..., { sensitive: true }).stringValue)",
      },
    ]);
  };
  if (password === undefined || password === null || password === "") refuse(undefined);
  if (typeof password !== "string") refuse(`a ${typeof password}`);
  if (!Token.isUnresolved(password)) refuse("a literal string");
  const stack = TerraformStack.of(scope);
  const resolved = Tokenization.resolve(password, { scope, resolver: new DefaultTokenResolver(new StringConcat()) }) as unknown;
  const m = typeof resolved === "string" ? TERRAFORM_VARIABLE_REFERENCE.exec(resolved) : null;
  if (!m) refuse("an expression that is not a variable");
  const variable = stack.node.findAll().find((c): c is TerraformVariable => c instanceof TerraformVariable && c.friendlyUniqueId === m![1]);
  if (!variable || variable.sensitive !== true) refuse(`variable ${m![1]}, which is not sensitive`);
  if (variable!.default !== undefined) refuse(`variable ${m![1]}, which has a default`);
}

/**
 * The user, grants and publication of a source, as children `User`, `Grants` and `Publication`
 * of `scope` (construct IDs are public API: renaming one destroys and recreates the objects).
 * Shared by every source type; only the replication right differs.
 */
export function addSourceObjects(scope: Construct, src: ResolvedSource, opts: SourceObjectsOptions): SourceObjects {
  assertPasswordIsReference(scope, src.name, opts.password);
  const user = new ClickPipesUser(scope, SOURCE_IDS.USER, {
    provider: opts.provider,
    name: src.userName,
    password: opts.password,
    passwordVersion: src.passwordVersion,
    replication: opts.replication,
    iamAuth: opts.iamAuth,
    bypassRowLevelSecurity: src.bypassRowLevelSecurity,
    protectFromDestroy: src.protectFromDestroy,
  });
  const grants = new ClickPipesGrants(scope, SOURCE_IDS.GRANTS, {
    provider: opts.provider,
    database: src.database,
    roleName: user.roleName,
    schemas: src.schemas,
    tablesBySchema: src.tableScopedGrants,
    dependsOn: user.memberships.length > 0 ? [...user.memberships] : undefined,
  });
  const publication = new ClickPipesPublication(scope, SOURCE_IDS.PUBLICATION, {
    provider: opts.provider,
    name: src.publicationName,
    database: src.database,
    tables: src.tables,
    schemas: src.schemas.map((s) => s.name),
    allTables: src.allTables,
    publishViaPartitionRoot: src.publishViaPartitionRoot,
    operations: src.publishOperations,
    protectFromDestroy: src.protectFromDestroy,
    ignoreTableChanges: src.timescaleDb && !src.allTables,
  });
  let monitoring: ClickPipesMonitoringRole | undefined;
  if (src.monitoring) {
    assertPasswordIsReference(scope, src.name, opts.monitoringPassword!, "monitoringPassword");
    monitoring = new ClickPipesMonitoringRole(scope, SOURCE_IDS.MONITORING, {
      provider: opts.provider,
      name: src.monitoring.name,
      password: opts.monitoringPassword!,
      passwordVersion: src.monitoring.passwordVersion,
      database: src.database,
    });
  }
  let planRole: ClickPipesPlanRole | undefined;
  if (src.planRole) {
    assertPasswordIsReference(scope, src.name, opts.planRolePassword!, "planRolePassword");
    planRole = new ClickPipesPlanRole(scope, SOURCE_IDS.PLAN_ROLE, {
      provider: opts.provider,
      name: src.planRole.name,
      password: opts.planRolePassword!,
      passwordVersion: src.planRole.passwordVersion,
      database: src.database,
    });
  }
  return { user, grants, publication, monitoring, planRole };
}
