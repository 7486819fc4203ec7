import { Construct } from "constructs";
import { TerraformProvider } from "../tf/tf";
import { CloudwatchMetricAlarm } from "../tf/tf-aws";
import { AlarmDefinition } from "../model/cloudwatch-alarms";
import { refuseUnknownProps } from "../model/known-keys";

export interface ClickPipesAlarmsProps {
  /** The alarms to declare (`alarmDefinitions` of `src/model/cloudwatch-alarms.ts`). */
  readonly alarms: readonly AlarmDefinition[];
  /**
   * Provider to use.
   * @default - the stack's default aws provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * CloudWatch alarms on the AWS/RDS replication and storage metrics of an Aurora/RDS source. Construct
 * IDs (public API): one `aws_cloudwatch_metric_alarm` per metric, named by the metric:
 * `OldestReplicationSlotLag`, `ReplicationSlotDiskUsage`, `TransactionLogsDiskUsage`, and
 * `FreeStorageSpace` (RDS) or `FreeLocalStorage` (Aurora). Not pipe-critical: `guard`/`diff` treat
 * changes to them as ordinary.
 */
export class ClickPipesAlarms extends Construct {
  /** The alarms, in table order. */
  public readonly alarms: CloudwatchMetricAlarm[];

  constructor(scope: Construct, id: string, props: ClickPipesAlarmsProps) {
    super(scope, id);
    refuseUnknownProps("ClickPipesAlarms", props, this.node.path);
    this.alarms = props.alarms.map(
      (a) =>
        new CloudwatchMetricAlarm(this, a.id, {
          provider: props.provider,
          alarmName: a.alarmName,
          alarmDescription: a.description,
          namespace: a.namespace,
          metricName: a.metricName,
          statistic: a.statistic,
          comparisonOperator: a.comparisonOperator,
          threshold: a.threshold,
          period: a.periodSeconds,
          evaluationPeriods: a.evaluationPeriods,
          datapointsToAlarm: a.datapointsToAlarm,
          treatMissingData: a.treatMissingData,
          dimensions: { ...a.dimensions },
          alarmActions: a.actions.length > 0 ? [...a.actions] : undefined,
          okActions: a.actions.length > 0 ? [...a.actions] : undefined,
        }),
    );
  }
}
