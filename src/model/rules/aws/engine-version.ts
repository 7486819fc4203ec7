import { engineMajor } from "../../aws";
import { AwsSourceSpec } from "../../aws-types";
import { Rule } from "../../validation";

/** A full engine version must agree with the major the family is derived from. */
export const engineVersionRule: Rule<AwsSourceSpec> = {
  id: "engine-version",
  summary: "engineVersion, when given, is a version like 16.4 whose major equals postgresVersion (the family follows the major)",
  check: (s) => {
    if (s.engineVersion === undefined) return [];
    const major = typeof s.engineVersion === "string" ? engineMajor(s.engineVersion) : undefined;
    if (major === undefined) {
      return [{ field: "engineVersion", value: s.engineVersion, allowed: "a version such as 16.4 (major.minor)" }];
    }
    return major === s.postgresVersion
      ? []
      : [
          {
            field: "engineVersion",
            value: s.engineVersion,
            allowed: `a ${s.postgresVersion}.x version to match postgresVersion ${s.postgresVersion} (the parameter group family follows postgresVersion; set both to the engine's major)`,
          },
        ];
  },
};
