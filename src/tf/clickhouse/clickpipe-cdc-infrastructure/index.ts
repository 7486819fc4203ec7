// https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe_cdc_infrastructure
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface ClickpipeCdcInfrastructureConfig extends cdktf.TerraformMetaArguments {
  /**
  * ClickHouse Cloud service (forces replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe_cdc_infrastructure#service_id ClickpipeCdcInfrastructure#service_id}
  */
  readonly serviceId: string;
  /**
  * CPU for DB ClickPipes in millicores: multiple of 1000, 1000 to 24000.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe_cdc_infrastructure#replica_cpu_millicores ClickpipeCdcInfrastructure#replica_cpu_millicores}
  */
  readonly replicaCpuMillicores: number;
  /**
  * Memory for DB ClickPipes in GiB: 4 x CPU cores, 4 to 96.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe_cdc_infrastructure#replica_memory_gb ClickpipeCdcInfrastructure#replica_memory_gb}
  */
  readonly replicaMemoryGb: number;
}

/**
* Represents a {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe_cdc_infrastructure clickhouse_clickpipe_cdc_infrastructure}
*/
export class ClickpipeCdcInfrastructure extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "clickhouse_clickpipe_cdc_infrastructure";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a ClickpipeCdcInfrastructure resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the ClickpipeCdcInfrastructure to import
  * @param importFromId The id of the existing ClickpipeCdcInfrastructure that should be imported. Refer to the {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe_cdc_infrastructure#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the ClickpipeCdcInfrastructure to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "clickhouse_clickpipe_cdc_infrastructure", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe_cdc_infrastructure clickhouse_clickpipe_cdc_infrastructure} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options ClickpipeCdcInfrastructureConfig
  */
  public constructor(scope: Construct, id: string, config: ClickpipeCdcInfrastructureConfig) {
    super(scope, id, {
      terraformResourceType: 'clickhouse_clickpipe_cdc_infrastructure',
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
    this._replicaCpuMillicores = config.replicaCpuMillicores;
    this._replicaMemoryGb = config.replicaMemoryGb;
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

  // replica_cpu_millicores - computed: false, optional: false, required: true
  private _replicaCpuMillicores?: number; 
  public get replicaCpuMillicores() {
    return this.getNumberAttribute('replica_cpu_millicores');
  }
  public set replicaCpuMillicores(value: number) {
    this._replicaCpuMillicores = value;
  }
  // Temporarily expose input value. Use with caution.
  public get replicaCpuMillicoresInput() {
    return this._replicaCpuMillicores;
  }

  // replica_memory_gb - computed: false, optional: false, required: true
  private _replicaMemoryGb?: number; 
  public get replicaMemoryGb() {
    return this.getNumberAttribute('replica_memory_gb');
  }
  public set replicaMemoryGb(value: number) {
    this._replicaMemoryGb = value;
  }
  // Temporarily expose input value. Use with caution.
  public get replicaMemoryGbInput() {
    return this._replicaMemoryGb;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      service_id: cdktf.stringToTerraform(this._serviceId),
      replica_cpu_millicores: cdktf.numberToTerraform(this._replicaCpuMillicores),
      replica_memory_gb: cdktf.numberToTerraform(this._replicaMemoryGb),
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
      replica_cpu_millicores: {
        value: cdktf.numberToHclTerraform(this._replicaCpuMillicores),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      replica_memory_gb: {
        value: cdktf.numberToHclTerraform(this._replicaMemoryGb),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
