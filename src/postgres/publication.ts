import { Construct } from "constructs";
import { PgPublication, PgTablesData, TerraformIterator, TerraformProvider } from "../tf/tf";
import { formatTableRef, TableRef } from "../model/defaults";
import { PublishOperation } from "../model/types";
import { PUBLICATION_IDS } from "../model/construct-ids";
import { refuseUnknownProps } from "../model/known-keys";

export interface ClickPipesPublicationProps {
  /** Publication name. */
  readonly name: string;
  /** Database of the publication. */
  readonly database: string;
  /** Tables listed in the publication (`FOR TABLE`). */
  readonly tables: readonly TableRef[];
  /**
   * When `tables` is empty: publish every table of these schemas, listed at plan time through
   * the `postgresql_tables` data source (the provider has no `FOR TABLES IN SCHEMA`).
   * @default []
   */
  readonly schemas?: readonly string[];
  /**
   * `FOR ALL TABLES` (needs superuser). Excludes `tables` and `schemas`.
   * @default false
   */
  readonly allTables?: boolean;
  /**
   * `publish_via_partition_root` (PostgreSQL 13+).
   * @default - unset (PostgreSQL's default, false)
   */
  readonly publishViaPartitionRoot?: boolean;
  /**
   * Operations to publish.
   * @default - PostgreSQL's default (all four)
   */
  readonly operations?: readonly PublishOperation[];
  /**
   * `lifecycle.prevent_destroy`.
   * @default true
   */
  readonly protectFromDestroy?: boolean;
  /**
   * `lifecycle.ignore_changes = ["tables"]`: Terraform creates the publication with its table list
   * and then leaves the list alone. For publications that also hold a schema added by hand
   * (TimescaleDB's `_timescaledb_internal`): cyrilgdn/postgresql 1.26.0 reads the tables back from
   * `pg_publication_tables`, which lists the schema's tables too, and its next apply would run
   * `ALTER PUBLICATION ... DROP TABLE` for each of them (refused: they are in it through the schema).
   * @default false
   */
  readonly ignoreTableChanges?: boolean;
  /**
   * Provider to use.
   * @default - the stack's default postgresql provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * The publication ClickPipes reads. Construct IDs (public API): `Publication`
 * (postgresql_publication) and, for schema-wide publications, `SchemaTables` (data postgresql_tables).
 */
export class ClickPipesPublication extends Construct {
  public readonly publication: PgPublication;
  /** The publication name as a reference. */
  public readonly publicationName: string;

  constructor(scope: Construct, id: string, props: ClickPipesPublicationProps) {
    super(scope, id);
    refuseUnknownProps("ClickPipesPublication", props, this.node.path);
    let tables: string[] | undefined;
    if (props.allTables) {
      tables = undefined;
    } else if (props.tables.length > 0) {
      tables = props.tables.map(formatTableRef);
    } else {
      const data = new PgTablesData(this, PUBLICATION_IDS.SCHEMA_TABLES, {
        provider: props.provider,
        database: props.database,
        schemas: [...(props.schemas ?? [])],
        tableTypes: ["BASE TABLE"],
      });
      const it = TerraformIterator.fromList(data.tables);
      tables = it.forExpressionForList('"${val.schema_name}.${val.object_name}"') as unknown as string[];
    }
    this.publication = new PgPublication(this, PUBLICATION_IDS.PUBLICATION, {
      provider: props.provider,
      name: props.name,
      database: props.database,
      allTables: props.allTables ? true : undefined,
      tables,
      publishViaPartitionRootParam: props.publishViaPartitionRoot,
      publishParam: props.operations ? [...props.operations] : undefined,
      lifecycle: { preventDestroy: props.protectFromDestroy ?? true, ...(props.ignoreTableChanges ? { ignoreChanges: ["tables"] } : {}) },
    });
    this.publicationName = this.publication.name;
  }
}
