import { PostgresSourceSpec } from "../types";
import { Rule } from "../validation";

export function isPort(p: unknown): boolean {
  return typeof p === "number" && Number.isInteger(p) && p >= 1 && p <= 65535;
}

/** TCP port of the database. */
export const portRangeRule: Rule<PostgresSourceSpec> = {
  id: "port-range",
  summary: "port is an integer from 1 to 65535",
  check: (s) => (s.port === undefined || isPort(s.port) ? [] : [{ field: "port", value: s.port, allowed: "an integer from 1 to 65535" }]),
};
