import { PostgresSourceSpec } from "../types";
import { Rule } from "../validation";

/** The provider wants the host address alone; `host:port` breaks its connection string. */
export const hostRule: Rule<PostgresSourceSpec> = {
  id: "host",
  summary: "host is a non-empty address without a port or spaces",
  check: (s) => {
    const h = s.host;
    const ok = typeof h === "string" && h.length > 0 && !/\s/.test(h) && !/^[^:]+:\d+$/.test(h) && !h.includes("/");
    return ok ? [] : [{ field: "host", value: h, allowed: "a host name or IP address without port, scheme or spaces (the port goes in port)" }];
  },
};
