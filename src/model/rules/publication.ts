import { PostgresSourceSpec, PublishOperation } from "../types";
import { Rule, RuleFinding } from "../validation";

/** publish operations are known and unique; publish_via_partition_root needs PostgreSQL 13+. */
export const publicationRule: Rule<PostgresSourceSpec> = {
  id: "publication",
  summary: "publication.operations are known and non-empty; publishViaPartitionRoot needs PostgreSQL 13+",
  check: (s) => {
    const out: RuleFinding[] = [];
    const p = s.publication;
    if (p?.publishViaPartitionRoot === true && s.postgresVersion === 12) {
      out.push({ field: "publication.publishViaPartitionRoot", value: true, allowed: "false or unset on PostgreSQL 12 (the option exists from 13 on)" });
    }
    if (p?.operations !== undefined) {
      const known = Object.values(PublishOperation) as string[];
      if (!Array.isArray(p.operations) || p.operations.length === 0) {
        out.push({ field: "publication.operations", value: p.operations, allowed: `a non-empty list of ${known.join(", ")}` });
      } else {
        p.operations.forEach((o, i) => {
          if (!known.includes(o)) out.push({ field: `publication.operations[${i}]`, value: o, allowed: `one of ${known.join(", ")}` });
          else if (p.operations!.indexOf(o) !== i) out.push({ field: `publication.operations[${i}]`, value: o, allowed: "each operation once" });
        });
      }
    }
    return out;
  },
};
