// https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipes_reverse_private_endpoint_custom_private_dns
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface ClickpipesReversePrivateEndpointCustomPrivateDnsConfig extends cdktf.TerraformMetaArguments {
  /**
  * ClickHouse Cloud service owning the endpoint (forces replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipes_reverse_private_endpoint_custom_private_dns#service_id ClickpipesReversePrivateEndpointCustomPrivateDns#service_id}
  */
  readonly serviceId: string;
  /**
  * Reverse private endpoint ID (forces replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipes_reverse_private_endpoint_custom_private_dns#reverse_private_endpoint_id ClickpipesReversePrivateEndpointCustomPrivateDns#reverse_private_endpoint_id}
  */
  readonly reversePrivateEndpointId: string;
  /**
  * Full replacement list of custom private DNS mappings.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipes_reverse_private_endpoint_custom_private_dns#mapping ClickpipesReversePrivateEndpointCustomPrivateDns#mapping}
  */
  readonly mapping: ClickpipesReversePrivateEndpointCustomPrivateDnsMapping[] | cdktf.IResolvable;
}
export interface ClickpipesReversePrivateEndpointCustomPrivateDnsMapping {
  /**
  * Custom private DNS name.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipes_reverse_private_endpoint_custom_private_dns#private_dns_name ClickpipesReversePrivateEndpointCustomPrivateDns#private_dns_name}
  */
  readonly privateDnsName: string;
}

export function clickpipesReversePrivateEndpointCustomPrivateDnsMappingToTerraform(struct?: ClickpipesReversePrivateEndpointCustomPrivateDnsMapping | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    private_dns_name: cdktf.stringToTerraform(struct!.privateDnsName),
  }
}


export function clickpipesReversePrivateEndpointCustomPrivateDnsMappingToHclTerraform(struct?: ClickpipesReversePrivateEndpointCustomPrivateDnsMapping | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    private_dns_name: {
      value: cdktf.stringToHclTerraform(struct!.privateDnsName),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ClickpipesReversePrivateEndpointCustomPrivateDnsMappingOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ClickpipesReversePrivateEndpointCustomPrivateDnsMapping | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._privateDnsName !== undefined) {
      hasAnyValues = true;
      internalValueResult.privateDnsName = this._privateDnsName;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ClickpipesReversePrivateEndpointCustomPrivateDnsMapping | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._privateDnsName = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._privateDnsName = value.privateDnsName;
    }
  }

  // private_dns_name - computed: false, optional: false, required: true
  private _privateDnsName?: string; 
  public get privateDnsName() {
    return this.getStringAttribute('private_dns_name');
  }
  public set privateDnsName(value: string) {
    this._privateDnsName = value;
  }
  // Temporarily expose input value. Use with caution.
  public get privateDnsNameInput() {
    return this._privateDnsName;
  }
}

export class ClickpipesReversePrivateEndpointCustomPrivateDnsMappingList extends cdktf.ComplexList {
  public internalValue? : ClickpipesReversePrivateEndpointCustomPrivateDnsMapping[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ClickpipesReversePrivateEndpointCustomPrivateDnsMappingOutputReference {
    return new ClickpipesReversePrivateEndpointCustomPrivateDnsMappingOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipes_reverse_private_endpoint_custom_private_dns clickhouse_clickpipes_reverse_private_endpoint_custom_private_dns}
*/
export class ClickpipesReversePrivateEndpointCustomPrivateDns extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "clickhouse_clickpipes_reverse_private_endpoint_custom_private_dns";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a ClickpipesReversePrivateEndpointCustomPrivateDns resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the ClickpipesReversePrivateEndpointCustomPrivateDns to import
  * @param importFromId The id of the existing ClickpipesReversePrivateEndpointCustomPrivateDns that should be imported. Refer to the {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipes_reverse_private_endpoint_custom_private_dns#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the ClickpipesReversePrivateEndpointCustomPrivateDns to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "clickhouse_clickpipes_reverse_private_endpoint_custom_private_dns", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipes_reverse_private_endpoint_custom_private_dns clickhouse_clickpipes_reverse_private_endpoint_custom_private_dns} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options ClickpipesReversePrivateEndpointCustomPrivateDnsConfig
  */
  public constructor(scope: Construct, id: string, config: ClickpipesReversePrivateEndpointCustomPrivateDnsConfig) {
    super(scope, id, {
      terraformResourceType: 'clickhouse_clickpipes_reverse_private_endpoint_custom_private_dns',
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
    this._reversePrivateEndpointId = config.reversePrivateEndpointId;
    this._mapping.internalValue = config.mapping;
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

  // reverse_private_endpoint_id - computed: false, optional: false, required: true
  private _reversePrivateEndpointId?: string; 
  public get reversePrivateEndpointId() {
    return this.getStringAttribute('reverse_private_endpoint_id');
  }
  public set reversePrivateEndpointId(value: string) {
    this._reversePrivateEndpointId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get reversePrivateEndpointIdInput() {
    return this._reversePrivateEndpointId;
  }

  // mapping - computed: false, optional: false, required: true
  private _mapping = new ClickpipesReversePrivateEndpointCustomPrivateDnsMappingList(this, "mapping", false);
  public get mapping() {
    return this._mapping;
  }
  public putMapping(value: ClickpipesReversePrivateEndpointCustomPrivateDnsMapping[] | cdktf.IResolvable) {
    this._mapping.internalValue = value;
  }
  // Temporarily expose input value. Use with caution.
  public get mappingInput() {
    return this._mapping.internalValue;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      service_id: cdktf.stringToTerraform(this._serviceId),
      reverse_private_endpoint_id: cdktf.stringToTerraform(this._reversePrivateEndpointId),
      mapping: cdktf.listMapper(clickpipesReversePrivateEndpointCustomPrivateDnsMappingToTerraform, false)(this._mapping.internalValue),
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
      reverse_private_endpoint_id: {
        value: cdktf.stringToHclTerraform(this._reversePrivateEndpointId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      mapping: {
        value: cdktf.listMapperHcl(clickpipesReversePrivateEndpointCustomPrivateDnsMappingToHclTerraform, false)(this._mapping.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "ClickpipesReversePrivateEndpointCustomPrivateDnsMappingList",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
