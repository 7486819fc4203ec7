import { Construct } from "constructs";
import { reportWarnings } from "../tf/annotations";
import { TerraformProvider, Token } from "../tf/tf";
import { AWS_ENGINE_NAMES, awsNamePrefix, rebootNotice, ResolvedAwsSource } from "../model/aws";
import { AwsEngine, AwsNetworkMode, AwsSourceSpec } from "../model/aws-types";
import { requireValidated, validateAwsSource, ValidatedAwsSource } from "../model/validate";
import { alarmDefinitions } from "../model/cloudwatch-alarms";
import { ClickPipesAlarms } from "./cloudwatch-alarms";
import { ClickPipesIpAllowList } from "./ip-allow-list";
import { ClickPipesParameterGroup, ParameterGroupKind } from "./parameter-group";
import { ClickPipesPrivateLink } from "./privatelink";
import { SOURCE_IDS } from "../model/construct-ids";

/** Props every AWS-side source construct takes. */
export interface AwsSourceProps extends AwsSourceSpec {
  /**
   * Provider to use.
   * @default - the stack's default aws provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * Props of an Aurora/RDS source already validated by `validateAwsSource` (or `validateApp`): no
 * second validation. (A cluster or instance this app manages needs the raw props.)
 */
export interface ValidatedAwsSourceProps {
  /** The validated, resolved spec (its engine must be the construct's). */
  readonly validated: ValidatedAwsSource;
  /**
   * Provider to use.
   * @default - the stack's default aws provider
   */
  readonly provider?: TerraformProvider;
}

/** The validated spec of AWS props: the given one (its engine checked), or the raw props validated once. */
export function validatedAwsProps(
  what: string,
  engine: AwsEngine,
  props: AwsSourceSpec | ValidatedAwsSourceProps,
  validate: (engine: AwsEngine, spec: AwsSourceSpec) => ValidatedAwsSource = validateAwsSource,
): ValidatedAwsSource {
  if (!("validated" in props)) return validate(engine, props);
  const v = requireValidated(props.validated, what);
  if (v.value.engine !== engine) throw new TypeError(`${what}: the validated spec is for ${AWS_ENGINE_NAMES[v.value.engine]}, not ${AWS_ENGINE_NAMES[engine]}`);
  return v;
}

/** What the AWS-side construct can see of a cluster or instance the same app manages. */
export interface ManagedDatabaseView {
  /** ARN (a reference). */
  readonly arn: string;
  /** Engine version as configured, when it is a literal. */
  readonly engineVersion?: string;
  /** Port as configured, when it is a literal. */
  readonly port?: number;
  /** True when an instance is configured with `publicly_accessible = true` (a literal). */
  readonly publiclyAccessible: boolean;
  /** The cluster / instance identifier (a reference): the alarms' dimension. */
  readonly identifier?: string;
  /** RDS: `allocated_storage` in GiB, when a literal (the free-storage alarm's relative threshold). */
  readonly allocatedStorageGib?: number;
}

/** The alarms spec with what a managed database tells: its identifier and (RDS) allocated storage, where the spec leaves them unset. */
function withManagedAlarmFacts(alarms: AwsSourceProps["alarms"], managed: ManagedDatabaseView | undefined): AwsSourceProps["alarms"] {
  if (!managed) return alarms;
  const id = managed.identifier !== undefined && alarms?.dbIdentifier === undefined ? { dbIdentifier: managed.identifier } : {};
  const gib = managed.allocatedStorageGib !== undefined && alarms?.allocatedStorageGib === undefined ? { allocatedStorageGib: managed.allocatedStorageGib } : {};
  return Object.keys(id).length + Object.keys(gib).length === 0 ? alarms : { ...alarms, ...id, ...gib };
}

/** The literal value of an input, or undefined when it is unset or a Terraform reference. */
export function literal<T>(value: T | unknown): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "object" || (typeof value === "string" && Token.isUnresolved(value)) || (typeof value === "number" && Token.isUnresolved(value))) {
    return undefined;
  }
  return value as T;
}

/**
 * The AWS side of an Aurora or RDS source (shared by `AuroraSource` and `RdsSource`): the
 * parameter group and the network path ClickPipes takes.
 *
 * Construct IDs below this one (public API): `ParameterGroup` (see `ClickPipesParameterGroup`),
 * by network mode, `IpAllowList` (see `ClickPipesIpAllowList`) or `PrivateLink` (see
 * `ClickPipesPrivateLink`), and `Alarms` (see `ClickPipesAlarms`) unless `alarms.enabled` is false.
 */
export abstract class AwsSourceBase extends Construct {
  public readonly resolved: ResolvedAwsSource;
  public readonly parameterGroup: ClickPipesParameterGroup;
  public readonly ipAllowList?: ClickPipesIpAllowList;
  public readonly privateLink?: ClickPipesPrivateLink;
  /** The CloudWatch alarms, unless `alarms.enabled` is false. */
  public readonly alarms?: ClickPipesAlarms;
  /** What Terraform will not do (the reboot), one sentence. */
  public readonly rebootNotice: string;

  protected constructor(scope: Construct, id: string, engine: AwsEngine, props: AwsSourceProps | ValidatedAwsSourceProps, managed?: ManagedDatabaseView) {
    super(scope, id);
    // What the construct sees of a managed database fills the spec's gaps and is validated with it.
    const spec: AwsSourceSpec | ValidatedAwsSourceProps =
      "validated" in props
        ? props
        : {
            ...props,
            resourceArn: props.resourceArn ?? managed?.arn,
            engineVersion: props.engineVersion ?? managed?.engineVersion,
            port: props.port ?? managed?.port,
            publiclyAccessible: props.publiclyAccessible === true || managed?.publiclyAccessible === true ? true : props.publiclyAccessible,
            alarms: withManagedAlarmFacts(props.alarms, managed),
          };
    const validated = validatedAwsProps(new.target.name, engine, spec);
    reportWarnings(this, validated.takeWarnings());
    this.resolved = validated.value;
    const r = this.resolved;
    const provider = props.provider;

    this.parameterGroup = new ClickPipesParameterGroup(this, SOURCE_IDS.PARAMETER_GROUP, {
      provider,
      kind: engine === AwsEngine.AURORA_POSTGRESQL ? ParameterGroupKind.CLUSTER : ParameterGroupKind.INSTANCE,
      family: r.family,
      parameters: r.parameters,
      namePrefix: awsNamePrefix(r.name, "clickpipes"),
      description: r.parameterGroupDescription,
    });
    this.rebootNotice = rebootNotice(engine);

    if (r.networkMode === AwsNetworkMode.IP_ALLOW_LIST) {
      this.ipAllowList = new ClickPipesIpAllowList(this, SOURCE_IDS.IP_ALLOW_LIST, {
        provider,
        validated,
        namePrefix: awsNamePrefix(r.name, "clickpipes"),
        description: r.clickPipesIps ? `ClickPipes CDC (${r.clickPipesIps.ipRegion} static IP)` : "ClickPipes CDC",
      });
    } else if (r.networkMode === AwsNetworkMode.PRIVATELINK) {
      this.privateLink = new ClickPipesPrivateLink(this, SOURCE_IDS.PRIVATE_LINK, { provider, validated });
    }
    if (r.alarms) this.alarms = new ClickPipesAlarms(this, SOURCE_IDS.ALARMS, { provider, alarms: alarmDefinitions(r.name, engine, r.alarms) });
  }
}
