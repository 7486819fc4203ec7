import { PostgresSourceSpec, SslMode } from "../types";
import { Rule, RuleFinding } from "../validation";

/** Password version is a positive integer; sslmode is a known value. */
export const userRule: Rule<PostgresSourceSpec> = {
  id: "user",
  summary: "user.passwordVersion is a positive integer; sslmode is a libpq sslmode",
  check: (s) => {
    const out: RuleFinding[] = [];
    const v = s.user?.passwordVersion;
    if (v !== undefined && !(typeof v === "number" && Number.isInteger(v) && v >= 1)) {
      out.push({ field: "user.passwordVersion", value: v, allowed: "an integer of at least 1 (bump it to rotate the password)" });
    }
    const modes = Object.values(SslMode) as string[];
    if (s.sslmode !== undefined && !modes.includes(s.sslmode)) {
      out.push({ field: "sslmode", value: s.sslmode, allowed: `one of ${modes.join(", ")}` });
    }
    return out;
  },
};
