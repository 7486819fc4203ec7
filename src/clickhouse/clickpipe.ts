import { Construct } from "constructs";
import { refuseUnknownProps } from "../model/known-keys";
import {
  ChCdcInfrastructure,
  ChClickPipe,
  ChPostgresServiceCaData,
  ChReversePrivateEndpointCustomPrivateDns,
  ChReversePrivateEndpoint,
  ChTableMapping,
  Annotations,
  Fn,
  IResolvable,
  ITerraformDependable,
  TerraformIterator,
  TerraformLocal,
  TerraformProvider,
  Token,
} from "../tf/tf";
import { cdcMemoryGb, ClickPipeAuthentication, ClickPipeReplicationMode, ClickPipeSpec, defaultTargetTable, DEFAULT_DESTINATION_DATABASE, tableMappings, TableMapping } from "../model/clickpipe";
import { ResolvedSource } from "../model/defaults";
import { HOST_PROFILES } from "../model/host-profiles";
import { requireValidated, validateClickPipe, ValidatedClickPipe } from "../model/validate";
import { reportWarnings } from "../tf/annotations";
import { ClickPipesGrants } from "../postgres/grants";
import { ClickPipesPublication } from "../postgres/publication";
import { ClickPipesUser } from "../postgres/clickpipes-user";
import { assertPasswordIsReference } from "../postgres/source-objects";
import { CLICKPIPE_IDS } from "../model/construct-ids";
import { HostProfile } from "../model/host-profiles";
import { CLICKPIPES_GCP_CONSUMER_PROJECT } from "../model/clickpipe";
import { ManagedPostgresConnection } from "./managed-postgres";

/**
 * What a pipe needs from a source construct. `GenericPostgresSource` (and every source built with
 * `addSourceObjects`) has this shape.
 */
export interface ClickPipeSource {
  /** The source spec with defaults applied. */
  readonly resolved: ResolvedSource;
  /** The ClickPipes role; the pipe's username is `user.roleName` (a reference). */
  readonly user: ClickPipesUser;
  /** The grants; the pipe waits for them. */
  readonly grants: ClickPipesGrants;
  /** The publication; the pipe's publication_name is `publication.publicationName` (a reference). */
  readonly publication: ClickPipesPublication;
  /**
   * ClickHouse Managed Postgres sources: the service's direct connection (the pipe connects to it
   * and pins the service's CA).
   * @default - none (the source's `host` and `port`)
   */
  readonly managedPostgres?: ManagedPostgresConnection;
}

/** AWS PrivateLink through a VPC Lattice resource configuration shared with ClickPipes over RAM. */
export interface ClickPipePrivateLink {
  /** ID of the VPC Lattice resource configuration (`rcfg-...`) pointing at the database. */
  readonly resourceConfigurationId: string;
  /** ARN of the RAM resource share that shares it with ClickPipes. */
  readonly resourceShareArn: string;
  /**
   * Description of the reverse private endpoint (changing it replaces the endpoint).
   * @default - "ClickPipes PrivateLink to <source name>"
   */
  readonly description?: string;
}

export interface ClickPipeProps extends ClickPipeSpec {
  /** The source the pipe reads from (user, grants, publication and resolved spec). */
  readonly source: ClickPipeSource;
  /**
   * The ClickPipes password: the same sensitive Terraform variable reference the source user was
   * created with. A literal is refused. Sent as `password_wo`, so it is in neither plan nor state;
   * `password_wo_version` follows the source's `user.passwordVersion`. Not sent with `iamRoleArn`
   * (the provider refuses a password with IAM_ROLE authentication).
   */
  readonly password: string;
  /**
   * ARN of the AWS IAM role ClickPipes assumes to connect with IAM database authentication
   * (Aurora / RDS with `iamAuth`): the pipe uses `authentication = IAM_ROLE` and sends no password.
   * @default - password authentication (`basic`)
   */
  readonly iamRoleArn?: string;
  /**
   * User name ClickPipes logs in as (PlanetScale: `<role>.<branch>`).
   * @default - the source role's name (a reference)
   */
  readonly username?: string;
  /** ID of the ClickHouse Cloud service that runs the pipe (a literal or a reference). */
  readonly serviceId: string;
  /**
   * Host ClickPipes connects to (Aurora: the cluster writer endpoint). Ignored with `privateLink`,
   * which connects through the reverse private endpoint's DNS name.
   * @default - the source's `host`
   */
  readonly host?: string;
  /**
   * Port ClickPipes connects to.
   * @default - the source's `port`
   */
  readonly port?: number;
  /**
   * Reach the database over AWS PrivateLink: creates a `clickhouse_clickpipes_reverse_private_endpoint`
   * of type VPC_RESOURCE and connects to its first DNS name.
   * @default - connect to `host` directly (allow the ClickPipes static IPs)
   */
  readonly privateLink?: ClickPipePrivateLink;
  /**
   * ClickHouse provider to use.
   * @default - the stack's default clickhouse provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * Props of a pipe already validated by `validateClickPipe` (or `validateApp`) against
 * `source.resolved`: the pipe spec comes from `validated`, which is not validated again.
 */
export interface ValidatedClickPipeProps extends Omit<ClickPipeProps, keyof ClickPipeSpec> {
  /** The validated pipe spec (checked against this `source`'s resolved spec). */
  readonly validated: ValidatedClickPipe;
}

/**
 * A ClickHouse Cloud Postgres CDC ClickPipe reading from one of our sources. Username, publication
 * name and password are references to the source's objects and variable (never copied literals),
 * and the pipe depends on the role, its memberships, the grants and the publication, so a single
 * deploy creates them first.
 *
 * Raw props are validated here, once (`CLICKPIPE_RULES`); props with a `validated` pipe are not.
 * Warnings become cdktf warning annotations on this construct.
 *
 * Construct IDs below this one (public API): `Pipe` (clickhouse_clickpipe), `ReversePrivateEndpoint`
 * (clickhouse_clickpipes_reverse_private_endpoint, with `privateLink` only), `PscEndpoint` and
 * `PscPrivateDns` (the GCP_PSC_SERVICE_ATTACHMENT endpoint and its custom private DNS, with
 * `privateServiceConnect` only), `ManagedPostgresCa` (clickhouse_postgres_service_ca_certificates,
 * ClickHouse Managed Postgres sources only), `CdcInfrastructure`
 * (clickhouse_clickpipe_cdc_infrastructure, with `cdcInfrastructure` only).
 */
export class ClickPipe extends Construct {
  public readonly pipe: ChClickPipe;
  /** The reverse private endpoint, with `privateLink`. */
  public readonly reversePrivateEndpoint?: ChReversePrivateEndpoint;
  /** The GCP Private Service Connect endpoint, with `privateServiceConnect`. */
  public readonly pscEndpoint?: ChReversePrivateEndpoint;
  /** Its custom private DNS mapping (PSC carries no DNS), with `privateServiceConnect`. */
  public readonly pscPrivateDns?: ChReversePrivateEndpointCustomPrivateDns;
  /** The Managed Postgres CA data source whose certificate the pipe pins (ClickHouse Managed Postgres sources). */
  public readonly managedPostgresCa?: ChPostgresServiceCaData;
  /** The CDC infrastructure sizing, with `cdcInfrastructure`. */
  public readonly cdcInfrastructure?: ChCdcInfrastructure;
  /** The table mappings declared, sorted by source table. */
  public readonly tableMappings: readonly TableMapping[];
  /** The host the pipe connects to (a reference with `privateLink`). */
  public readonly host: string;

  constructor(scope: Construct, id: string, input: ClickPipeProps | ValidatedClickPipeProps) {
    super(scope, id);
    refuseUnknownProps("validated" in input ? "ValidatedClickPipe" : "ClickPipe", input, `${scope.node.path}/${id}`);
    const src = input.source.resolved;
    const validated =
      "validated" in input
        ? requireValidated(input.validated, "ClickPipe")
        : validateClickPipe(src, input, input.iamRoleArn !== undefined ? ClickPipeAuthentication.IAM_ROLE : ClickPipeAuthentication.BASIC);
    if (validated.value.source !== src) throw new TypeError("ClickPipe: the validated pipe was checked against another source than props.source");
    reportWarnings(this, validated.takeWarnings());
    const props: ClickPipeProps = "validated" in input ? { ...input, ...validated.value.pipe } : input;
    if (props.iamRoleArn === undefined) assertPasswordIsReference(this, src.name, props.password);
    this.tableMappings = tableMappings(src, props);

    const managed = props.source.managedPostgres;
    if (src.hostProfile === HostProfile.CLICKHOUSE_MANAGED && !managed) {
      throw new TypeError("ClickPipe: a clickhouse-managed source must pass its managedPostgres connection (GenericPostgresSource.managedPostgres)");
    }
    if (props.privateLink && props.privateServiceConnect) {
      throw new TypeError("ClickPipe: privateLink (AWS) and privateServiceConnect (GCP) exclude each other: give one network path");
    }
    if (props.privateLink) {
      this.reversePrivateEndpoint = new ChReversePrivateEndpoint(this, CLICKPIPE_IDS.REVERSE_PRIVATE_ENDPOINT, {
        provider: props.provider,
        serviceId: props.serviceId,
        type: "VPC_RESOURCE",
        description: props.privateLink.description ?? `ClickPipes PrivateLink to ${src.name}`,
        vpcResourceConfigurationId: props.privateLink.resourceConfigurationId,
        vpcResourceShareArn: props.privateLink.resourceShareArn,
      });
      this.host = Token.asString(Fn.element(this.reversePrivateEndpoint.dnsNames, 0));
    } else if (props.privateServiceConnect) {
      const psc = props.privateServiceConnect;
      this.pscEndpoint = new ChReversePrivateEndpoint(this, CLICKPIPE_IDS.PSC_ENDPOINT, {
        provider: props.provider,
        serviceId: props.serviceId,
        type: "GCP_PSC_SERVICE_ATTACHMENT",
        description: psc.description ?? `ClickPipes PSC to ${src.name}`,
        gcpServiceAttachment: psc.serviceAttachment,
      });
      // PSC propagates no DNS: ClickPipes maps this name to the endpoint's static IP (gcp-psc.mdx @0d5a8e3c).
      this.pscPrivateDns = new ChReversePrivateEndpointCustomPrivateDns(this, CLICKPIPE_IDS.PSC_PRIVATE_DNS, {
        provider: props.provider,
        serviceId: props.serviceId,
        reversePrivateEndpointId: this.pscEndpoint.id,
        mapping: [{ privateDnsName: psc.privateDnsName }],
      });
      this.host = props.host ?? psc.privateDnsName;
      Annotations.of(this).addInfo(
        `GCP Private Service Connect: put the ClickPipes consumer project ${CLICKPIPES_GCP_CONSUMER_PROJECT} on the accept list of ${psc.serviceAttachment} (native PSC, e.g. AlloyDB or Cloud SQL, may accept it already); until then the endpoint stays PendingAcceptance`,
      );
    } else {
      this.host = props.host ?? managed?.hostname ?? src.host;
    }
    if (managed) {
      // Each Managed Postgres instance's CA is its own and not publicly trusted (managed-postgres.mdx @af78a327, "TLS"): pin it.
      this.managedPostgresCa = new ChPostgresServiceCaData(this, CLICKPIPE_IDS.MANAGED_POSTGRES_CA, { provider: props.provider, serviceId: managed.serviceId });
    }

    const { user, grants, publication } = props.source;
    const iam = props.iamRoleArn !== undefined;
    const dependsOn: ITerraformDependable[] = [user.role, ...user.memberships, ...grants.resources, publication.publication];
    this.pipe = new ChClickPipe(this, CLICKPIPE_IDS.PIPE, {
      provider: props.provider,
      dependsOn,
      serviceId: props.serviceId,
      name: props.name ?? src.name,
      source: {
        postgres: {
          type: props.type ?? HOST_PROFILES[src.hostProfile].pipeType,
          host: this.host,
          port: props.port ?? managed?.port ?? src.port,
          database: src.database,
          authentication: iam ? ClickPipeAuthentication.IAM_ROLE : undefined,
          iamRole: props.iamRoleArn,
          tlsHost: props.tlsHost,
          caCertificate: props.caCertificate ?? this.managedPostgresCa?.certificate,
          credentials: iam ? { username: props.username ?? user.roleName } : { username: props.username ?? user.roleName, passwordWo: props.password, passwordWoVersion: src.passwordVersion },
          settings: {
            replicationMode: props.replicationMode ?? ClickPipeReplicationMode.CDC,
            publicationName: publication.publicationName,
            replicationSlotName: props.replicationSlotName,
            enableFailoverSlots: props.enableFailoverSlots,
            syncIntervalSeconds: props.syncIntervalSeconds,
            pullBatchSize: props.pullBatchSize,
            initialLoadParallelism: props.initialLoadParallelism,
            snapshotNumRowsPerPartition: props.snapshotNumRowsPerPartition,
            snapshotNumberOfParallelTables: props.snapshotNumberOfParallelTables,
            allowNullableColumns: props.allowNullableColumns,
            deleteOnMerge: props.deleteOnMerge,
          },
          tableMappings: this.mappingsExpression(props, publication),
        },
      },
      destination: {
        database: props.destinationDatabase ?? DEFAULT_DESTINATION_DATABASE,
        roles: props.destinationRoles,
      },
      stopped: props.stopped,
      triggerResync: props.triggerResync,
    });

    if (props.cdcInfrastructure) {
      // The sizing endpoint exists only once a DB ClickPipe of the service is provisioned.
      this.cdcInfrastructure = new ChCdcInfrastructure(this, CLICKPIPE_IDS.CDC_INFRASTRUCTURE, {
        provider: props.provider,
        dependsOn: [this.pipe],
        serviceId: props.serviceId,
        replicaCpuMillicores: props.cdcInfrastructure.cpuMillicores,
        replicaMemoryGb: cdcMemoryGb(props.cdcInfrastructure),
      });
    }
  }

  /**
   * Without an explicit `tables` list (and without `tableOptions`) the mappings are derived in
   * Terraform from the publication's `tables` attribute (a reference, not a copy), with renames from
   * the `TargetTables` local; with `tables` or `tableOptions`, they are written out.
   */
  private mappingsExpression(props: ClickPipeProps, publication: ClickPipesPublication): ChTableMapping[] | IResolvable {
    const src = props.source.resolved;
    if (props.tables !== undefined || src.tables.length === 0 || props.tableOptions !== undefined) {
      return this.tableMappings.map((m) => {
        const o = m.options;
        return {
          sourceSchemaName: m.sourceSchema,
          sourceTable: m.sourceTable,
          targetTable: m.targetTable,
          ...(o?.excludedColumns !== undefined ? { excludedColumns: [...o.excludedColumns].sort() } : {}),
          ...(o?.sortingKeys !== undefined ? { useCustomSortingKey: true, sortingKeys: [...o.sortingKeys] } : {}),
          ...(o?.tableEngine !== undefined ? { tableEngine: o.tableEngine } : {}),
          ...(o?.partitionKey !== undefined ? { partitionKey: o.partitionKey } : {}),
          ...(o?.partitionByExpr !== undefined ? { partitionByExpr: o.partitionByExpr } : {}),
        };
      });
    }
    const renames = Object.fromEntries(
      this.tableMappings.filter((m) => m.targetTable !== defaultTargetTable({ schema: m.sourceSchema, table: m.sourceTable })).map((m) => [`${m.sourceSchema}.${m.sourceTable}`, m.targetTable]),
    );
    const target = Object.keys(renames).length > 0 ? `lookup(${new TerraformLocal(this, CLICKPIPE_IDS.TARGET_TABLES, renames).fqn}, val, replace(val, ".", "_"))` : 'replace(val, ".", "_")';
    return TerraformIterator.fromList(publication.publication.tables).forExpressionForList(`{ source_schema_name = split(".", val)[0], source_table = split(".", val)[1], target_table = ${target} }`);
  }
}
