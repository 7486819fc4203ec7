// https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipes_reverse_private_endpoint
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface ClickpipesReversePrivateEndpointConfig extends cdktf.TerraformMetaArguments {
  /**
  * ClickHouse Cloud service (forces replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipes_reverse_private_endpoint#service_id ClickpipesReversePrivateEndpoint#service_id}
  */
  readonly serviceId: string;
  /**
  * Description (forces replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipes_reverse_private_endpoint#description ClickpipesReversePrivateEndpoint#description}
  */
  readonly description: string;
  /**
  * VPC_ENDPOINT_SERVICE, VPC_RESOURCE, MSK_MULTI_VPC or GCP_PSC_SERVICE_ATTACHMENT (forces replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipes_reverse_private_endpoint#type ClickpipesReversePrivateEndpoint#type}
  */
  readonly type: string;
  /**
  * VPC endpoint service name (VPC_ENDPOINT_SERVICE).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipes_reverse_private_endpoint#vpc_endpoint_service_name ClickpipesReversePrivateEndpoint#vpc_endpoint_service_name}
  */
  readonly vpcEndpointServiceName?: string;
  /**
  * VPC Lattice resource configuration ID (VPC_RESOURCE).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipes_reverse_private_endpoint#vpc_resource_configuration_id ClickpipesReversePrivateEndpoint#vpc_resource_configuration_id}
  */
  readonly vpcResourceConfigurationId?: string;
  /**
  * RAM resource share ARN (VPC_RESOURCE).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipes_reverse_private_endpoint#vpc_resource_share_arn ClickpipesReversePrivateEndpoint#vpc_resource_share_arn}
  */
  readonly vpcResourceShareArn?: string;
  /**
  * MSK cluster ARN (MSK_MULTI_VPC).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipes_reverse_private_endpoint#msk_cluster_arn ClickpipesReversePrivateEndpoint#msk_cluster_arn}
  */
  readonly mskClusterArn?: string;
  /**
  * SASL_IAM or SASL_SCRAM (MSK_MULTI_VPC).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipes_reverse_private_endpoint#msk_authentication ClickpipesReversePrivateEndpoint#msk_authentication}
  */
  readonly mskAuthentication?: string;
  /**
  * GCP PSC service attachment URI (GCP_PSC_SERVICE_ATTACHMENT).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipes_reverse_private_endpoint#gcp_service_attachment ClickpipesReversePrivateEndpoint#gcp_service_attachment}
  */
  readonly gcpServiceAttachment?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipes_reverse_private_endpoint clickhouse_clickpipes_reverse_private_endpoint}
*/
export class ClickpipesReversePrivateEndpoint extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "clickhouse_clickpipes_reverse_private_endpoint";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a ClickpipesReversePrivateEndpoint resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the ClickpipesReversePrivateEndpoint to import
  * @param importFromId The id of the existing ClickpipesReversePrivateEndpoint that should be imported. Refer to the {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipes_reverse_private_endpoint#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the ClickpipesReversePrivateEndpoint to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "clickhouse_clickpipes_reverse_private_endpoint", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipes_reverse_private_endpoint clickhouse_clickpipes_reverse_private_endpoint} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options ClickpipesReversePrivateEndpointConfig
  */
  public constructor(scope: Construct, id: string, config: ClickpipesReversePrivateEndpointConfig) {
    super(scope, id, {
      terraformResourceType: 'clickhouse_clickpipes_reverse_private_endpoint',
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
    this._description = config.description;
    this._type = config.type;
    this._vpcEndpointServiceName = config.vpcEndpointServiceName;
    this._vpcResourceConfigurationId = config.vpcResourceConfigurationId;
    this._vpcResourceShareArn = config.vpcResourceShareArn;
    this._mskClusterArn = config.mskClusterArn;
    this._mskAuthentication = config.mskAuthentication;
    this._gcpServiceAttachment = config.gcpServiceAttachment;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

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

  // description - computed: false, optional: false, required: true
  private _description?: string; 
  public get description() {
    return this.getStringAttribute('description');
  }
  public set description(value: string) {
    this._description = value;
  }
  // Temporarily expose input value. Use with caution.
  public get descriptionInput() {
    return this._description;
  }

  // type - computed: false, optional: false, required: true
  private _type?: string; 
  public get type() {
    return this.getStringAttribute('type');
  }
  public set type(value: string) {
    this._type = value;
  }
  // Temporarily expose input value. Use with caution.
  public get typeInput() {
    return this._type;
  }

  // vpc_endpoint_service_name - computed: false, optional: true, required: false
  private _vpcEndpointServiceName?: string; 
  public get vpcEndpointServiceName() {
    return this.getStringAttribute('vpc_endpoint_service_name');
  }
  public set vpcEndpointServiceName(value: string) {
    this._vpcEndpointServiceName = value;
  }
  public resetVpcEndpointServiceName() {
    this._vpcEndpointServiceName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get vpcEndpointServiceNameInput() {
    return this._vpcEndpointServiceName;
  }

  // vpc_resource_configuration_id - computed: false, optional: true, required: false
  private _vpcResourceConfigurationId?: string; 
  public get vpcResourceConfigurationId() {
    return this.getStringAttribute('vpc_resource_configuration_id');
  }
  public set vpcResourceConfigurationId(value: string) {
    this._vpcResourceConfigurationId = value;
  }
  public resetVpcResourceConfigurationId() {
    this._vpcResourceConfigurationId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get vpcResourceConfigurationIdInput() {
    return this._vpcResourceConfigurationId;
  }

  // vpc_resource_share_arn - computed: false, optional: true, required: false
  private _vpcResourceShareArn?: string; 
  public get vpcResourceShareArn() {
    return this.getStringAttribute('vpc_resource_share_arn');
  }
  public set vpcResourceShareArn(value: string) {
    this._vpcResourceShareArn = value;
  }
  public resetVpcResourceShareArn() {
    this._vpcResourceShareArn = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get vpcResourceShareArnInput() {
    return this._vpcResourceShareArn;
  }

  // msk_cluster_arn - computed: false, optional: true, required: false
  private _mskClusterArn?: string; 
  public get mskClusterArn() {
    return this.getStringAttribute('msk_cluster_arn');
  }
  public set mskClusterArn(value: string) {
    this._mskClusterArn = value;
  }
  public resetMskClusterArn() {
    this._mskClusterArn = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get mskClusterArnInput() {
    return this._mskClusterArn;
  }

  // msk_authentication - computed: false, optional: true, required: false
  private _mskAuthentication?: string; 
  public get mskAuthentication() {
    return this.getStringAttribute('msk_authentication');
  }
  public set mskAuthentication(value: string) {
    this._mskAuthentication = value;
  }
  public resetMskAuthentication() {
    this._mskAuthentication = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get mskAuthenticationInput() {
    return this._mskAuthentication;
  }

  // gcp_service_attachment - computed: false, optional: true, required: false
  private _gcpServiceAttachment?: string; 
  public get gcpServiceAttachment() {
    return this.getStringAttribute('gcp_service_attachment');
  }
  public set gcpServiceAttachment(value: string) {
    this._gcpServiceAttachment = value;
  }
  public resetGcpServiceAttachment() {
    this._gcpServiceAttachment = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get gcpServiceAttachmentInput() {
    return this._gcpServiceAttachment;
  }

  // endpoint_id - computed: true, optional: false, required: false
  public get endpointId() {
    return this.getStringAttribute('endpoint_id');
  }

  // dns_names - computed: true, optional: false, required: false
  public get dnsNames() {
    return this.getListAttribute('dns_names');
  }

  // private_dns_names - computed: true, optional: false, required: false
  public get privateDnsNames() {
    return this.getListAttribute('private_dns_names');
  }

  // status - computed: true, optional: false, required: false
  public get status() {
    return this.getStringAttribute('status');
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      service_id: cdktf.stringToTerraform(this._serviceId),
      description: cdktf.stringToTerraform(this._description),
      type: cdktf.stringToTerraform(this._type),
      vpc_endpoint_service_name: cdktf.stringToTerraform(this._vpcEndpointServiceName),
      vpc_resource_configuration_id: cdktf.stringToTerraform(this._vpcResourceConfigurationId),
      vpc_resource_share_arn: cdktf.stringToTerraform(this._vpcResourceShareArn),
      msk_cluster_arn: cdktf.stringToTerraform(this._mskClusterArn),
      msk_authentication: cdktf.stringToTerraform(this._mskAuthentication),
      gcp_service_attachment: cdktf.stringToTerraform(this._gcpServiceAttachment),
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
      description: {
        value: cdktf.stringToHclTerraform(this._description),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      type: {
        value: cdktf.stringToHclTerraform(this._type),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      vpc_endpoint_service_name: {
        value: cdktf.stringToHclTerraform(this._vpcEndpointServiceName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      vpc_resource_configuration_id: {
        value: cdktf.stringToHclTerraform(this._vpcResourceConfigurationId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      vpc_resource_share_arn: {
        value: cdktf.stringToHclTerraform(this._vpcResourceShareArn),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      msk_cluster_arn: {
        value: cdktf.stringToHclTerraform(this._mskClusterArn),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      msk_authentication: {
        value: cdktf.stringToHclTerraform(this._mskAuthentication),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      gcp_service_attachment: {
        value: cdktf.stringToHclTerraform(this._gcpServiceAttachment),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
