import { HostProfile } from "../host-profiles";
import { PostgresSourceSpec } from "../types";
import { Rule } from "../validation";

/**
 * What a host may hold: a DNS name (letters, digits, `.`, `-`, `_`) or an IP address (IPv6 with `:`).
 * cyrilgdn/postgresql 1.26.0 puts the host unescaped into its connection URL (`config.go`,
 * `(*Config).connStr`: only user and password are escaped), so `?`, `#`, `@`, `%`, `'`, `\` or
 * whitespace would rewrite the URL (`db?sslmode=disable` turns TLS off); `/` would be a path.
 */
const HOST_CHARS = /^[A-Za-z0-9._:-]+$/;

/**
 * The provider wants the host address alone: no port, scheme, path or URL characters. A
 * `clickhouse-managed` source takes its host from the Managed Postgres service (rule
 * `host-managed-postgres` refuses a `host` there).
 */
export const hostRule: Rule<PostgresSourceSpec> = {
  id: "host",
  summary: "host is a non-empty DNS name or IP address: no port, scheme, path, spaces or URL characters",
  check: (s) => {
    const h = s.host;
    if (h === undefined && (s as { hostProfile?: unknown }).hostProfile === HostProfile.CLICKHOUSE_MANAGED) return [];
    const ok = typeof h === "string" && HOST_CHARS.test(h) && !/^[^:]+:\d+$/.test(h);
    return ok
      ? []
      : [
          {
            field: "host",
            value: h,
            allowed:
              "a host name or IP address of letters, digits, '.', '-', '_' and ':' (IPv6) only, without port (the port goes in port), scheme, path or spaces (the provider puts the host unescaped into its connection URL)",
          },
        ];
  },
};
