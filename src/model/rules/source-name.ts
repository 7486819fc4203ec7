import { PostgresSourceSpec } from "../types";
import { Rule } from "../validation";

export const SOURCE_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;

/** The source name becomes a stack name, a directory and part of every logical ID. */
export const sourceNameRule: Rule<PostgresSourceSpec> = {
  id: "source-name",
  summary: "name is a letter followed by letters, digits, '-' or '_' (at most 63 characters)",
  check: (s) =>
    typeof s.name === "string" && SOURCE_NAME_PATTERN.test(s.name) ? [] : [{ field: "name", value: s.name, allowed: "a letter followed by letters, digits, '-' or '_', at most 63 characters" }],
};
