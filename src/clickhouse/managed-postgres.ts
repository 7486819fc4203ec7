import { Construct } from "constructs";
import { ChPostgresServiceData, TerraformProvider, Token } from "../tf/tf";
import { ResolvedSource } from "../model/defaults";
import { MANAGED_POSTGRES_IDS } from "../model/construct-ids";
import { refuseUnknownProps } from "../model/known-keys";

export interface ManagedPostgresConnectionProps {
  /** The resolved `managedPostgres` of a `clickhouse-managed` source. */
  readonly managed: NonNullable<ResolvedSource["managedPostgres"]>;
  /**
   * ClickHouse provider of the data source.
   * @default - the stack's default clickhouse provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * Where a ClickHouse Managed Postgres service is reached: its direct connection (host name and
 * port; never the PgBouncer one, which cannot carry replication, managed-postgres.mdx @af78a327).
 * With the service resource of the same app, its attributes; with a service ID, the data source
 * `clickhouse_postgres_service` (construct ID `Service`, public API), read at plan time.
 */
export class ManagedPostgresConnection extends Construct {
  /** The service ID. */
  public readonly serviceId: string;
  /** The direct connection's host name (a reference). */
  public readonly hostname: string;
  /** The direct connection's port (a reference). */
  public readonly port: number;
  /** The data source, with a service ID only. */
  public readonly serviceData?: ChPostgresServiceData;

  constructor(scope: Construct, id: string, props: ManagedPostgresConnectionProps) {
    super(scope, id);
    refuseUnknownProps("ManagedPostgresConnection", props, this.node.path);
    const { managed } = props;
    this.serviceId = managed.serviceId;
    if (managed.service) {
      this.hostname = managed.service.hostname;
      this.port = managed.service.port;
    } else {
      this.serviceData = new ChPostgresServiceData(this, MANAGED_POSTGRES_IDS.SERVICE, { provider: props.provider, id: managed.serviceId });
      this.hostname = this.serviceData.hostname;
      this.port = Token.asNumber(this.serviceData.port);
    }
  }
}
