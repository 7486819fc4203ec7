// https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/data-sources/postgres_service_ca_certificates
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface DataClickhousePostgresServiceCaCertificatesConfig extends cdktf.TerraformMetaArguments {
  /**
  * ID of the Postgres service whose CA chain to fetch.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/data-sources/postgres_service_ca_certificates#service_id DataClickhousePostgresServiceCaCertificates#service_id}
  */
  readonly serviceId: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/data-sources/postgres_service_ca_certificates clickhouse_postgres_service_ca_certificates}
*/
export class DataClickhousePostgresServiceCaCertificates extends cdktf.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "clickhouse_postgres_service_ca_certificates";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a DataClickhousePostgresServiceCaCertificates resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataClickhousePostgresServiceCaCertificates to import
  * @param importFromId The id of the existing DataClickhousePostgresServiceCaCertificates that should be imported. Refer to the {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/data-sources/postgres_service_ca_certificates#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataClickhousePostgresServiceCaCertificates to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "clickhouse_postgres_service_ca_certificates", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/data-sources/postgres_service_ca_certificates clickhouse_postgres_service_ca_certificates} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataClickhousePostgresServiceCaCertificatesConfig
  */
  public constructor(scope: Construct, id: string, config: DataClickhousePostgresServiceCaCertificatesConfig) {
    super(scope, id, {
      terraformResourceType: 'clickhouse_postgres_service_ca_certificates',
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
    this._serviceId = config.serviceId;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // service_id - computed: false, optional: false, required: true
  private _serviceId?: string; 
  public get serviceId() {
    return this.getStringAttribute('service_id');
  }
  public set serviceId(value: string) {
    this._serviceId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get serviceIdInput() {
    return this._serviceId;
  }

  // certificate - computed: true, optional: false, required: false
  public get certificate() {
    return this.getStringAttribute('certificate');
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      service_id: cdktf.stringToTerraform(this._serviceId),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      service_id: {
        value: cdktf.stringToHclTerraform(this._serviceId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
