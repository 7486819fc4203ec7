import { Construct } from "constructs";
import { ITerraformDependable, PgDefaultPrivileges, PgGrant, TerraformProvider } from "../tf/tf";
import { ResolvedSchema } from "../model/defaults";
import { defaultSelectId, GRANT_IDS, schemaGrantGroupId, tablesGrantGroupId } from "../model/construct-ids";
import { refuseUnknownProps } from "../model/known-keys";

export interface ClickPipesGrantsProps {
  /** Database the grants live in. */
  readonly database: string;
  /** The ClickPipes role (a reference, so the grants wait for it). */
  readonly roleName: string;
  /** Schemas granted whole: USAGE, SELECT on all tables, default privileges per owner. */
  readonly schemas: readonly ResolvedSchema[];
  /** Tables granted one by one, by schema: USAGE on the schema, SELECT on those tables. */
  readonly tablesBySchema: ReadonlyMap<string, readonly string[]>;
  /**
   * Resources the first grant waits for.
   * @default []
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Provider to use.
   * @default - the stack's default postgresql provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * Least-privilege grants for the ClickPipes role. Construct IDs (public API), all below this one:
 * - `schema-<schema>/Usage`, `schema-<schema>/SelectAllTables`, `schema-<schema>/DefaultSelect-<owner>`
 * - `tables-<schema>/Usage`, `tables-<schema>/SelectTables`
 *
 * Every resource depends on the one before it (in name order), so the provider never runs two
 * GRANTs at once and cannot hit "pq: tuple concurrently updated" (cyrilgdn/terraform-provider-postgresql#178).
 */
export class ClickPipesGrants extends Construct {
  /** Every grant and default-privileges resource, in apply order. */
  public readonly resources: (PgGrant | PgDefaultPrivileges)[] = [];

  constructor(scope: Construct, id: string, props: ClickPipesGrantsProps) {
    super(scope, id);
    refuseUnknownProps("ClickPipesGrants", props, this.node.path);
    let previous: ITerraformDependable[] | undefined = props.dependsOn && props.dependsOn.length > 0 ? props.dependsOn : undefined;
    const chain = <T extends PgGrant | PgDefaultPrivileges>(make: (dependsOn: ITerraformDependable[] | undefined) => T): T => {
      const r = make(previous);
      this.resources.push(r);
      previous = [r];
      return r;
    };
    const base = { provider: props.provider, database: props.database, role: props.roleName };
    const usage = (scope: Construct, schema: string) => chain((dependsOn) => new PgGrant(scope, GRANT_IDS.USAGE, { ...base, dependsOn, objectType: "schema", schema, privileges: ["USAGE"] }));

    for (const schema of props.schemas) {
      const group = new Construct(this, schemaGrantGroupId(schema.name));
      usage(group, schema.name);
      chain((dependsOn) => new PgGrant(group, GRANT_IDS.SELECT_ALL_TABLES, { ...base, dependsOn, objectType: "table", schema: schema.name, objects: [], privileges: ["SELECT"] }));
      for (const owner of schema.owners) {
        chain(
          (dependsOn) =>
            new PgDefaultPrivileges(group, defaultSelectId(owner), {
              ...base,
              dependsOn,
              owner,
              objectType: "table",
              schema: schema.name,
              privileges: ["SELECT"],
            }),
        );
      }
    }
    for (const [schema, tables] of props.tablesBySchema) {
      const group = new Construct(this, tablesGrantGroupId(schema));
      usage(group, schema);
      chain((dependsOn) => new PgGrant(group, GRANT_IDS.SELECT_TABLES, { ...base, dependsOn, objectType: "table", schema, objects: [...tables], privileges: ["SELECT"] }));
    }
  }
}
