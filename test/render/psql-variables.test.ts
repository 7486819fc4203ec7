import { describe, expect, it } from "vitest";
import { splitPsqlScript, substitutePsqlVariables } from "../support/harness/psql";

describe("psql variable substitution (test harness)", () => {
  const vars = { pw: "it's", name: 'we"ird', raw: "42", bs: "a\\b" };

  it("substitutes :'x', :\"x\" and :x outside quotes and comments, like psql", () => {
    expect(substitutePsqlVariables("SELECT :'pw', :\"name\", :raw;", vars)).toBe(`SELECT 'it''s', "we""ird", 42;`);
    expect(substitutePsqlVariables("SELECT :'bs';", vars)).toBe("SELECT E'a\\\\b';");
  });

  it("leaves string literals, identifiers, dollar quotes, comments, casts and unknown variables alone", () => {
    const sql = ["SELECT ':''pw''', \":pw\", 1::int, :'nope';", "-- :'pw'", "/* :'pw' /* nested */ :raw */", "DO $body$ BEGIN PERFORM :'pw'; END $body$;", "DO $$ SELECT :raw $$;"].join("\n");
    expect(substitutePsqlVariables(sql, vars)).toBe(sql);
  });

  it("splits at top-level semicolons only", () => {
    const stmts = splitPsqlScript("BEGIN;\nDO $$ BEGIN x; y; END $$;\nSELECT ';' , \";\";\n-- trailing; comment\nCOMMIT;\n", {});
    expect(stmts).toEqual(["BEGIN", "DO $$ BEGIN x; y; END $$", "SELECT ';' , \";\"", "-- trailing; comment\nCOMMIT"]);
  });

  it("refuses backslash meta-commands it does not implement", () => {
    expect(() => splitPsqlScript("SELECT 1;\n\\gexec\n", {})).toThrow(/meta-command not supported/);
  });

  it("runs \\set, \\if :{?name} / \\else / \\endif and \\gset like psql", () => {
    const script = [
      "\\set saved :ECHO",
      "\\set ECHO none",
      "\\if :{?pw}",
      "SELECT 'has pw';",
      "\\else",
      "SELECT 'no pw';",
      "\\endif",
      "SELECT set_config('x.pw', :'pw', true) IS NULL AS unused \\gset",
      "SELECT :'saved', :'ECHO';",
    ].join("\n");
    expect(splitPsqlScript(script, { pw: "s'3" })).toEqual(["SELECT 'has pw'", "SELECT set_config('x.pw', 's''3', true) IS NULL AS unused", "SELECT 'none', 'none'"]);
    expect(splitPsqlScript(script, {})[0]).toBe("SELECT 'no pw'");
  });
});
