import { SUPPORTED_POSTGRES_MAJORS, PostgresSourceSpec } from "../types";
import { Rule } from "../validation";

/** ClickPipes needs PostgreSQL 12 or later; the enum lists the majors we know. */
export const postgresVersionRule: Rule<PostgresSourceSpec> = {
  id: "postgres-version",
  summary: "postgresVersion is a supported PostgreSQL major (12-18)",
  check: (s) =>
    SUPPORTED_POSTGRES_MAJORS.includes(s.postgresVersion)
      ? []
      : [{ field: "postgresVersion", value: s.postgresVersion, allowed: `one of ${SUPPORTED_POSTGRES_MAJORS.join(", ")} (ClickPipes needs PostgreSQL 12 or later)` }],
};
