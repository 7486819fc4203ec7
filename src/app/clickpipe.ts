import { ClickPipe, ClickPipeSource } from "../clickhouse/clickpipe";
import { ClickhouseProvider, TerraformStack, TerraformVariable } from "../tf/tf";
import { clickPipeId, PROVIDER_IDS, VARIABLE_IDS } from "../model/construct-ids";
import { ValidatedClickPipe } from "../model/validate";

/** Variables of the ClickHouse Cloud API key (an organization-scoped key with ClickPipes rights). */
export const CLICKHOUSE_ORG_VARIABLE = VARIABLE_IDS.CLICKHOUSE_ORGANIZATION_ID;
export const CLICKHOUSE_TOKEN_KEY_VARIABLE = VARIABLE_IDS.CLICKHOUSE_TOKEN_KEY;
export const CLICKHOUSE_TOKEN_SECRET_VARIABLE = VARIABLE_IDS.CLICKHOUSE_TOKEN_SECRET;

export interface StackClickPipeOptions {
  readonly sourceName: string;
  /** ID of the ClickHouse Cloud service (checked by the app rule clickpipe-service-id). */
  readonly serviceId: string;
  /** The pipe spec, validated with the source by `validateApp` (its `type` follows the source kind). */
  readonly validated: ValidatedClickPipe;
  readonly source: ClickPipeSource;
  /** The sensitive ClickPipes password variable's reference (same as the source user's). */
  readonly password: string;
  /** @default - the source's host */
  readonly host?: string;
  readonly privateLink?: { readonly resourceConfigurationId: string; readonly resourceShareArn: string };
  /** User name ClickPipes logs in as. @default - the source role's name */
  readonly username?: string;
  /** IAM role ClickPipes assumes (Aurora/RDS with `iamAuth`). @default - password authentication */
  readonly iamRoleArn?: string;
}

/**
 * Adds the clickhouse provider (configured from variables: `clickhouse_organization_id`,
 * `clickhouse_token_key`, `clickhouse_token_secret`, the last two sensitive) and the pipe, with
 * construct ID `<source name>-clickpipe` (public API).
 */
export function addStackClickPipe(stack: TerraformStack, o: StackClickPipeOptions): ClickPipe {
  addClickHouseProvider(stack);
  return new ClickPipe(stack, clickPipeId(o.sourceName), {
    validated: o.validated,
    source: o.source,
    password: o.password,
    serviceId: o.serviceId,
    host: o.host,
    privateLink: o.privateLink,
    iamRoleArn: o.iamRoleArn,
    username: o.username,
  });
}

/**
 * The clickhouse provider configured from the three variables, once per stack (a pipe, or a
 * ClickHouse Managed Postgres source read by its service ID, needs it).
 */
export function addClickHouseProvider(stack: TerraformStack): void {
  if (stack.node.tryFindChild(PROVIDER_IDS.CLICKHOUSE)) return;
  const variable = (id: string, description: string, sensitive: boolean) => new TerraformVariable(stack, id, { type: "string", sensitive, nullable: false, description }).stringValue;
  new ClickhouseProvider(stack, PROVIDER_IDS.CLICKHOUSE, {
    organizationId: variable(CLICKHOUSE_ORG_VARIABLE, "ClickHouse Cloud organization ID.", false),
    tokenKey: variable(CLICKHOUSE_TOKEN_KEY_VARIABLE, "ClickHouse Cloud API key ID.", true),
    tokenSecret: variable(CLICKHOUSE_TOKEN_SECRET_VARIABLE, "ClickHouse Cloud API key secret.", true),
  });
}
