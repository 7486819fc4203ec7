// https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface ClickpipeConfig extends cdktf.TerraformMetaArguments {
  /**
  * ClickHouse Cloud service the pipe belongs to (forces replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#service_id Clickpipe#service_id}
  */
  readonly serviceId: string;
  /**
  * Name of the ClickPipe.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#name Clickpipe#name}
  */
  readonly name: string;
  /**
  * Whether the pipe is stopped (default false; cannot be true on creation).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#stopped Clickpipe#stopped}
  */
  readonly stopped?: boolean | cdktf.IResolvable;
  /**
  * Set true to trigger a resync (Postgres pipes only); resets to false.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#trigger_resync Clickpipe#trigger_resync}
  */
  readonly triggerResync?: boolean | cdktf.IResolvable;
  /**
  * Advanced pipe settings passed to the ClickPipes settings API.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#settings Clickpipe#settings}
  */
  readonly settings?: { [key: string]: any };
  /**
  * Per-pipe scaling (streaming pipes).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#scaling Clickpipe#scaling}
  */
  readonly scaling?: ClickpipeScaling;
  /**
  * Field mapping between source and destination table.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#field_mappings Clickpipe#field_mappings}
  */
  readonly fieldMappings?: ClickpipeFieldMappings[] | cdktf.IResolvable;
  /**
  * Destination of the pipe.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#destination Clickpipe#destination}
  */
  readonly destination: ClickpipeDestination;
  /**
  * Source of the pipe (only the postgres kind is described in this schema).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#source Clickpipe#source}
  */
  readonly source: ClickpipeSource;
}
export interface ClickpipeScaling {
  /**
  * Number of replicas, 1 to 10 (default 1).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#replicas Clickpipe#replicas}
  */
  readonly replicas?: number;
  /**
  * CPU per replica in millicores, 125 to 2000.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#replica_cpu_millicores Clickpipe#replica_cpu_millicores}
  */
  readonly replicaCpuMillicores?: number;
  /**
  * Memory per replica in GB, 0.5 to 8.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#replica_memory_gb Clickpipe#replica_memory_gb}
  */
  readonly replicaMemoryGb?: number;
}

export function clickpipeScalingToTerraform(struct?: ClickpipeScaling | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    replicas: cdktf.numberToTerraform(struct!.replicas),
    replica_cpu_millicores: cdktf.numberToTerraform(struct!.replicaCpuMillicores),
    replica_memory_gb: cdktf.numberToTerraform(struct!.replicaMemoryGb),
  }
}


export function clickpipeScalingToHclTerraform(struct?: ClickpipeScaling | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    replicas: {
      value: cdktf.numberToHclTerraform(struct!.replicas),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    replica_cpu_millicores: {
      value: cdktf.numberToHclTerraform(struct!.replicaCpuMillicores),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    replica_memory_gb: {
      value: cdktf.numberToHclTerraform(struct!.replicaMemoryGb),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ClickpipeScalingOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ClickpipeScaling | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._replicas !== undefined) {
      hasAnyValues = true;
      internalValueResult.replicas = this._replicas;
    }
    if (this._replicaCpuMillicores !== undefined) {
      hasAnyValues = true;
      internalValueResult.replicaCpuMillicores = this._replicaCpuMillicores;
    }
    if (this._replicaMemoryGb !== undefined) {
      hasAnyValues = true;
      internalValueResult.replicaMemoryGb = this._replicaMemoryGb;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ClickpipeScaling | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._replicas = undefined;
      this._replicaCpuMillicores = undefined;
      this._replicaMemoryGb = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._replicas = value.replicas;
      this._replicaCpuMillicores = value.replicaCpuMillicores;
      this._replicaMemoryGb = value.replicaMemoryGb;
    }
  }

  // replicas - computed: true, optional: true, required: false
  private _replicas?: number; 
  public get replicas() {
    return this.getNumberAttribute('replicas');
  }
  public set replicas(value: number) {
    this._replicas = value;
  }
  public resetReplicas() {
    this._replicas = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get replicasInput() {
    return this._replicas;
  }

  // replica_cpu_millicores - computed: true, optional: true, required: false
  private _replicaCpuMillicores?: number; 
  public get replicaCpuMillicores() {
    return this.getNumberAttribute('replica_cpu_millicores');
  }
  public set replicaCpuMillicores(value: number) {
    this._replicaCpuMillicores = value;
  }
  public resetReplicaCpuMillicores() {
    this._replicaCpuMillicores = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get replicaCpuMillicoresInput() {
    return this._replicaCpuMillicores;
  }

  // replica_memory_gb - computed: true, optional: true, required: false
  private _replicaMemoryGb?: number; 
  public get replicaMemoryGb() {
    return this.getNumberAttribute('replica_memory_gb');
  }
  public set replicaMemoryGb(value: number) {
    this._replicaMemoryGb = value;
  }
  public resetReplicaMemoryGb() {
    this._replicaMemoryGb = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get replicaMemoryGbInput() {
    return this._replicaMemoryGb;
  }
}
export interface ClickpipeFieldMappings {
  /**
  * Source field name.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#source_field Clickpipe#source_field}
  */
  readonly sourceField: string;
  /**
  * Destination column name.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#destination_field Clickpipe#destination_field}
  */
  readonly destinationField: string;
}

export function clickpipeFieldMappingsToTerraform(struct?: ClickpipeFieldMappings | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    source_field: cdktf.stringToTerraform(struct!.sourceField),
    destination_field: cdktf.stringToTerraform(struct!.destinationField),
  }
}


export function clickpipeFieldMappingsToHclTerraform(struct?: ClickpipeFieldMappings | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    source_field: {
      value: cdktf.stringToHclTerraform(struct!.sourceField),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    destination_field: {
      value: cdktf.stringToHclTerraform(struct!.destinationField),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ClickpipeFieldMappingsOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): ClickpipeFieldMappings | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._sourceField !== undefined) {
      hasAnyValues = true;
      internalValueResult.sourceField = this._sourceField;
    }
    if (this._destinationField !== undefined) {
      hasAnyValues = true;
      internalValueResult.destinationField = this._destinationField;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ClickpipeFieldMappings | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._sourceField = undefined;
      this._destinationField = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._sourceField = value.sourceField;
      this._destinationField = value.destinationField;
    }
  }

  // source_field - computed: false, optional: false, required: true
  private _sourceField?: string; 
  public get sourceField() {
    return this.getStringAttribute('source_field');
  }
  public set sourceField(value: string) {
    this._sourceField = value;
  }
  // Temporarily expose input value. Use with caution.
  public get sourceFieldInput() {
    return this._sourceField;
  }

  // destination_field - computed: false, optional: false, required: true
  private _destinationField?: string; 
  public get destinationField() {
    return this.getStringAttribute('destination_field');
  }
  public set destinationField(value: string) {
    this._destinationField = value;
  }
  // Temporarily expose input value. Use with caution.
  public get destinationFieldInput() {
    return this._destinationField;
  }
}

export class ClickpipeFieldMappingsList extends cdktf.ComplexList {
  public internalValue? : ClickpipeFieldMappings[] | cdktf.IResolvable

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
  public get(index: number): ClickpipeFieldMappingsOutputReference {
    return new ClickpipeFieldMappingsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ClickpipeDestinationColumns {
  /**
  * Column name.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#name Clickpipe#name}
  */
  readonly name: string;
  /**
  * Column type.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#type Clickpipe#type}
  */
  readonly type: string;
}

export function clickpipeDestinationColumnsToTerraform(struct?: ClickpipeDestinationColumns | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    name: cdktf.stringToTerraform(struct!.name),
    type: cdktf.stringToTerraform(struct!.type),
  }
}


export function clickpipeDestinationColumnsToHclTerraform(struct?: ClickpipeDestinationColumns | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    type: {
      value: cdktf.stringToHclTerraform(struct!.type),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ClickpipeDestinationColumnsOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): ClickpipeDestinationColumns | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._type !== undefined) {
      hasAnyValues = true;
      internalValueResult.type = this._type;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ClickpipeDestinationColumns | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._name = undefined;
      this._type = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._name = value.name;
      this._type = value.type;
    }
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
}

export class ClickpipeDestinationColumnsList extends cdktf.ComplexList {
  public internalValue? : ClickpipeDestinationColumns[] | cdktf.IResolvable

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
  public get(index: number): ClickpipeDestinationColumnsOutputReference {
    return new ClickpipeDestinationColumnsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ClickpipeDestinationTableDefinitionEngine {
  /**
  * Engine: MergeTree, ReplacingMergeTree, SummingMergeTree or Null.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#type Clickpipe#type}
  */
  readonly type: string;
  /**
  * Version column for ReplacingMergeTree.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#version_column_id Clickpipe#version_column_id}
  */
  readonly versionColumnId?: string;
  /**
  * Columns to sum for SummingMergeTree.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#column_ids Clickpipe#column_ids}
  */
  readonly columnIds?: string[];
}

export function clickpipeDestinationTableDefinitionEngineToTerraform(struct?: ClickpipeDestinationTableDefinitionEngine | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    type: cdktf.stringToTerraform(struct!.type),
    version_column_id: cdktf.stringToTerraform(struct!.versionColumnId),
    column_ids: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.columnIds),
  }
}


export function clickpipeDestinationTableDefinitionEngineToHclTerraform(struct?: ClickpipeDestinationTableDefinitionEngine | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    type: {
      value: cdktf.stringToHclTerraform(struct!.type),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    version_column_id: {
      value: cdktf.stringToHclTerraform(struct!.versionColumnId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    column_ids: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.columnIds),
      isBlock: false,
      type: "list",
      storageClassType: "stringList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ClickpipeDestinationTableDefinitionEngineOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ClickpipeDestinationTableDefinitionEngine | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._type !== undefined) {
      hasAnyValues = true;
      internalValueResult.type = this._type;
    }
    if (this._versionColumnId !== undefined) {
      hasAnyValues = true;
      internalValueResult.versionColumnId = this._versionColumnId;
    }
    if (this._columnIds !== undefined) {
      hasAnyValues = true;
      internalValueResult.columnIds = this._columnIds;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ClickpipeDestinationTableDefinitionEngine | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._type = undefined;
      this._versionColumnId = undefined;
      this._columnIds = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._type = value.type;
      this._versionColumnId = value.versionColumnId;
      this._columnIds = value.columnIds;
    }
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

  // version_column_id - computed: false, optional: true, required: false
  private _versionColumnId?: string; 
  public get versionColumnId() {
    return this.getStringAttribute('version_column_id');
  }
  public set versionColumnId(value: string) {
    this._versionColumnId = value;
  }
  public resetVersionColumnId() {
    this._versionColumnId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get versionColumnIdInput() {
    return this._versionColumnId;
  }

  // column_ids - computed: false, optional: true, required: false
  private _columnIds?: string[]; 
  public get columnIds() {
    return this.getListAttribute('column_ids');
  }
  public set columnIds(value: string[]) {
    this._columnIds = value;
  }
  public resetColumnIds() {
    this._columnIds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get columnIdsInput() {
    return this._columnIds;
  }
}
export interface ClickpipeDestinationTableDefinition {
  /**
  * Table engine.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#engine Clickpipe#engine}
  */
  readonly engine: ClickpipeDestinationTableDefinitionEngine;
  /**
  * Sorting key columns.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#sorting_key Clickpipe#sorting_key}
  */
  readonly sortingKey?: string[];
  /**
  * Partition column.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#partition_by Clickpipe#partition_by}
  */
  readonly partitionBy?: string;
  /**
  * Primary key.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#primary_key Clickpipe#primary_key}
  */
  readonly primaryKey?: string;
}

export function clickpipeDestinationTableDefinitionToTerraform(struct?: ClickpipeDestinationTableDefinition | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    engine: clickpipeDestinationTableDefinitionEngineToTerraform(struct!.engine),
    sorting_key: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.sortingKey),
    partition_by: cdktf.stringToTerraform(struct!.partitionBy),
    primary_key: cdktf.stringToTerraform(struct!.primaryKey),
  }
}


export function clickpipeDestinationTableDefinitionToHclTerraform(struct?: ClickpipeDestinationTableDefinition | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    engine: {
      value: clickpipeDestinationTableDefinitionEngineToHclTerraform(struct!.engine),
      isBlock: true,
      type: "struct",
      storageClassType: "ClickpipeDestinationTableDefinitionEngine",
    },
    sorting_key: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.sortingKey),
      isBlock: false,
      type: "list",
      storageClassType: "stringList",
    },
    partition_by: {
      value: cdktf.stringToHclTerraform(struct!.partitionBy),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    primary_key: {
      value: cdktf.stringToHclTerraform(struct!.primaryKey),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ClickpipeDestinationTableDefinitionOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ClickpipeDestinationTableDefinition | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._engine?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.engine = this._engine?.internalValue;
    }
    if (this._sortingKey !== undefined) {
      hasAnyValues = true;
      internalValueResult.sortingKey = this._sortingKey;
    }
    if (this._partitionBy !== undefined) {
      hasAnyValues = true;
      internalValueResult.partitionBy = this._partitionBy;
    }
    if (this._primaryKey !== undefined) {
      hasAnyValues = true;
      internalValueResult.primaryKey = this._primaryKey;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ClickpipeDestinationTableDefinition | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._engine.internalValue = undefined;
      this._sortingKey = undefined;
      this._partitionBy = undefined;
      this._primaryKey = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._engine.internalValue = value.engine;
      this._sortingKey = value.sortingKey;
      this._partitionBy = value.partitionBy;
      this._primaryKey = value.primaryKey;
    }
  }

  // engine - computed: false, optional: false, required: true
  private _engine = new ClickpipeDestinationTableDefinitionEngineOutputReference(this, "engine");
  public get engine() {
    return this._engine;
  }
  public putEngine(value: ClickpipeDestinationTableDefinitionEngine) {
    this._engine.internalValue = value;
  }
  // Temporarily expose input value. Use with caution.
  public get engineInput() {
    return this._engine.internalValue;
  }

  // sorting_key - computed: true, optional: true, required: false
  private _sortingKey?: string[]; 
  public get sortingKey() {
    return this.getListAttribute('sorting_key');
  }
  public set sortingKey(value: string[]) {
    this._sortingKey = value;
  }
  public resetSortingKey() {
    this._sortingKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sortingKeyInput() {
    return this._sortingKey;
  }

  // partition_by - computed: false, optional: true, required: false
  private _partitionBy?: string; 
  public get partitionBy() {
    return this.getStringAttribute('partition_by');
  }
  public set partitionBy(value: string) {
    this._partitionBy = value;
  }
  public resetPartitionBy() {
    this._partitionBy = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get partitionByInput() {
    return this._partitionBy;
  }

  // primary_key - computed: false, optional: true, required: false
  private _primaryKey?: string; 
  public get primaryKey() {
    return this.getStringAttribute('primary_key');
  }
  public set primaryKey(value: string) {
    this._primaryKey = value;
  }
  public resetPrimaryKey() {
    this._primaryKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get primaryKeyInput() {
    return this._primaryKey;
  }
}
export interface ClickpipeDestination {
  /**
  * ClickHouse database (default "default"; forces replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#database Clickpipe#database}
  */
  readonly database?: string;
  /**
  * ClickHouse table (not used by Postgres CDC pipes).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#table Clickpipe#table}
  */
  readonly table?: string;
  /**
  * Whether ClickHouse Cloud manages the table (ignored for CDC pipes).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#managed_table Clickpipe#managed_table}
  */
  readonly managedTable?: boolean | cdktf.IResolvable;
  /**
  * Roles granted to the ClickHouse user the pipe creates.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#roles Clickpipe#roles}
  */
  readonly roles?: string[];
  /**
  * Columns of the ClickHouse table (not used by Postgres CDC pipes).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#columns Clickpipe#columns}
  */
  readonly columns?: ClickpipeDestinationColumns[] | cdktf.IResolvable;
  /**
  * Destination table definition (rejected for CDC pipes: use table_mappings).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#table_definition Clickpipe#table_definition}
  */
  readonly tableDefinition?: ClickpipeDestinationTableDefinition;
}

export function clickpipeDestinationToTerraform(struct?: ClickpipeDestination | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    database: cdktf.stringToTerraform(struct!.database),
    table: cdktf.stringToTerraform(struct!.table),
    managed_table: cdktf.booleanToTerraform(struct!.managedTable),
    roles: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.roles),
    columns: cdktf.listMapper(clickpipeDestinationColumnsToTerraform, false)(struct!.columns),
    table_definition: clickpipeDestinationTableDefinitionToTerraform(struct!.tableDefinition),
  }
}


export function clickpipeDestinationToHclTerraform(struct?: ClickpipeDestination | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    database: {
      value: cdktf.stringToHclTerraform(struct!.database),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    table: {
      value: cdktf.stringToHclTerraform(struct!.table),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    managed_table: {
      value: cdktf.booleanToHclTerraform(struct!.managedTable),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    roles: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.roles),
      isBlock: false,
      type: "list",
      storageClassType: "stringList",
    },
    columns: {
      value: cdktf.listMapperHcl(clickpipeDestinationColumnsToHclTerraform, false)(struct!.columns),
      isBlock: true,
      type: "list",
      storageClassType: "ClickpipeDestinationColumnsList",
    },
    table_definition: {
      value: clickpipeDestinationTableDefinitionToHclTerraform(struct!.tableDefinition),
      isBlock: true,
      type: "struct",
      storageClassType: "ClickpipeDestinationTableDefinition",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ClickpipeDestinationOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ClickpipeDestination | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._database !== undefined) {
      hasAnyValues = true;
      internalValueResult.database = this._database;
    }
    if (this._table !== undefined) {
      hasAnyValues = true;
      internalValueResult.table = this._table;
    }
    if (this._managedTable !== undefined) {
      hasAnyValues = true;
      internalValueResult.managedTable = this._managedTable;
    }
    if (this._roles !== undefined) {
      hasAnyValues = true;
      internalValueResult.roles = this._roles;
    }
    if (this._columns?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.columns = this._columns?.internalValue;
    }
    if (this._tableDefinition?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.tableDefinition = this._tableDefinition?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ClickpipeDestination | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._database = undefined;
      this._table = undefined;
      this._managedTable = undefined;
      this._roles = undefined;
      this._columns.internalValue = undefined;
      this._tableDefinition.internalValue = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._database = value.database;
      this._table = value.table;
      this._managedTable = value.managedTable;
      this._roles = value.roles;
      this._columns.internalValue = value.columns;
      this._tableDefinition.internalValue = value.tableDefinition;
    }
  }

  // database - computed: true, optional: true, required: false
  private _database?: string; 
  public get database() {
    return this.getStringAttribute('database');
  }
  public set database(value: string) {
    this._database = value;
  }
  public resetDatabase() {
    this._database = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get databaseInput() {
    return this._database;
  }

  // table - computed: false, optional: true, required: false
  private _table?: string; 
  public get table() {
    return this.getStringAttribute('table');
  }
  public set table(value: string) {
    this._table = value;
  }
  public resetTable() {
    this._table = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tableInput() {
    return this._table;
  }

  // managed_table - computed: true, optional: true, required: false
  private _managedTable?: boolean | cdktf.IResolvable; 
  public get managedTable() {
    return this.getBooleanAttribute('managed_table');
  }
  public set managedTable(value: boolean | cdktf.IResolvable) {
    this._managedTable = value;
  }
  public resetManagedTable() {
    this._managedTable = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get managedTableInput() {
    return this._managedTable;
  }

  // roles - computed: false, optional: true, required: false
  private _roles?: string[]; 
  public get roles() {
    return this.getListAttribute('roles');
  }
  public set roles(value: string[]) {
    this._roles = value;
  }
  public resetRoles() {
    this._roles = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get rolesInput() {
    return this._roles;
  }

  // columns - computed: false, optional: true, required: false
  private _columns = new ClickpipeDestinationColumnsList(this, "columns", false);
  public get columns() {
    return this._columns;
  }
  public putColumns(value: ClickpipeDestinationColumns[] | cdktf.IResolvable) {
    this._columns.internalValue = value;
  }
  public resetColumns() {
    this._columns.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get columnsInput() {
    return this._columns.internalValue;
  }

  // table_definition - computed: false, optional: true, required: false
  private _tableDefinition = new ClickpipeDestinationTableDefinitionOutputReference(this, "table_definition");
  public get tableDefinition() {
    return this._tableDefinition;
  }
  public putTableDefinition(value: ClickpipeDestinationTableDefinition) {
    this._tableDefinition.internalValue = value;
  }
  public resetTableDefinition() {
    this._tableDefinition.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tableDefinitionInput() {
    return this._tableDefinition.internalValue;
  }
}
export interface ClickpipeSourcePostgresCredentials {
  /**
  * Login user.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#username Clickpipe#username}
  */
  readonly username: string;
  /**
  * Password (stored in state; conflicts with password_wo).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#password Clickpipe#password}
  */
  readonly password?: string;
  /**
  * Write-only password, never stored in state; requires password_wo_version.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#password_wo Clickpipe#password_wo}
  */
  readonly passwordWo?: string;
  /**
  * Version of password_wo; increment to push a new password.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#password_wo_version Clickpipe#password_wo_version}
  */
  readonly passwordWoVersion?: number;
}

export function clickpipeSourcePostgresCredentialsToTerraform(struct?: ClickpipeSourcePostgresCredentials | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    username: cdktf.stringToTerraform(struct!.username),
    password: cdktf.stringToTerraform(struct!.password),
    password_wo: cdktf.stringToTerraform(struct!.passwordWo),
    password_wo_version: cdktf.numberToTerraform(struct!.passwordWoVersion),
  }
}


export function clickpipeSourcePostgresCredentialsToHclTerraform(struct?: ClickpipeSourcePostgresCredentials | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    username: {
      value: cdktf.stringToHclTerraform(struct!.username),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    password: {
      value: cdktf.stringToHclTerraform(struct!.password),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    password_wo: {
      value: cdktf.stringToHclTerraform(struct!.passwordWo),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    password_wo_version: {
      value: cdktf.numberToHclTerraform(struct!.passwordWoVersion),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ClickpipeSourcePostgresCredentialsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ClickpipeSourcePostgresCredentials | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._username !== undefined) {
      hasAnyValues = true;
      internalValueResult.username = this._username;
    }
    if (this._password !== undefined) {
      hasAnyValues = true;
      internalValueResult.password = this._password;
    }
    if (this._passwordWo !== undefined) {
      hasAnyValues = true;
      internalValueResult.passwordWo = this._passwordWo;
    }
    if (this._passwordWoVersion !== undefined) {
      hasAnyValues = true;
      internalValueResult.passwordWoVersion = this._passwordWoVersion;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ClickpipeSourcePostgresCredentials | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._username = undefined;
      this._password = undefined;
      this._passwordWo = undefined;
      this._passwordWoVersion = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._username = value.username;
      this._password = value.password;
      this._passwordWo = value.passwordWo;
      this._passwordWoVersion = value.passwordWoVersion;
    }
  }

  // username - computed: false, optional: false, required: true
  private _username?: string; 
  public get username() {
    return this.getStringAttribute('username');
  }
  public set username(value: string) {
    this._username = value;
  }
  // Temporarily expose input value. Use with caution.
  public get usernameInput() {
    return this._username;
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
}
export interface ClickpipeSourcePostgresSettings {
  /**
  * cdc, snapshot or cdc_only (forces replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#replication_mode Clickpipe#replication_mode}
  */
  readonly replicationMode: string;
  /**
  * Sync interval in seconds (at least 1).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#sync_interval_seconds Clickpipe#sync_interval_seconds}
  */
  readonly syncIntervalSeconds?: number;
  /**
  * Rows per pull batch (at least 1).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#pull_batch_size Clickpipe#pull_batch_size}
  */
  readonly pullBatchSize?: number;
  /**
  * Publication to replicate from; ClickPipes creates one when unset (forces replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#publication_name Clickpipe#publication_name}
  */
  readonly publicationName?: string;
  /**
  * Existing replication slot; only with replication_mode cdc_only (forces replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#replication_slot_name Clickpipe#replication_slot_name}
  */
  readonly replicationSlotName?: string;
  /**
  * Allow Nullable columns in destination tables (forces replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#allow_nullable_columns Clickpipe#allow_nullable_columns}
  */
  readonly allowNullableColumns?: boolean | cdktf.IResolvable;
  /**
  * Parallel connections during the initial load (forces replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#initial_load_parallelism Clickpipe#initial_load_parallelism}
  */
  readonly initialLoadParallelism?: number;
  /**
  * Rows per snapshot partition (forces replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#snapshot_num_rows_per_partition Clickpipe#snapshot_num_rows_per_partition}
  */
  readonly snapshotNumRowsPerPartition?: number;
  /**
  * Tables snapshotted in parallel (forces replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#snapshot_number_of_parallel_tables Clickpipe#snapshot_number_of_parallel_tables}
  */
  readonly snapshotNumberOfParallelTables?: number;
  /**
  * Create the slot with failover enabled (default false; no replication_slot_name; forces replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#enable_failover_slots Clickpipe#enable_failover_slots}
  */
  readonly enableFailoverSlots?: boolean | cdktf.IResolvable;
  /**
  * Hard deletes in ReplacingMergeTree (default false; forces replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#delete_on_merge Clickpipe#delete_on_merge}
  */
  readonly deleteOnMerge?: boolean | cdktf.IResolvable;
}

export function clickpipeSourcePostgresSettingsToTerraform(struct?: ClickpipeSourcePostgresSettings | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    replication_mode: cdktf.stringToTerraform(struct!.replicationMode),
    sync_interval_seconds: cdktf.numberToTerraform(struct!.syncIntervalSeconds),
    pull_batch_size: cdktf.numberToTerraform(struct!.pullBatchSize),
    publication_name: cdktf.stringToTerraform(struct!.publicationName),
    replication_slot_name: cdktf.stringToTerraform(struct!.replicationSlotName),
    allow_nullable_columns: cdktf.booleanToTerraform(struct!.allowNullableColumns),
    initial_load_parallelism: cdktf.numberToTerraform(struct!.initialLoadParallelism),
    snapshot_num_rows_per_partition: cdktf.numberToTerraform(struct!.snapshotNumRowsPerPartition),
    snapshot_number_of_parallel_tables: cdktf.numberToTerraform(struct!.snapshotNumberOfParallelTables),
    enable_failover_slots: cdktf.booleanToTerraform(struct!.enableFailoverSlots),
    delete_on_merge: cdktf.booleanToTerraform(struct!.deleteOnMerge),
  }
}


export function clickpipeSourcePostgresSettingsToHclTerraform(struct?: ClickpipeSourcePostgresSettings | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    replication_mode: {
      value: cdktf.stringToHclTerraform(struct!.replicationMode),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    sync_interval_seconds: {
      value: cdktf.numberToHclTerraform(struct!.syncIntervalSeconds),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    pull_batch_size: {
      value: cdktf.numberToHclTerraform(struct!.pullBatchSize),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    publication_name: {
      value: cdktf.stringToHclTerraform(struct!.publicationName),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    replication_slot_name: {
      value: cdktf.stringToHclTerraform(struct!.replicationSlotName),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    allow_nullable_columns: {
      value: cdktf.booleanToHclTerraform(struct!.allowNullableColumns),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    initial_load_parallelism: {
      value: cdktf.numberToHclTerraform(struct!.initialLoadParallelism),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    snapshot_num_rows_per_partition: {
      value: cdktf.numberToHclTerraform(struct!.snapshotNumRowsPerPartition),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    snapshot_number_of_parallel_tables: {
      value: cdktf.numberToHclTerraform(struct!.snapshotNumberOfParallelTables),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    enable_failover_slots: {
      value: cdktf.booleanToHclTerraform(struct!.enableFailoverSlots),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    delete_on_merge: {
      value: cdktf.booleanToHclTerraform(struct!.deleteOnMerge),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ClickpipeSourcePostgresSettingsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ClickpipeSourcePostgresSettings | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._replicationMode !== undefined) {
      hasAnyValues = true;
      internalValueResult.replicationMode = this._replicationMode;
    }
    if (this._syncIntervalSeconds !== undefined) {
      hasAnyValues = true;
      internalValueResult.syncIntervalSeconds = this._syncIntervalSeconds;
    }
    if (this._pullBatchSize !== undefined) {
      hasAnyValues = true;
      internalValueResult.pullBatchSize = this._pullBatchSize;
    }
    if (this._publicationName !== undefined) {
      hasAnyValues = true;
      internalValueResult.publicationName = this._publicationName;
    }
    if (this._replicationSlotName !== undefined) {
      hasAnyValues = true;
      internalValueResult.replicationSlotName = this._replicationSlotName;
    }
    if (this._allowNullableColumns !== undefined) {
      hasAnyValues = true;
      internalValueResult.allowNullableColumns = this._allowNullableColumns;
    }
    if (this._initialLoadParallelism !== undefined) {
      hasAnyValues = true;
      internalValueResult.initialLoadParallelism = this._initialLoadParallelism;
    }
    if (this._snapshotNumRowsPerPartition !== undefined) {
      hasAnyValues = true;
      internalValueResult.snapshotNumRowsPerPartition = this._snapshotNumRowsPerPartition;
    }
    if (this._snapshotNumberOfParallelTables !== undefined) {
      hasAnyValues = true;
      internalValueResult.snapshotNumberOfParallelTables = this._snapshotNumberOfParallelTables;
    }
    if (this._enableFailoverSlots !== undefined) {
      hasAnyValues = true;
      internalValueResult.enableFailoverSlots = this._enableFailoverSlots;
    }
    if (this._deleteOnMerge !== undefined) {
      hasAnyValues = true;
      internalValueResult.deleteOnMerge = this._deleteOnMerge;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ClickpipeSourcePostgresSettings | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._replicationMode = undefined;
      this._syncIntervalSeconds = undefined;
      this._pullBatchSize = undefined;
      this._publicationName = undefined;
      this._replicationSlotName = undefined;
      this._allowNullableColumns = undefined;
      this._initialLoadParallelism = undefined;
      this._snapshotNumRowsPerPartition = undefined;
      this._snapshotNumberOfParallelTables = undefined;
      this._enableFailoverSlots = undefined;
      this._deleteOnMerge = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._replicationMode = value.replicationMode;
      this._syncIntervalSeconds = value.syncIntervalSeconds;
      this._pullBatchSize = value.pullBatchSize;
      this._publicationName = value.publicationName;
      this._replicationSlotName = value.replicationSlotName;
      this._allowNullableColumns = value.allowNullableColumns;
      this._initialLoadParallelism = value.initialLoadParallelism;
      this._snapshotNumRowsPerPartition = value.snapshotNumRowsPerPartition;
      this._snapshotNumberOfParallelTables = value.snapshotNumberOfParallelTables;
      this._enableFailoverSlots = value.enableFailoverSlots;
      this._deleteOnMerge = value.deleteOnMerge;
    }
  }

  // replication_mode - computed: false, optional: false, required: true
  private _replicationMode?: string; 
  public get replicationMode() {
    return this.getStringAttribute('replication_mode');
  }
  public set replicationMode(value: string) {
    this._replicationMode = value;
  }
  // Temporarily expose input value. Use with caution.
  public get replicationModeInput() {
    return this._replicationMode;
  }

  // sync_interval_seconds - computed: true, optional: true, required: false
  private _syncIntervalSeconds?: number; 
  public get syncIntervalSeconds() {
    return this.getNumberAttribute('sync_interval_seconds');
  }
  public set syncIntervalSeconds(value: number) {
    this._syncIntervalSeconds = value;
  }
  public resetSyncIntervalSeconds() {
    this._syncIntervalSeconds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get syncIntervalSecondsInput() {
    return this._syncIntervalSeconds;
  }

  // pull_batch_size - computed: true, optional: true, required: false
  private _pullBatchSize?: number; 
  public get pullBatchSize() {
    return this.getNumberAttribute('pull_batch_size');
  }
  public set pullBatchSize(value: number) {
    this._pullBatchSize = value;
  }
  public resetPullBatchSize() {
    this._pullBatchSize = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get pullBatchSizeInput() {
    return this._pullBatchSize;
  }

  // publication_name - computed: false, optional: true, required: false
  private _publicationName?: string; 
  public get publicationName() {
    return this.getStringAttribute('publication_name');
  }
  public set publicationName(value: string) {
    this._publicationName = value;
  }
  public resetPublicationName() {
    this._publicationName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get publicationNameInput() {
    return this._publicationName;
  }

  // replication_slot_name - computed: false, optional: true, required: false
  private _replicationSlotName?: string; 
  public get replicationSlotName() {
    return this.getStringAttribute('replication_slot_name');
  }
  public set replicationSlotName(value: string) {
    this._replicationSlotName = value;
  }
  public resetReplicationSlotName() {
    this._replicationSlotName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get replicationSlotNameInput() {
    return this._replicationSlotName;
  }

  // allow_nullable_columns - computed: true, optional: true, required: false
  private _allowNullableColumns?: boolean | cdktf.IResolvable; 
  public get allowNullableColumns() {
    return this.getBooleanAttribute('allow_nullable_columns');
  }
  public set allowNullableColumns(value: boolean | cdktf.IResolvable) {
    this._allowNullableColumns = value;
  }
  public resetAllowNullableColumns() {
    this._allowNullableColumns = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get allowNullableColumnsInput() {
    return this._allowNullableColumns;
  }

  // initial_load_parallelism - computed: true, optional: true, required: false
  private _initialLoadParallelism?: number; 
  public get initialLoadParallelism() {
    return this.getNumberAttribute('initial_load_parallelism');
  }
  public set initialLoadParallelism(value: number) {
    this._initialLoadParallelism = value;
  }
  public resetInitialLoadParallelism() {
    this._initialLoadParallelism = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get initialLoadParallelismInput() {
    return this._initialLoadParallelism;
  }

  // snapshot_num_rows_per_partition - computed: true, optional: true, required: false
  private _snapshotNumRowsPerPartition?: number; 
  public get snapshotNumRowsPerPartition() {
    return this.getNumberAttribute('snapshot_num_rows_per_partition');
  }
  public set snapshotNumRowsPerPartition(value: number) {
    this._snapshotNumRowsPerPartition = value;
  }
  public resetSnapshotNumRowsPerPartition() {
    this._snapshotNumRowsPerPartition = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get snapshotNumRowsPerPartitionInput() {
    return this._snapshotNumRowsPerPartition;
  }

  // snapshot_number_of_parallel_tables - computed: true, optional: true, required: false
  private _snapshotNumberOfParallelTables?: number; 
  public get snapshotNumberOfParallelTables() {
    return this.getNumberAttribute('snapshot_number_of_parallel_tables');
  }
  public set snapshotNumberOfParallelTables(value: number) {
    this._snapshotNumberOfParallelTables = value;
  }
  public resetSnapshotNumberOfParallelTables() {
    this._snapshotNumberOfParallelTables = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get snapshotNumberOfParallelTablesInput() {
    return this._snapshotNumberOfParallelTables;
  }

  // enable_failover_slots - computed: true, optional: true, required: false
  private _enableFailoverSlots?: boolean | cdktf.IResolvable; 
  public get enableFailoverSlots() {
    return this.getBooleanAttribute('enable_failover_slots');
  }
  public set enableFailoverSlots(value: boolean | cdktf.IResolvable) {
    this._enableFailoverSlots = value;
  }
  public resetEnableFailoverSlots() {
    this._enableFailoverSlots = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get enableFailoverSlotsInput() {
    return this._enableFailoverSlots;
  }

  // delete_on_merge - computed: true, optional: true, required: false
  private _deleteOnMerge?: boolean | cdktf.IResolvable; 
  public get deleteOnMerge() {
    return this.getBooleanAttribute('delete_on_merge');
  }
  public set deleteOnMerge(value: boolean | cdktf.IResolvable) {
    this._deleteOnMerge = value;
  }
  public resetDeleteOnMerge() {
    this._deleteOnMerge = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deleteOnMergeInput() {
    return this._deleteOnMerge;
  }
}
export interface ClickpipeSourcePostgresTableMappings {
  /**
  * Source schema.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#source_schema_name Clickpipe#source_schema_name}
  */
  readonly sourceSchemaName: string;
  /**
  * Source table.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#source_table Clickpipe#source_table}
  */
  readonly sourceTable: string;
  /**
  * Target ClickHouse table.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#target_table Clickpipe#target_table}
  */
  readonly targetTable: string;
  /**
  * Columns not replicated.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#excluded_columns Clickpipe#excluded_columns}
  */
  readonly excludedColumns?: string[];
  /**
  * Use sorting_keys as the sorting key (default false).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#use_custom_sorting_key Clickpipe#use_custom_sorting_key}
  */
  readonly useCustomSortingKey?: boolean | cdktf.IResolvable;
  /**
  * Ordered sorting key columns.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#sorting_keys Clickpipe#sorting_keys}
  */
  readonly sortingKeys?: string[];
  /**
  * MergeTree, ReplacingMergeTree or Null.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#table_engine Clickpipe#table_engine}
  */
  readonly tableEngine?: string;
  /**
  * Indexed column used to parallelise the snapshot (PostgreSQL 13).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#partition_key Clickpipe#partition_key}
  */
  readonly partitionKey?: string;
  /**
  * ClickHouse PARTITION BY expression for the created table.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#partition_by_expr Clickpipe#partition_by_expr}
  */
  readonly partitionByExpr?: string;
}

export function clickpipeSourcePostgresTableMappingsToTerraform(struct?: ClickpipeSourcePostgresTableMappings | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    source_schema_name: cdktf.stringToTerraform(struct!.sourceSchemaName),
    source_table: cdktf.stringToTerraform(struct!.sourceTable),
    target_table: cdktf.stringToTerraform(struct!.targetTable),
    excluded_columns: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.excludedColumns),
    use_custom_sorting_key: cdktf.booleanToTerraform(struct!.useCustomSortingKey),
    sorting_keys: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.sortingKeys),
    table_engine: cdktf.stringToTerraform(struct!.tableEngine),
    partition_key: cdktf.stringToTerraform(struct!.partitionKey),
    partition_by_expr: cdktf.stringToTerraform(struct!.partitionByExpr),
  }
}


export function clickpipeSourcePostgresTableMappingsToHclTerraform(struct?: ClickpipeSourcePostgresTableMappings | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    source_schema_name: {
      value: cdktf.stringToHclTerraform(struct!.sourceSchemaName),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    source_table: {
      value: cdktf.stringToHclTerraform(struct!.sourceTable),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    target_table: {
      value: cdktf.stringToHclTerraform(struct!.targetTable),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    excluded_columns: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.excludedColumns),
      isBlock: false,
      type: "set",
      storageClassType: "stringList",
    },
    use_custom_sorting_key: {
      value: cdktf.booleanToHclTerraform(struct!.useCustomSortingKey),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    sorting_keys: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.sortingKeys),
      isBlock: false,
      type: "list",
      storageClassType: "stringList",
    },
    table_engine: {
      value: cdktf.stringToHclTerraform(struct!.tableEngine),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    partition_key: {
      value: cdktf.stringToHclTerraform(struct!.partitionKey),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    partition_by_expr: {
      value: cdktf.stringToHclTerraform(struct!.partitionByExpr),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ClickpipeSourcePostgresTableMappingsOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): ClickpipeSourcePostgresTableMappings | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._sourceSchemaName !== undefined) {
      hasAnyValues = true;
      internalValueResult.sourceSchemaName = this._sourceSchemaName;
    }
    if (this._sourceTable !== undefined) {
      hasAnyValues = true;
      internalValueResult.sourceTable = this._sourceTable;
    }
    if (this._targetTable !== undefined) {
      hasAnyValues = true;
      internalValueResult.targetTable = this._targetTable;
    }
    if (this._excludedColumns !== undefined) {
      hasAnyValues = true;
      internalValueResult.excludedColumns = this._excludedColumns;
    }
    if (this._useCustomSortingKey !== undefined) {
      hasAnyValues = true;
      internalValueResult.useCustomSortingKey = this._useCustomSortingKey;
    }
    if (this._sortingKeys !== undefined) {
      hasAnyValues = true;
      internalValueResult.sortingKeys = this._sortingKeys;
    }
    if (this._tableEngine !== undefined) {
      hasAnyValues = true;
      internalValueResult.tableEngine = this._tableEngine;
    }
    if (this._partitionKey !== undefined) {
      hasAnyValues = true;
      internalValueResult.partitionKey = this._partitionKey;
    }
    if (this._partitionByExpr !== undefined) {
      hasAnyValues = true;
      internalValueResult.partitionByExpr = this._partitionByExpr;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ClickpipeSourcePostgresTableMappings | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._sourceSchemaName = undefined;
      this._sourceTable = undefined;
      this._targetTable = undefined;
      this._excludedColumns = undefined;
      this._useCustomSortingKey = undefined;
      this._sortingKeys = undefined;
      this._tableEngine = undefined;
      this._partitionKey = undefined;
      this._partitionByExpr = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._sourceSchemaName = value.sourceSchemaName;
      this._sourceTable = value.sourceTable;
      this._targetTable = value.targetTable;
      this._excludedColumns = value.excludedColumns;
      this._useCustomSortingKey = value.useCustomSortingKey;
      this._sortingKeys = value.sortingKeys;
      this._tableEngine = value.tableEngine;
      this._partitionKey = value.partitionKey;
      this._partitionByExpr = value.partitionByExpr;
    }
  }

  // source_schema_name - computed: false, optional: false, required: true
  private _sourceSchemaName?: string; 
  public get sourceSchemaName() {
    return this.getStringAttribute('source_schema_name');
  }
  public set sourceSchemaName(value: string) {
    this._sourceSchemaName = value;
  }
  // Temporarily expose input value. Use with caution.
  public get sourceSchemaNameInput() {
    return this._sourceSchemaName;
  }

  // source_table - computed: false, optional: false, required: true
  private _sourceTable?: string; 
  public get sourceTable() {
    return this.getStringAttribute('source_table');
  }
  public set sourceTable(value: string) {
    this._sourceTable = value;
  }
  // Temporarily expose input value. Use with caution.
  public get sourceTableInput() {
    return this._sourceTable;
  }

  // target_table - computed: false, optional: false, required: true
  private _targetTable?: string; 
  public get targetTable() {
    return this.getStringAttribute('target_table');
  }
  public set targetTable(value: string) {
    this._targetTable = value;
  }
  // Temporarily expose input value. Use with caution.
  public get targetTableInput() {
    return this._targetTable;
  }

  // excluded_columns - computed: false, optional: true, required: false
  private _excludedColumns?: string[]; 
  public get excludedColumns() {
    return cdktf.Fn.tolist(this.getListAttribute('excluded_columns'));
  }
  public set excludedColumns(value: string[]) {
    this._excludedColumns = value;
  }
  public resetExcludedColumns() {
    this._excludedColumns = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get excludedColumnsInput() {
    return this._excludedColumns;
  }

  // use_custom_sorting_key - computed: true, optional: true, required: false
  private _useCustomSortingKey?: boolean | cdktf.IResolvable; 
  public get useCustomSortingKey() {
    return this.getBooleanAttribute('use_custom_sorting_key');
  }
  public set useCustomSortingKey(value: boolean | cdktf.IResolvable) {
    this._useCustomSortingKey = value;
  }
  public resetUseCustomSortingKey() {
    this._useCustomSortingKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get useCustomSortingKeyInput() {
    return this._useCustomSortingKey;
  }

  // sorting_keys - computed: false, optional: true, required: false
  private _sortingKeys?: string[]; 
  public get sortingKeys() {
    return this.getListAttribute('sorting_keys');
  }
  public set sortingKeys(value: string[]) {
    this._sortingKeys = value;
  }
  public resetSortingKeys() {
    this._sortingKeys = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sortingKeysInput() {
    return this._sortingKeys;
  }

  // table_engine - computed: false, optional: true, required: false
  private _tableEngine?: string; 
  public get tableEngine() {
    return this.getStringAttribute('table_engine');
  }
  public set tableEngine(value: string) {
    this._tableEngine = value;
  }
  public resetTableEngine() {
    this._tableEngine = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tableEngineInput() {
    return this._tableEngine;
  }

  // partition_key - computed: false, optional: true, required: false
  private _partitionKey?: string; 
  public get partitionKey() {
    return this.getStringAttribute('partition_key');
  }
  public set partitionKey(value: string) {
    this._partitionKey = value;
  }
  public resetPartitionKey() {
    this._partitionKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get partitionKeyInput() {
    return this._partitionKey;
  }

  // partition_by_expr - computed: false, optional: true, required: false
  private _partitionByExpr?: string; 
  public get partitionByExpr() {
    return this.getStringAttribute('partition_by_expr');
  }
  public set partitionByExpr(value: string) {
    this._partitionByExpr = value;
  }
  public resetPartitionByExpr() {
    this._partitionByExpr = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get partitionByExprInput() {
    return this._partitionByExpr;
  }
}

export class ClickpipeSourcePostgresTableMappingsList extends cdktf.ComplexList {
  public internalValue? : ClickpipeSourcePostgresTableMappings[] | cdktf.IResolvable

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
  public get(index: number): ClickpipeSourcePostgresTableMappingsOutputReference {
    return new ClickpipeSourcePostgresTableMappingsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ClickpipeSourcePostgres {
  /**
  * Postgres flavour: postgres, supabase, neon, alloydb, planetscale, rdspostgres, aurorapostgres, cloudsqlpostgres, azurepostgres, crunchybridge, tigerdata (default postgres; forces replacement).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#type Clickpipe#type}
  */
  readonly type?: string;
  /**
  * Host name of the Postgres server.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#host Clickpipe#host}
  */
  readonly host: string;
  /**
  * Port, 1 to 65535 (default 5432).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#port Clickpipe#port}
  */
  readonly port?: number;
  /**
  * Database name.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#database Clickpipe#database}
  */
  readonly database: string;
  /**
  * basic or IAM_ROLE (default basic).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#authentication Clickpipe#authentication}
  */
  readonly authentication?: string;
  /**
  * IAM role ARN for IAM_ROLE authentication.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#iam_role Clickpipe#iam_role}
  */
  readonly iamRole?: string;
  /**
  * Host name used to verify the server certificate.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#tls_host Clickpipe#tls_host}
  */
  readonly tlsHost?: string;
  /**
  * PEM CA certificate for the server certificate.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#ca_certificate Clickpipe#ca_certificate}
  */
  readonly caCertificate?: string;
  /**
  * Credentials of the Postgres user.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#credentials Clickpipe#credentials}
  */
  readonly credentials: ClickpipeSourcePostgresCredentials;
  /**
  * Settings of the Postgres CDC pipe.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#settings Clickpipe#settings}
  */
  readonly settings: ClickpipeSourcePostgresSettings;
  /**
  * Tables to replicate and their ClickHouse targets.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#table_mappings Clickpipe#table_mappings}
  */
  readonly tableMappings: ClickpipeSourcePostgresTableMappings[] | cdktf.IResolvable;
}

export function clickpipeSourcePostgresToTerraform(struct?: ClickpipeSourcePostgres | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    type: cdktf.stringToTerraform(struct!.type),
    host: cdktf.stringToTerraform(struct!.host),
    port: cdktf.numberToTerraform(struct!.port),
    database: cdktf.stringToTerraform(struct!.database),
    authentication: cdktf.stringToTerraform(struct!.authentication),
    iam_role: cdktf.stringToTerraform(struct!.iamRole),
    tls_host: cdktf.stringToTerraform(struct!.tlsHost),
    ca_certificate: cdktf.stringToTerraform(struct!.caCertificate),
    credentials: clickpipeSourcePostgresCredentialsToTerraform(struct!.credentials),
    settings: clickpipeSourcePostgresSettingsToTerraform(struct!.settings),
    table_mappings: cdktf.listMapper(clickpipeSourcePostgresTableMappingsToTerraform, false)(struct!.tableMappings),
  }
}


export function clickpipeSourcePostgresToHclTerraform(struct?: ClickpipeSourcePostgres | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    type: {
      value: cdktf.stringToHclTerraform(struct!.type),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    host: {
      value: cdktf.stringToHclTerraform(struct!.host),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    port: {
      value: cdktf.numberToHclTerraform(struct!.port),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    database: {
      value: cdktf.stringToHclTerraform(struct!.database),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    authentication: {
      value: cdktf.stringToHclTerraform(struct!.authentication),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    iam_role: {
      value: cdktf.stringToHclTerraform(struct!.iamRole),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    tls_host: {
      value: cdktf.stringToHclTerraform(struct!.tlsHost),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ca_certificate: {
      value: cdktf.stringToHclTerraform(struct!.caCertificate),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    credentials: {
      value: clickpipeSourcePostgresCredentialsToHclTerraform(struct!.credentials),
      isBlock: true,
      type: "struct",
      storageClassType: "ClickpipeSourcePostgresCredentials",
    },
    settings: {
      value: clickpipeSourcePostgresSettingsToHclTerraform(struct!.settings),
      isBlock: true,
      type: "struct",
      storageClassType: "ClickpipeSourcePostgresSettings",
    },
    table_mappings: {
      value: cdktf.listMapperHcl(clickpipeSourcePostgresTableMappingsToHclTerraform, false)(struct!.tableMappings),
      isBlock: true,
      type: "set",
      storageClassType: "ClickpipeSourcePostgresTableMappingsList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ClickpipeSourcePostgresOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ClickpipeSourcePostgres | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._type !== undefined) {
      hasAnyValues = true;
      internalValueResult.type = this._type;
    }
    if (this._host !== undefined) {
      hasAnyValues = true;
      internalValueResult.host = this._host;
    }
    if (this._port !== undefined) {
      hasAnyValues = true;
      internalValueResult.port = this._port;
    }
    if (this._database !== undefined) {
      hasAnyValues = true;
      internalValueResult.database = this._database;
    }
    if (this._authentication !== undefined) {
      hasAnyValues = true;
      internalValueResult.authentication = this._authentication;
    }
    if (this._iamRole !== undefined) {
      hasAnyValues = true;
      internalValueResult.iamRole = this._iamRole;
    }
    if (this._tlsHost !== undefined) {
      hasAnyValues = true;
      internalValueResult.tlsHost = this._tlsHost;
    }
    if (this._caCertificate !== undefined) {
      hasAnyValues = true;
      internalValueResult.caCertificate = this._caCertificate;
    }
    if (this._credentials?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.credentials = this._credentials?.internalValue;
    }
    if (this._settings?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.settings = this._settings?.internalValue;
    }
    if (this._tableMappings?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.tableMappings = this._tableMappings?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ClickpipeSourcePostgres | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._type = undefined;
      this._host = undefined;
      this._port = undefined;
      this._database = undefined;
      this._authentication = undefined;
      this._iamRole = undefined;
      this._tlsHost = undefined;
      this._caCertificate = undefined;
      this._credentials.internalValue = undefined;
      this._settings.internalValue = undefined;
      this._tableMappings.internalValue = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._type = value.type;
      this._host = value.host;
      this._port = value.port;
      this._database = value.database;
      this._authentication = value.authentication;
      this._iamRole = value.iamRole;
      this._tlsHost = value.tlsHost;
      this._caCertificate = value.caCertificate;
      this._credentials.internalValue = value.credentials;
      this._settings.internalValue = value.settings;
      this._tableMappings.internalValue = value.tableMappings;
    }
  }

  // type - computed: true, optional: true, required: false
  private _type?: string; 
  public get type() {
    return this.getStringAttribute('type');
  }
  public set type(value: string) {
    this._type = value;
  }
  public resetType() {
    this._type = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get typeInput() {
    return this._type;
  }

  // host - computed: false, optional: false, required: true
  private _host?: string; 
  public get host() {
    return this.getStringAttribute('host');
  }
  public set host(value: string) {
    this._host = value;
  }
  // Temporarily expose input value. Use with caution.
  public get hostInput() {
    return this._host;
  }

  // port - computed: true, optional: true, required: false
  private _port?: number; 
  public get port() {
    return this.getNumberAttribute('port');
  }
  public set port(value: number) {
    this._port = value;
  }
  public resetPort() {
    this._port = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get portInput() {
    return this._port;
  }

  // database - computed: false, optional: false, required: true
  private _database?: string; 
  public get database() {
    return this.getStringAttribute('database');
  }
  public set database(value: string) {
    this._database = value;
  }
  // Temporarily expose input value. Use with caution.
  public get databaseInput() {
    return this._database;
  }

  // authentication - computed: true, optional: true, required: false
  private _authentication?: string; 
  public get authentication() {
    return this.getStringAttribute('authentication');
  }
  public set authentication(value: string) {
    this._authentication = value;
  }
  public resetAuthentication() {
    this._authentication = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get authenticationInput() {
    return this._authentication;
  }

  // iam_role - computed: false, optional: true, required: false
  private _iamRole?: string; 
  public get iamRole() {
    return this.getStringAttribute('iam_role');
  }
  public set iamRole(value: string) {
    this._iamRole = value;
  }
  public resetIamRole() {
    this._iamRole = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get iamRoleInput() {
    return this._iamRole;
  }

  // tls_host - computed: false, optional: true, required: false
  private _tlsHost?: string; 
  public get tlsHost() {
    return this.getStringAttribute('tls_host');
  }
  public set tlsHost(value: string) {
    this._tlsHost = value;
  }
  public resetTlsHost() {
    this._tlsHost = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tlsHostInput() {
    return this._tlsHost;
  }

  // ca_certificate - computed: false, optional: true, required: false
  private _caCertificate?: string; 
  public get caCertificate() {
    return this.getStringAttribute('ca_certificate');
  }
  public set caCertificate(value: string) {
    this._caCertificate = value;
  }
  public resetCaCertificate() {
    this._caCertificate = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get caCertificateInput() {
    return this._caCertificate;
  }

  // credentials - computed: false, optional: false, required: true
  private _credentials = new ClickpipeSourcePostgresCredentialsOutputReference(this, "credentials");
  public get credentials() {
    return this._credentials;
  }
  public putCredentials(value: ClickpipeSourcePostgresCredentials) {
    this._credentials.internalValue = value;
  }
  // Temporarily expose input value. Use with caution.
  public get credentialsInput() {
    return this._credentials.internalValue;
  }

  // settings - computed: false, optional: false, required: true
  private _settings = new ClickpipeSourcePostgresSettingsOutputReference(this, "settings");
  public get settings() {
    return this._settings;
  }
  public putSettings(value: ClickpipeSourcePostgresSettings) {
    this._settings.internalValue = value;
  }
  // Temporarily expose input value. Use with caution.
  public get settingsInput() {
    return this._settings.internalValue;
  }

  // table_mappings - computed: false, optional: false, required: true
  private _tableMappings = new ClickpipeSourcePostgresTableMappingsList(this, "table_mappings", true);
  public get tableMappings() {
    return this._tableMappings;
  }
  public putTableMappings(value: ClickpipeSourcePostgresTableMappings[] | cdktf.IResolvable) {
    this._tableMappings.internalValue = value;
  }
  // Temporarily expose input value. Use with caution.
  public get tableMappingsInput() {
    return this._tableMappings.internalValue;
  }
}
export interface ClickpipeSource {
  /**
  * Postgres CDC source.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#postgres Clickpipe#postgres}
  */
  readonly postgres?: ClickpipeSourcePostgres;
}

export function clickpipeSourceToTerraform(struct?: ClickpipeSource | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    postgres: clickpipeSourcePostgresToTerraform(struct!.postgres),
  }
}


export function clickpipeSourceToHclTerraform(struct?: ClickpipeSource | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    postgres: {
      value: clickpipeSourcePostgresToHclTerraform(struct!.postgres),
      isBlock: true,
      type: "struct",
      storageClassType: "ClickpipeSourcePostgres",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ClickpipeSourceOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ClickpipeSource | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._postgres?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.postgres = this._postgres?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ClickpipeSource | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._postgres.internalValue = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._postgres.internalValue = value.postgres;
    }
  }

  // postgres - computed: false, optional: true, required: false
  private _postgres = new ClickpipeSourcePostgresOutputReference(this, "postgres");
  public get postgres() {
    return this._postgres;
  }
  public putPostgres(value: ClickpipeSourcePostgres) {
    this._postgres.internalValue = value;
  }
  public resetPostgres() {
    this._postgres.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get postgresInput() {
    return this._postgres.internalValue;
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe clickhouse_clickpipe}
*/
export class Clickpipe extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "clickhouse_clickpipe";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a Clickpipe resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Clickpipe to import
  * @param importFromId The id of the existing Clickpipe that should be imported. Refer to the {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Clickpipe to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "clickhouse_clickpipe", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs/resources/clickpipe clickhouse_clickpipe} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options ClickpipeConfig
  */
  public constructor(scope: Construct, id: string, config: ClickpipeConfig) {
    super(scope, id, {
      terraformResourceType: 'clickhouse_clickpipe',
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
    this._name = config.name;
    this._stopped = config.stopped;
    this._triggerResync = config.triggerResync;
    this._settings = config.settings;
    this._scaling.internalValue = config.scaling;
    this._fieldMappings.internalValue = config.fieldMappings;
    this._destination.internalValue = config.destination;
    this._source.internalValue = config.source;
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

  // stopped - computed: true, optional: true, required: false
  private _stopped?: boolean | cdktf.IResolvable; 
  public get stopped() {
    return this.getBooleanAttribute('stopped');
  }
  public set stopped(value: boolean | cdktf.IResolvable) {
    this._stopped = value;
  }
  public resetStopped() {
    this._stopped = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get stoppedInput() {
    return this._stopped;
  }

  // state - computed: true, optional: false, required: false
  public get state() {
    return this.getStringAttribute('state');
  }

  // trigger_resync - computed: true, optional: true, required: false
  private _triggerResync?: boolean | cdktf.IResolvable; 
  public get triggerResync() {
    return this.getBooleanAttribute('trigger_resync');
  }
  public set triggerResync(value: boolean | cdktf.IResolvable) {
    this._triggerResync = value;
  }
  public resetTriggerResync() {
    this._triggerResync = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get triggerResyncInput() {
    return this._triggerResync;
  }

  // settings - computed: false, optional: true, required: false
  private _settings?: { [key: string]: any }; 
  public get settings() {
    return this.getAnyMapAttribute('settings');
  }
  public set settings(value: { [key: string]: any }) {
    this._settings = value;
  }
  public resetSettings() {
    this._settings = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get settingsInput() {
    return this._settings;
  }

  // scaling - computed: false, optional: true, required: false
  private _scaling = new ClickpipeScalingOutputReference(this, "scaling");
  public get scaling() {
    return this._scaling;
  }
  public putScaling(value: ClickpipeScaling) {
    this._scaling.internalValue = value;
  }
  public resetScaling() {
    this._scaling.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get scalingInput() {
    return this._scaling.internalValue;
  }

  // field_mappings - computed: false, optional: true, required: false
  private _fieldMappings = new ClickpipeFieldMappingsList(this, "field_mappings", false);
  public get fieldMappings() {
    return this._fieldMappings;
  }
  public putFieldMappings(value: ClickpipeFieldMappings[] | cdktf.IResolvable) {
    this._fieldMappings.internalValue = value;
  }
  public resetFieldMappings() {
    this._fieldMappings.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get fieldMappingsInput() {
    return this._fieldMappings.internalValue;
  }

  // destination - computed: false, optional: false, required: true
  private _destination = new ClickpipeDestinationOutputReference(this, "destination");
  public get destination() {
    return this._destination;
  }
  public putDestination(value: ClickpipeDestination) {
    this._destination.internalValue = value;
  }
  // Temporarily expose input value. Use with caution.
  public get destinationInput() {
    return this._destination.internalValue;
  }

  // source - computed: false, optional: false, required: true
  private _source = new ClickpipeSourceOutputReference(this, "source");
  public get source() {
    return this._source;
  }
  public putSource(value: ClickpipeSource) {
    this._source.internalValue = value;
  }
  // Temporarily expose input value. Use with caution.
  public get sourceInput() {
    return this._source.internalValue;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      service_id: cdktf.stringToTerraform(this._serviceId),
      name: cdktf.stringToTerraform(this._name),
      stopped: cdktf.booleanToTerraform(this._stopped),
      trigger_resync: cdktf.booleanToTerraform(this._triggerResync),
      settings: cdktf.hashMapper(cdktf.anyToTerraform)(this._settings),
      scaling: clickpipeScalingToTerraform(this._scaling.internalValue),
      field_mappings: cdktf.listMapper(clickpipeFieldMappingsToTerraform, false)(this._fieldMappings.internalValue),
      destination: clickpipeDestinationToTerraform(this._destination.internalValue),
      source: clickpipeSourceToTerraform(this._source.internalValue),
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
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      stopped: {
        value: cdktf.booleanToHclTerraform(this._stopped),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      trigger_resync: {
        value: cdktf.booleanToHclTerraform(this._triggerResync),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      settings: {
        value: cdktf.hashMapperHcl(cdktf.anyToHclTerraform)(this._settings),
        isBlock: false,
        type: "map",
        storageClassType: "anyMap",
      },
      scaling: {
        value: clickpipeScalingToHclTerraform(this._scaling.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ClickpipeScaling",
      },
      field_mappings: {
        value: cdktf.listMapperHcl(clickpipeFieldMappingsToHclTerraform, false)(this._fieldMappings.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "ClickpipeFieldMappingsList",
      },
      destination: {
        value: clickpipeDestinationToHclTerraform(this._destination.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ClickpipeDestination",
      },
      source: {
        value: clickpipeSourceToHclTerraform(this._source.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ClickpipeSource",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
