// https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/postgres_service
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface PostgresServiceConfig extends cdktf.TerraformMetaArguments {
  /**
  * Name (forces replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/postgres_service#name PostgresService#name}
  */
  readonly name: string;
  /**
  * Cloud provider: aws (forces replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/postgres_service#cloud_provider PostgresService#cloud_provider}
  */
  readonly cloudProvider?: string;
  /**
  * Cloud region (forces replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/postgres_service#region PostgresService#region}
  */
  readonly region?: string;
  /**
  * Major version: 17 or 18 (forces replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/postgres_service#postgres_version PostgresService#postgres_version}
  */
  readonly postgresVersion?: string;
  /**
  * Instance size (VM SKU).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/postgres_service#size PostgresService#size}
  */
  readonly size?: string;
  /**
  * none, async or sync.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/postgres_service#ha_type PostgresService#ha_type}
  */
  readonly haType?: string;
  /**
  * Tags.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/postgres_service#tags PostgresService#tags}
  */
  readonly tags?: { [key: string]: string };
  /**
  * Postgres server parameters (full replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/postgres_service#pg_config PostgresService#pg_config}
  */
  readonly pgConfig?: { [key: string]: string };
  /**
  * PgBouncer parameters (full replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/postgres_service#pgbouncer_config PostgresService#pgbouncer_config}
  */
  readonly pgbouncerConfig?: { [key: string]: string };
  /**
  * Superuser password (stored in state; conflicts with password_wo).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/postgres_service#password PostgresService#password}
  */
  readonly password?: string;
  /**
  * Write-only superuser password; requires password_wo_version.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/postgres_service#password_wo PostgresService#password_wo}
  */
  readonly passwordWo?: string;
  /**
  * Version of password_wo; increment to rotate.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/postgres_service#password_wo_version PostgresService#password_wo_version}
  */
  readonly passwordWoVersion?: number;
  /**
  * ID of the primary to replicate.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/postgres_service#read_replica_of PostgresService#read_replica_of}
  */
  readonly readReplicaOf?: string;
  /**
  * Create by point-in-time restore (forces replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/postgres_service#restore_to_point_in_time PostgresService#restore_to_point_in_time}
  */
  readonly restoreToPointInTime?: PostgresServiceRestoreToPointInTime;
}
export interface PostgresServiceRestoreToPointInTime {
  /**
  * ID of the instance whose backup to restore.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/postgres_service#source_id PostgresService#source_id}
  */
  readonly sourceId: string;
  /**
  * RFC3339 time to restore to.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/postgres_service#restore_target PostgresService#restore_target}
  */
  readonly restoreTarget: string;
}

export function postgresServiceRestoreToPointInTimeToTerraform(struct?: PostgresServiceRestoreToPointInTime | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    source_id: cdktf.stringToTerraform(struct!.sourceId),
    restore_target: cdktf.stringToTerraform(struct!.restoreTarget),
  }
}


export function postgresServiceRestoreToPointInTimeToHclTerraform(struct?: PostgresServiceRestoreToPointInTime | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    source_id: {
      value: cdktf.stringToHclTerraform(struct!.sourceId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    restore_target: {
      value: cdktf.stringToHclTerraform(struct!.restoreTarget),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class PostgresServiceRestoreToPointInTimeOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): PostgresServiceRestoreToPointInTime | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._sourceId !== undefined) {
      hasAnyValues = true;
      internalValueResult.sourceId = this._sourceId;
    }
    if (this._restoreTarget !== undefined) {
      hasAnyValues = true;
      internalValueResult.restoreTarget = this._restoreTarget;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: PostgresServiceRestoreToPointInTime | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._sourceId = undefined;
      this._restoreTarget = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._sourceId = value.sourceId;
      this._restoreTarget = value.restoreTarget;
    }
  }

  // source_id - computed: false, optional: false, required: true
  private _sourceId?: string; 
  public get sourceId() {
    return this.getStringAttribute('source_id');
  }
  public set sourceId(value: string) {
    this._sourceId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get sourceIdInput() {
    return this._sourceId;
  }

  // restore_target - computed: false, optional: false, required: true
  private _restoreTarget?: string; 
  public get restoreTarget() {
    return this.getStringAttribute('restore_target');
  }
  public set restoreTarget(value: string) {
    this._restoreTarget = value;
  }
  // Temporarily expose input value. Use with caution.
  public get restoreTargetInput() {
    return this._restoreTarget;
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/postgres_service clickhouse_postgres_service}
*/
export class PostgresService extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "clickhouse_postgres_service";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a PostgresService resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the PostgresService to import
  * @param importFromId The id of the existing PostgresService that should be imported. Refer to the {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/postgres_service#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the PostgresService to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "clickhouse_postgres_service", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/postgres_service clickhouse_postgres_service} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options PostgresServiceConfig
  */
  public constructor(scope: Construct, id: string, config: PostgresServiceConfig) {
    super(scope, id, {
      terraformResourceType: 'clickhouse_postgres_service',
      terraformGeneratorMetadata: {
        providerName: 'clickhouse',
        providerVersion: '3.25.3',
        providerVersionConstraint: '3.25.3'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._name = config.name;
    this._cloudProvider = config.cloudProvider;
    this._region = config.region;
    this._postgresVersion = config.postgresVersion;
    this._size = config.size;
    this._haType = config.haType;
    this._tags = config.tags;
    this._pgConfig = config.pgConfig;
    this._pgbouncerConfig = config.pgbouncerConfig;
    this._password = config.password;
    this._passwordWo = config.passwordWo;
    this._passwordWoVersion = config.passwordWoVersion;
    this._readReplicaOf = config.readReplicaOf;
    this._restoreToPointInTime.internalValue = config.restoreToPointInTime;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // cloud_provider - computed: true, optional: true, required: false
  private _cloudProvider?: string; 
  public get cloudProvider() {
    return this.getStringAttribute('cloud_provider');
  }
  public set cloudProvider(value: string) {
    this._cloudProvider = value;
  }
  public resetCloudProvider() {
    this._cloudProvider = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cloudProviderInput() {
    return this._cloudProvider;
  }

  // region - computed: true, optional: true, required: false
  private _region?: string; 
  public get region() {
    return this.getStringAttribute('region');
  }
  public set region(value: string) {
    this._region = value;
  }
  public resetRegion() {
    this._region = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get regionInput() {
    return this._region;
  }

  // postgres_version - computed: true, optional: true, required: false
  private _postgresVersion?: string; 
  public get postgresVersion() {
    return this.getStringAttribute('postgres_version');
  }
  public set postgresVersion(value: string) {
    this._postgresVersion = value;
  }
  public resetPostgresVersion() {
    this._postgresVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get postgresVersionInput() {
    return this._postgresVersion;
  }

  // size - computed: true, optional: true, required: false
  private _size?: string; 
  public get size() {
    return this.getStringAttribute('size');
  }
  public set size(value: string) {
    this._size = value;
  }
  public resetSize() {
    this._size = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sizeInput() {
    return this._size;
  }

  // ha_type - computed: true, optional: true, required: false
  private _haType?: string; 
  public get haType() {
    return this.getStringAttribute('ha_type');
  }
  public set haType(value: string) {
    this._haType = value;
  }
  public resetHaType() {
    this._haType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get haTypeInput() {
    return this._haType;
  }

  // tags - computed: true, optional: true, required: false
  private _tags?: { [key: string]: string }; 
  public get tags() {
    return this.getStringMapAttribute('tags');
  }
  public set tags(value: { [key: string]: string }) {
    this._tags = value;
  }
  public resetTags() {
    this._tags = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tagsInput() {
    return this._tags;
  }

  // pg_config - computed: true, optional: true, required: false
  private _pgConfig?: { [key: string]: string }; 
  public get pgConfig() {
    return this.getStringMapAttribute('pg_config');
  }
  public set pgConfig(value: { [key: string]: string }) {
    this._pgConfig = value;
  }
  public resetPgConfig() {
    this._pgConfig = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get pgConfigInput() {
    return this._pgConfig;
  }

  // pgbouncer_config - computed: true, optional: true, required: false
  private _pgbouncerConfig?: { [key: string]: string }; 
  public get pgbouncerConfig() {
    return this.getStringMapAttribute('pgbouncer_config');
  }
  public set pgbouncerConfig(value: { [key: string]: string }) {
    this._pgbouncerConfig = value;
  }
  public resetPgbouncerConfig() {
    this._pgbouncerConfig = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get pgbouncerConfigInput() {
    return this._pgbouncerConfig;
  }

  // state - computed: true, optional: false, required: false
  public get state() {
    return this.getStringAttribute('state');
  }

  // created_at - computed: true, optional: false, required: false
  public get createdAt() {
    return this.getStringAttribute('created_at');
  }

  // is_primary - computed: true, optional: false, required: false
  public get isPrimary() {
    return this.getBooleanAttribute('is_primary');
  }

  // hostname - computed: true, optional: false, required: false
  public get hostname() {
    return this.getStringAttribute('hostname');
  }

  // port - computed: true, optional: false, required: false
  public get port() {
    return this.getNumberAttribute('port');
  }

  // username - computed: true, optional: false, required: false
  public get username() {
    return this.getStringAttribute('username');
  }

  // password - computed: false, optional: true, required: false
  private _password?: string; 
  public get password() {
    return this.getStringAttribute('password');
  }
  public set password(value: string) {
    this._password = value;
  }
  public resetPassword() {
    this._password = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get passwordInput() {
    return this._password;
  }

  // password_wo - computed: false, optional: true, required: false
  private _passwordWo?: string; 
  public get passwordWo() {
    return this.getStringAttribute('password_wo');
  }
  public set passwordWo(value: string) {
    this._passwordWo = value;
  }
  public resetPasswordWo() {
    this._passwordWo = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get passwordWoInput() {
    return this._passwordWo;
  }

  // password_wo_version - computed: false, optional: true, required: false
  private _passwordWoVersion?: number; 
  public get passwordWoVersion() {
    return this.getNumberAttribute('password_wo_version');
  }
  public set passwordWoVersion(value: number) {
    this._passwordWoVersion = value;
  }
  public resetPasswordWoVersion() {
    this._passwordWoVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get passwordWoVersionInput() {
    return this._passwordWoVersion;
  }

  // read_replica_of - computed: false, optional: true, required: false
  private _readReplicaOf?: string; 
  public get readReplicaOf() {
    return this.getStringAttribute('read_replica_of');
  }
  public set readReplicaOf(value: string) {
    this._readReplicaOf = value;
  }
  public resetReadReplicaOf() {
    this._readReplicaOf = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readReplicaOfInput() {
    return this._readReplicaOf;
  }

  // restore_to_point_in_time - computed: false, optional: true, required: false
  private _restoreToPointInTime = new PostgresServiceRestoreToPointInTimeOutputReference(this, "restore_to_point_in_time");
  public get restoreToPointInTime() {
    return this._restoreToPointInTime;
  }
  public putRestoreToPointInTime(value: PostgresServiceRestoreToPointInTime) {
    this._restoreToPointInTime.internalValue = value;
  }
  public resetRestoreToPointInTime() {
    this._restoreToPointInTime.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get restoreToPointInTimeInput() {
    return this._restoreToPointInTime.internalValue;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      name: cdktf.stringToTerraform(this._name),
      cloud_provider: cdktf.stringToTerraform(this._cloudProvider),
      region: cdktf.stringToTerraform(this._region),
      postgres_version: cdktf.stringToTerraform(this._postgresVersion),
      size: cdktf.stringToTerraform(this._size),
      ha_type: cdktf.stringToTerraform(this._haType),
      tags: cdktf.hashMapper(cdktf.stringToTerraform)(this._tags),
      pg_config: cdktf.hashMapper(cdktf.stringToTerraform)(this._pgConfig),
      pgbouncer_config: cdktf.hashMapper(cdktf.stringToTerraform)(this._pgbouncerConfig),
      password: cdktf.stringToTerraform(this._password),
      password_wo: cdktf.stringToTerraform(this._passwordWo),
      password_wo_version: cdktf.numberToTerraform(this._passwordWoVersion),
      read_replica_of: cdktf.stringToTerraform(this._readReplicaOf),
      restore_to_point_in_time: postgresServiceRestoreToPointInTimeToTerraform(this._restoreToPointInTime.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      cloud_provider: {
        value: cdktf.stringToHclTerraform(this._cloudProvider),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      region: {
        value: cdktf.stringToHclTerraform(this._region),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      postgres_version: {
        value: cdktf.stringToHclTerraform(this._postgresVersion),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      size: {
        value: cdktf.stringToHclTerraform(this._size),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      ha_type: {
        value: cdktf.stringToHclTerraform(this._haType),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      tags: {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._tags),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      pg_config: {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._pgConfig),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      pgbouncer_config: {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._pgbouncerConfig),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      password: {
        value: cdktf.stringToHclTerraform(this._password),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      password_wo: {
        value: cdktf.stringToHclTerraform(this._passwordWo),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      password_wo_version: {
        value: cdktf.numberToHclTerraform(this._passwordWoVersion),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      read_replica_of: {
        value: cdktf.stringToHclTerraform(this._readReplicaOf),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      restore_to_point_in_time: {
        value: postgresServiceRestoreToPointInTimeToHclTerraform(this._restoreToPointInTime.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "PostgresServiceRestoreToPointInTime",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
