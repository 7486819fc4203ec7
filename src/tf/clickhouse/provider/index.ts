// https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface ClickhouseProviderConfig {
  /**
  * ClickHouse Cloud OpenAPI URL (env CLICKHOUSE_API_URL). Leave unset for the public API.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs#api_url ClickhouseProvider#api_url}
  */
  readonly apiUrl?: string;
  /**
  * API key of a self-hosted ClickStack API (env CLICKSTACK_API_KEY).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs#clickstack_api_key ClickhouseProvider#clickstack_api_key}
  */
  readonly clickstackApiKey?: string;
  /**
  * Endpoint of a self-hosted ClickStack API (env CLICKSTACK_ENDPOINT).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs#clickstack_endpoint ClickhouseProvider#clickstack_endpoint}
  */
  readonly clickstackEndpoint?: string;
  /**
  * ClickHouse Cloud service running managed ClickStack (env CLICKSTACK_SERVICE_ID).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs#clickstack_service_id ClickhouseProvider#clickstack_service_id}
  */
  readonly clickstackServiceId?: string;
  /**
  * ClickHouse Cloud organization ID (env CLICKHOUSE_ORG_ID).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs#organization_id ClickhouseProvider#organization_id}
  */
  readonly organizationId?: string;
  /**
  * HTTP client timeout in seconds.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs#timeout_seconds ClickhouseProvider#timeout_seconds}
  */
  readonly timeoutSeconds?: number;
  /**
  * API key ID (env CLICKHOUSE_CLOUD_API_KEY).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs#token_key ClickhouseProvider#token_key}
  */
  readonly tokenKey?: string;
  /**
  * API key secret (env CLICKHOUSE_CLOUD_API_SECRET).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs#token_secret ClickhouseProvider#token_secret}
  */
  readonly tokenSecret?: string;
  /**
  * Alias name
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs#alias ClickhouseProvider#alias}
  */
  readonly alias?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs clickhouse}
*/
export class ClickhouseProvider extends cdktf.TerraformProvider {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "clickhouse";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a ClickhouseProvider resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the ClickhouseProvider to import
  * @param importFromId The id of the existing ClickhouseProvider that should be imported. Refer to the {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the ClickhouseProvider to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "clickhouse", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/clickhouse/clickhouse/3.25.3/docs clickhouse} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options ClickhouseProviderConfig = {}
  */
  public constructor(scope: Construct, id: string, config: ClickhouseProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'clickhouse',
      terraformGeneratorMetadata: {
        providerName: 'clickhouse',
        providerVersion: '3.25.3',
        providerVersionConstraint: '3.25.3'
      },
      terraformProviderSource: 'clickhouse/clickhouse'
    });
    this._apiUrl = config.apiUrl;
    this._clickstackApiKey = config.clickstackApiKey;
    this._clickstackEndpoint = config.clickstackEndpoint;
    this._clickstackServiceId = config.clickstackServiceId;
    this._organizationId = config.organizationId;
    this._timeoutSeconds = config.timeoutSeconds;
    this._tokenKey = config.tokenKey;
    this._tokenSecret = config.tokenSecret;
    this._alias = config.alias;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // api_url - computed: false, optional: true, required: false
  private _apiUrl?: string; 
  public get apiUrl() {
    return this._apiUrl;
  }
  public set apiUrl(value: string | undefined) {
    this._apiUrl = value;
  }
  public resetApiUrl() {
    this._apiUrl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get apiUrlInput() {
    return this._apiUrl;
  }

  // clickstack_api_key - computed: false, optional: true, required: false
  private _clickstackApiKey?: string; 
  public get clickstackApiKey() {
    return this._clickstackApiKey;
  }
  public set clickstackApiKey(value: string | undefined) {
    this._clickstackApiKey = value;
  }
  public resetClickstackApiKey() {
    this._clickstackApiKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get clickstackApiKeyInput() {
    return this._clickstackApiKey;
  }

  // clickstack_endpoint - computed: false, optional: true, required: false
  private _clickstackEndpoint?: string; 
  public get clickstackEndpoint() {
    return this._clickstackEndpoint;
  }
  public set clickstackEndpoint(value: string | undefined) {
    this._clickstackEndpoint = value;
  }
  public resetClickstackEndpoint() {
    this._clickstackEndpoint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get clickstackEndpointInput() {
    return this._clickstackEndpoint;
  }

  // clickstack_service_id - computed: false, optional: true, required: false
  private _clickstackServiceId?: string; 
  public get clickstackServiceId() {
    return this._clickstackServiceId;
  }
  public set clickstackServiceId(value: string | undefined) {
    this._clickstackServiceId = value;
  }
  public resetClickstackServiceId() {
    this._clickstackServiceId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get clickstackServiceIdInput() {
    return this._clickstackServiceId;
  }

  // organization_id - computed: false, optional: true, required: false
  private _organizationId?: string; 
  public get organizationId() {
    return this._organizationId;
  }
  public set organizationId(value: string | undefined) {
    this._organizationId = value;
  }
  public resetOrganizationId() {
    this._organizationId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get organizationIdInput() {
    return this._organizationId;
  }

  // timeout_seconds - computed: false, optional: true, required: false
  private _timeoutSeconds?: number; 
  public get timeoutSeconds() {
    return this._timeoutSeconds;
  }
  public set timeoutSeconds(value: number | undefined) {
    this._timeoutSeconds = value;
  }
  public resetTimeoutSeconds() {
    this._timeoutSeconds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeoutSecondsInput() {
    return this._timeoutSeconds;
  }

  // token_key - computed: false, optional: true, required: false
  private _tokenKey?: string; 
  public get tokenKey() {
    return this._tokenKey;
  }
  public set tokenKey(value: string | undefined) {
    this._tokenKey = value;
  }
  public resetTokenKey() {
    this._tokenKey = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tokenKeyInput() {
    return this._tokenKey;
  }

  // token_secret - computed: false, optional: true, required: false
  private _tokenSecret?: string; 
  public get tokenSecret() {
    return this._tokenSecret;
  }
  public set tokenSecret(value: string | undefined) {
    this._tokenSecret = value;
  }
  public resetTokenSecret() {
    this._tokenSecret = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tokenSecretInput() {
    return this._tokenSecret;
  }

  // alias - computed: false, optional: true, required: false
  private _alias?: string; 
  public get alias() {
    return this._alias;
  }
  public set alias(value: string | undefined) {
    this._alias = value;
  }
  public resetAlias() {
    this._alias = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get aliasInput() {
    return this._alias;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      api_url: cdktf.stringToTerraform(this._apiUrl),
      clickstack_api_key: cdktf.stringToTerraform(this._clickstackApiKey),
      clickstack_endpoint: cdktf.stringToTerraform(this._clickstackEndpoint),
      clickstack_service_id: cdktf.stringToTerraform(this._clickstackServiceId),
      organization_id: cdktf.stringToTerraform(this._organizationId),
      timeout_seconds: cdktf.numberToTerraform(this._timeoutSeconds),
      token_key: cdktf.stringToTerraform(this._tokenKey),
      token_secret: cdktf.stringToTerraform(this._tokenSecret),
      alias: cdktf.stringToTerraform(this._alias),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      api_url: {
        value: cdktf.stringToHclTerraform(this._apiUrl),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      clickstack_api_key: {
        value: cdktf.stringToHclTerraform(this._clickstackApiKey),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      clickstack_endpoint: {
        value: cdktf.stringToHclTerraform(this._clickstackEndpoint),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      clickstack_service_id: {
        value: cdktf.stringToHclTerraform(this._clickstackServiceId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      organization_id: {
        value: cdktf.stringToHclTerraform(this._organizationId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      timeout_seconds: {
        value: cdktf.numberToHclTerraform(this._timeoutSeconds),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      token_key: {
        value: cdktf.stringToHclTerraform(this._tokenKey),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      token_secret: {
        value: cdktf.stringToHclTerraform(this._tokenSecret),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      alias: {
        value: cdktf.stringToHclTerraform(this._alias),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
