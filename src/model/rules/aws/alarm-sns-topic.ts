import { AwsSourceSpec } from "../../aws-types";
import { awsPartition, SNS_TOPIC_ARN } from "../../cloudwatch-alarms";
import { Rule } from "../../validation";

/**
 * The alarms' SNS topic is an SNS topic ARN in the source's partition and region (CloudWatch alarm
 * actions notify a topic of the alarm's own region; the account may differ).
 */
export const alarmSnsTopicRule: Rule<AwsSourceSpec> = {
  id: "alarm-sns-topic",
  summary: "alarms.snsTopicArn is an SNS topic ARN in awsRegion and its partition",
  check: (s) => {
    const arn = s.alarms?.snsTopicArn;
    if (arn === undefined || s.alarms?.enabled === false) return [];
    const region = typeof s.awsRegion === "string" ? s.awsRegion : "<awsRegion>";
    const allowed = `an SNS topic ARN in ${region}: arn:${awsPartition(region)}:sns:${region}:<12-digit account>:<topic>`;
    if (typeof arn !== "string") return [{ field: "alarms.snsTopicArn", value: arn, allowed }];
    const m = SNS_TOPIC_ARN.exec(arn);
    if (m === null || m[1] !== awsPartition(region) || m[2] !== region) return [{ field: "alarms.snsTopicArn", value: arn, allowed }];
    return [];
  },
};
