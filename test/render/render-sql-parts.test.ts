/**
 * The parts of the SQL preview folder and the modules shared since the split (issue 13 item 6):
 * the renderer table, the one stack-JSON reader (render and verify), the one quoting module, the
 * thresholds defined once, and the one file-tree walker.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listFiles, readTree } from "../../src/util/file-tree";
import { quoteIdent, quoteIdentIfNeeded, quoteLiteral, quoteLiteralEscaped, quoteTableName } from "../../src/model/quoting";
import * as thresholds from "../../src/model/thresholds";
import { RENDERED_RESOURCE_TYPES, renderContext, renderResource, renderStackSql, RESOURCE_RENDERERS, StackReadError, Unrenderable } from "../../src/render/sql";
import { crc32, providerSetOrder } from "../../src/render/sql/provider-set";
import { readStackJson } from "../../src/synth-output/stack-json";
import { findStackFile, readStack } from "../../src/verify/stack";
import { CLICKPIPES_WAL_SENDER_TIMEOUT_MS, MIN_SLOT_WAL_KEEP_SIZE_MB } from "../../src/verify";
import { parse, synthGeneric } from "../support/helpers";

const ROOT = path.resolve(__dirname, "..", "..");

describe("renderer table", () => {
  it("has one renderer per rendered resource type, and renderStackSql uses exactly its statements", () => {
    expect(Object.keys(RESOURCE_RENDERERS).sort()).toEqual([...RENDERED_RESOURCE_TYPES].sort());
    const json = parse(synthGeneric());
    const r = renderStackSql(json);
    // The role has only literals and a ${var.X} password: it renders without the rest of the stack.
    const [[name, attrs]] = Object.entries(json.resource!.postgresql_role);
    const ctx = renderContext();
    const lines = renderResource("postgresql_role", attrs, ctx);
    expect(lines.length).toBeGreaterThan(3);
    expect(r.sql).toContain(`-- postgresql_role.${name}`);
    // The assembly adds the password carrying around the renderer's statements, in their order.
    const block = r.sql
      .slice(r.sql.indexOf(`-- postgresql_role.${name}`))
      .split("\n\n")[0]
      .split("\n");
    let at = 0;
    for (const line of lines.join("\n").split("\n")) {
      const found = block.indexOf(line, at);
      expect(found, line).toBeGreaterThanOrEqual(at);
      at = found + 1;
    }
    expect([...ctx.variables]).toEqual(["clickpipes_password"]);
  });

  it("renders one resource from its attributes alone: (type, attributes) -> statements", () => {
    expect(renderResource("postgresql_grant_role", { role: "cp", grant_role: "rds_replication" })).toEqual([
      expect.stringMatching(/^-- mirrors resourcePostgreSQLGrantRoleCreate\(\)/),
      expect.stringMatching(/^-- then grantRole\(\)/),
      expect.stringMatching(/^-- "WARNING: role \.\.\. has not been granted membership/),
      "BEGIN;",
      "SET LOCAL client_min_messages = error;",
      'REVOKE "rds_replication" FROM "cp";',
      'GRANT "rds_replication" TO "cp";',
      "COMMIT;",
    ]);
  });

  it("refuses an unknown type and a reference it cannot resolve without the stack", () => {
    expect(() => renderResource("postgresql_extension", { name: "x" })).toThrow(Unrenderable);
    expect(() => renderResource("postgresql_extension", { name: "x" })).toThrow("resource type postgresql_extension is not rendered by this preview");
    expect(() => renderResource("postgresql_grant_role", { role: "${postgresql_role.r.name}", grant_role: "g" })).toThrow(
      /role references \$\{postgresql_role\.r\.name\}, which is not a literal attribute of a resource in this stack/,
    );
  });
});

describe("one stack-JSON reader", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "stack-json-"));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("is what both the SQL preview and verify read a stack directory with", () => {
    const dir = path.join(tmp, "one");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "cdk.tf.json"), synthGeneric());
    const { file, json } = readStackJson(dir);
    expect(file).toBe(path.join(dir, "cdk.tf.json"));
    expect(findStackFile(dir)).toBe(file);
    expect(readStack(dir).publication).toBe("clickpipes_publication");
    expect(renderStackSql(dir).sql).toBe(renderStackSql(json).sql);
  });

  it("finds the one stack of a cdktf.out only when asked, and names every stack when there are several", () => {
    const out = path.join(tmp, "cdktf.out");
    fs.mkdirSync(path.join(out, "stacks", "a"), { recursive: true });
    fs.writeFileSync(path.join(out, "stacks", "a", "cdk.tf.json"), synthGeneric());
    expect(readStackJson(out, { outDir: true }).file).toBe(path.join(out, "stacks", "a", "cdk.tf.json"));
    expect(() => readStackJson(out)).toThrow(expect.objectContaining({ kind: "unreadable" }));
    fs.mkdirSync(path.join(out, "stacks", "b"));
    fs.writeFileSync(path.join(out, "stacks", "b", "cdk.tf.json"), synthGeneric());
    let err: unknown;
    try {
      readStackJson(out, { outDir: true });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StackReadError);
    expect(err).toMatchObject({ kind: "ambiguous", stacks: [path.join(out, "stacks", "a"), path.join(out, "stacks", "b")] });
    expect(() => readStack(out)).toThrow(`--stack: "${out}" holds 2 stacks; name one: ${path.join(out, "stacks", "a")}, ${path.join(out, "stacks", "b")}`);
  });

  it("gives each failure a kind; verify words it as before", () => {
    const bad = path.join(tmp, "bad.json");
    fs.writeFileSync(bad, "{ nope");
    expect(() => readStackJson(bad)).toThrow(expect.objectContaining({ kind: "invalid-json", file: bad }));
    expect(() => readStack(bad)).toThrow(new RegExp(`^--stack: ${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is not readable JSON: `));
    const arr = path.join(tmp, "arr.json");
    fs.writeFileSync(arr, "[]");
    expect(() => readStackJson(arr)).toThrow(expect.objectContaining({ kind: "not-object" }));
    expect(() => readStack(arr)).toThrow(`--stack: ${arr} is not a Terraform JSON object`);
    expect(() => readStackJson(path.join(tmp, "missing"))).toThrow(expect.objectContaining({ kind: "not-found" }));
    expect(() => readStack(path.join(tmp, "missing"))).toThrow(/missing: no such file or folder; allowed: a cdk.tf.json, its directory, or a cdktf.out directory with one stack$/);
    const empty = path.join(tmp, "empty");
    fs.mkdirSync(empty);
    expect(() => readStack(empty)).toThrow(`--stack: no cdk.tf.json in "${empty}"`);
    // verify reads any JSON object (no terraform block needed); the SQL preview wants a synthesized stack.
    const noBlock = path.join(tmp, "noblock.json");
    fs.writeFileSync(noBlock, JSON.stringify({ resource: { postgresql_role: { r: { name: "cp" } } } }));
    expect(readStack(noBlock).user).toBe("cp");
    expect(() => readStackJson(noBlock)).toThrow(expect.objectContaining({ kind: "not-stack" }));
  });
});

describe("one quoting module", () => {
  it("quotes identifiers and literals by PostgreSQL's rules", () => {
    expect(quoteIdent('we"ird')).toBe('"we""ird"');
    expect(quoteIdent("a\0b")).toBe('"ab"');
    expect(quoteIdentIfNeeded("orders")).toBe("orders");
    expect(quoteIdentIfNeeded("Orders")).toBe('"Orders"');
    expect(quoteLiteral("O'Brien \\n")).toBe("'O''Brien \\n'");
    expect(quoteLiteralEscaped("O'Brien \\n")).toBe("E'O''Brien \\\\n'");
    expect(quoteLiteralEscaped("plain")).toBe("'plain'");
    expect(quoteTableName('s."t"')).toBe('"s"."""t"""');
  });

  it("is the only place in src/ that doubles quotes", () => {
    const offenders = listFiles(path.join(ROOT, "src"))
      .filter((f) => f.endsWith(".ts") && !f.startsWith("model/quoting/") && !f.startsWith("tf/clickhouse/"))
      .filter((f) => /\.replace\(\/['"]\/g, ["'](''|"")["']\)/.test(fs.readFileSync(path.join(ROOT, "src", f), "utf8")));
    expect(offenders).toEqual([]);
  });
});

describe("thresholds defined once", () => {
  it("verify's floors are the model's thresholds", () => {
    expect(MIN_SLOT_WAL_KEEP_SIZE_MB).toBe(thresholds.RECOMMENDED_MAX_SLOT_WAL_KEEP_SIZE_MB);
    expect(CLICKPIPES_WAL_SENDER_TIMEOUT_MS).toBe(thresholds.CLICKPIPES_WAL_SENDER_TIMEOUT_MS);
  });

  it("no threshold value is written out anywhere else in src/", () => {
    const values = (Object.values(thresholds) as unknown[]).filter((v): v is number => typeof v === "number" && v >= 1000).map(String);
    const offenders: string[] = [];
    for (const f of listFiles(path.join(ROOT, "src")).filter((f) => f.endsWith(".ts") && f !== "model/thresholds.ts" && !f.startsWith("tf/clickhouse/"))) {
      const text = fs.readFileSync(path.join(ROOT, "src", f), "utf8").replace(/\/\*\*?[\s\S]*?\*\/|\/\/[^\n]*/g, "");
      for (const v of values) if (new RegExp(`\\b${v}\\b`).test(text)) offenders.push(`${f}: ${v}`);
    }
    expect(offenders).toEqual([]);
  });
});

describe("one file-tree walker", () => {
  it("lists files sorted, as POSIX paths, and reads their bytes", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "file-tree-"));
    try {
      fs.mkdirSync(path.join(dir, "b", "c"), { recursive: true });
      fs.writeFileSync(path.join(dir, "b", "c", "x.txt"), "x");
      fs.writeFileSync(path.join(dir, "B.txt"), "B");
      fs.writeFileSync(path.join(dir, "a.txt"), "a");
      expect(listFiles(dir)).toEqual(["B.txt", "a.txt", "b/c/x.txt"]);
      expect([...readTree(dir)].map(([f, b]) => `${f}=${b.toString()}`)).toEqual(["B.txt=B", "a.txt=a", "b/c/x.txt=x"]);
      expect(listFiles(path.join(dir, "missing"))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is the only recursive walker in src/, scripts/ and test/", () => {
    const roots = ["src", "scripts", "test"];
    const offenders: string[] = [];
    for (const r of roots) {
      for (const f of listFiles(path.join(ROOT, r)).filter((f) => f.endsWith(".ts"))) {
        const rel = `${r}/${f}`;
        if (rel === "src/util/file-tree.ts" || rel === "test/render/render-sql-parts.test.ts") continue;
        // A recursive readdirSync, or a directory entry handed to a walk of its own.
        if (/readdirSync\([^)]*recursive|isDirectory\(\)\)\s*\w+\(/.test(fs.readFileSync(path.join(ROOT, r, f), "utf8"))) offenders.push(rel);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe("the provider's set order", () => {
  it("is CRC-32 (IEEE) of each element, keys compared as decimal text (terraform-plugin-sdk Set.List())", () => {
    expect(crc32("123456789")).toBe(0xcbf43926); // the standard check value
    expect(crc32("SELECT")).toBe(3138006342);
    expect(crc32("public.customers")).toBe(1459583750); // sorts before 666868928 as text, after it as a number
    expect(providerSetOrder(["USAGE", "public.customers", "SELECT", "USAGE"])).toEqual(["public.customers", "SELECT", "USAGE"]);
  });

  it("orders what the provider joins from a set: privileges, objects, publication tables", () => {
    const g = renderResource("postgresql_grant", { role: "r", database: "db", schema: "s", object_type: "table", objects: ["b", "a"], privileges: ["UPDATE", "SELECT", "INSERT"] });
    const privs = providerSetOrder(["UPDATE", "SELECT", "INSERT"]).join(",");
    const objs = providerSetOrder(["b", "a"])
      .map((o) => `"s"."${o}"`)
      .join(",");
    expect(g).toContain(`GRANT ${privs} ON TABLE ${objs} TO "r";`);
    const p = renderResource("postgresql_publication", { name: "p", database: "db", tables: ["public.orders", "public.customers", "sales.invoices"] }).join("\n");
    const tables = providerSetOrder(["public.orders", "public.customers", "sales.invoices"])
      .map((t) => `'${quoteTableName(t)}'`)
      .join(", ");
    expect(p).toContain(`wanted text[] := ARRAY[${tables}]::text[];`);
  });
});
