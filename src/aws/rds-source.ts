import { Construct } from "constructs";
import { DbInstance } from "../tf/tf-aws";
import { AwsEngine } from "../model/aws-types";
import { refuseUnknownProps } from "../model/known-keys";
import { AwsSourceBase, AwsSourceProps, literal, ValidatedAwsSourceProps } from "./aws-source";

export interface RdsSourceProps extends AwsSourceProps {
  /**
   * An RDS for PostgreSQL instance this cdktf app manages: the parameter group is attached to it
   * (`parameter_group_name`), and its ARN, engine version, port and `publicly_accessible` are used,
   * and its `allocated_storage` (a literal) for the free-storage alarm (`alarms.freeStorageSpaceFraction`).
   * @default - an instance managed elsewhere: attach the group named by `parameterGroup.name` yourself
   */
  readonly instance?: DbInstance;
}

/**
 * The AWS side of an Amazon RDS for PostgreSQL (instance) source: a DB parameter group (family
 * `postgres<major>`, the same parameters as Aurora, plus `max_slot_wal_keep_size` when
 * `serverSettings.maxSlotWalKeepSizeMb` is set), and the same network options. Construct IDs: see
 * `AwsSourceBase`.
 */
export class RdsSource extends AwsSourceBase {
  constructor(scope: Construct, id: string, props: RdsSourceProps | ValidatedAwsSourceProps) {
    refuseUnknownProps("validated" in props ? "ValidatedAwsSource" : "RdsSource", props, `${scope.node.path}/${id}`);
    const i = "validated" in props ? undefined : props.instance;
    super(
      scope,
      id,
      AwsEngine.RDS_POSTGRESQL,
      props,
      i
        ? {
            arn: i.arn,
            identifier: i.identifier,
            engineVersion: literal<string>(i.engineVersionInput),
            port: literal<number>(i.portInput),
            publiclyAccessible: literal<boolean>(i.publiclyAccessibleInput) === true,
            allocatedStorageGib: literal<number>(i.allocatedStorageInput),
          }
        : undefined,
    );
    if (i) this.parameterGroup.attachToInstance(i);
  }
}
