import { AWS_ENGINE_MAJORS, AWS_ENGINE_NAMES } from "../../aws";
import { AwsEngine, AwsSourceSpec } from "../../aws-types";
import { Rule } from "../../validation";

/** The engine must have a parameter group family for the major (Aurora/RDS: 12-18; 19 is refused until AWS ships its family). */
export function engineMajorRule(engine: AwsEngine): Rule<AwsSourceSpec> {
  const majors = AWS_ENGINE_MAJORS[engine];
  return {
    id: "engine-major",
    summary: `postgresVersion is a major ${AWS_ENGINE_NAMES[engine]} has a parameter group family for (${majors.join(", ")})`,
    check: (s) =>
      majors.includes(s.postgresVersion)
        ? []
        : [
            {
              field: "postgresVersion",
              value: s.postgresVersion,
              allowed: `one of ${majors.join(", ")} (${AWS_ENGINE_NAMES[engine]} parameter group families ${engine}${majors[0]} ... ${engine}${majors[majors.length - 1]})`,
            },
          ],
  };
}
