import { describe, expect, it } from "vitest";
import { parseCidr } from "../../src/model/cidr";
import { alterSystemStatement, confLine } from "../../src/model/quoting/conf";
import { hbaHostLine, quoteHbaField } from "../../src/model/quoting/pg-hba";
import { SOURCE_RULES } from "../../src/model/rules";
import { PostgresSourceSpec } from "../../src/model/types";
import { formatFinding, runRules } from "../../src/model/validation";
import { ingressRuleId } from "../../src/aws/ip-allow-list";
import { genericSource } from "../support/helpers";

function lines(over: Record<string, unknown>): string[] {
  return runRules({ ...genericSource(), ...over } as PostgresSourceSpec, SOURCE_RULES).map(formatFinding);
}

const PLAIN = "a plain lower-case identifier [a-z_][a-z0-9_]* of at most 63 bytes, because the postgresql provider writes it into SQL unquoted";
const ANY = "a non-empty name of at most 63 bytes without dots, newlines or NUL bytes";

describe("identifier model (exact lines)", () => {
  it.each([
    ["Orders_Pub", "has upper case"],
    ["pub; DROP ROLE postgres", 'contains ";"'],
    ["pub-1", 'contains "-"'],
    ["1pub", "starts with a digit"],
    ["pübl", 'contains "ü"'],
    ["p".repeat(64), "is longer than 63 bytes"],
    ['pub"x', 'contains "\\""'],
  ])("publication.name %j: %s", (name, why) => {
    expect(lines({ publication: { name } })).toEqual([`error: source "orders-db": publication.name = ${JSON.stringify(name)} is not allowed: ${PLAIN} (this one ${why}) [identifier]`]);
  });

  it("accepts a 63-byte plain publication name and any PostgreSQL name for existing objects", () => {
    expect(lines({ publication: { name: "p".repeat(63) } })).toEqual([]);
    expect(
      lines({
        database: "My Orders all",
        user: { name: "+Click@Pipes" },
        schemas: [{ name: "Sales; DROP", owners: ["O'Brien", "all"] }],
        tables: ['Sales; DROP.Tab\'le "x"', "public.é"],
      }),
    ).toEqual([]);
  });

  it.each([
    [{ database: 'ord"ers' }, 'database = "ord\\"ers"', 'contains "\\"", which a pg_hba.conf field cannot carry'],
    [
      { database: "orders?sslmode=disable" },
      'database = "orders?sslmode=disable"',
      'contains "?", which the postgresql provider\'s connection URL cannot carry: the provider does not escape the database',
    ],
    [{ database: "a\nb" }, 'database = "a\\nb"', "contains a newline"],
    [{ user: { name: 'click"pipes' } }, 'user.name = "click\\"pipes"', 'contains "\\"", which a pg_hba.conf field cannot carry'],
    [{ user: { name: "a\u0000b" } }, 'user.name = "a\\u0000b"', "contains a NUL byte"],
    [{ tables: ["public.f(x)"] }, 'tables[0] (table part) = "f(x)"', 'contains "(", which a postgresql_grant object cannot carry: the provider quotes only the part before the first ('],
    [
      { tables: [], schemas: [{ name: "it's" }] },
      'schemas[0].name = "it\'s"',
      "contains \"'\", which the postgresql_tables data source cannot carry: a schema-wide publication lists schemas in '...' without escaping",
    ],
  ])("%j", (over, fieldAndValue, why) => {
    expect(lines(over)).toEqual([`error: source "orders-db": ${fieldAndValue} is not allowed: ${ANY} (this one ${why}) [identifier]`]);
  });

  it("allows a quote in a schema name when no data source lists it", () => {
    expect(lines({ schemas: [{ name: "it's" }] })).toEqual([]);
  });
});

describe("pg_hba.conf and postgresql.conf quoting", () => {
  it("quotes keywords, +, @, / and everything not plain", () => {
    expect(["orders", "all", "sameuser", "samerole", "samegroup", "replication", "+admins", "@file", "/^.*$", "Orders", "my orders", "a,b", "#x", "é"].map(quoteHbaField)).toEqual([
      "orders",
      '"all"',
      '"sameuser"',
      '"samerole"',
      '"samegroup"',
      '"replication"',
      '"+admins"',
      '"@file"',
      '"/^.*$"',
      '"Orders"',
      '"my orders"',
      '"a,b"',
      '"#x"',
      '"é"',
    ]);
    expect(() => quoteHbaField('a"b')).toThrow(/double quote/);
    expect(() => quoteHbaField("a\nb")).toThrow(/newline/);
    const p = parseCidr("::ffff:10.0.0.0/104");
    expect(p.ok && hbaHostLine("all", "x", p.cidr, "scram-sha-256")).toBe('host "all" x 10.0.0.0/8 scram-sha-256');
  });

  it("quotes postgresql.conf values and ALTER SYSTEM literals", () => {
    expect(confLine("max_wal_senders", "10")).toBe("max_wal_senders = 10");
    expect(confLine("wal_level", "logical")).toBe("wal_level = 'logical'");
    expect(confLine("x.y", "a'b\\c")).toBe("x.y = 'a''b\\\\c'");
    expect(alterSystemStatement("wal_level", "logical")).toBe("ALTER SYSTEM SET wal_level = 'logical';");
    expect(alterSystemStatement("x.y", "a'b\\c")).toBe("ALTER SYSTEM SET x.y = E'a''b\\\\c';");
    expect(() => confLine("wal_level", "logical\nfsync = off")).toThrow(/newline/);
    expect(() => confLine("Wal Level", "x")).toThrow(/not a plain/);
  });
});

describe("ingress rule IDs", () => {
  it("keep the IDs of canonical inputs and give every spelling the canonical ID", () => {
    expect(ingressRuleId("203.0.113.7/32")).toBe("Ingress-203.0.113.7");
    expect(ingressRuleId("198.51.100.0/24")).toBe("Ingress-198.51.100.0_24");
    expect(ingressRuleId("2001:db8::/48")).toBe("Ingress-2001:db8::_48");
    expect(ingressRuleId("203.000.113.007/32")).toBe("Ingress-203.0.113.7");
    expect(ingressRuleId("::ffff:203.0.113.7/128")).toBe("Ingress-203.0.113.7");
    expect(ingressRuleId("2001:0DB8:0:0::/048")).toBe("Ingress-2001:db8::_48");
  });
});
