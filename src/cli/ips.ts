/**
 * `cdktf-clickpipes ips`: print the embedded ClickPipes IP table, or (`--check`) compare it with
 * ClickHouse Cloud's endpoints API document so a scheduled job notices when an address moves.
 * Exit 0 printed / they agree, 1 they differ (one line per difference), 2 called wrongly or the
 * document could not be read (one line). Never loads cdktf.
 */
import { escapeOneLine } from "../util/text-file";
import { jsonText } from "../util/markdown";
import { redactUrlText } from "../net/http";
import { compareWithTable, STATIC_IPS_URL } from "../model/clickpipes-ips-document";
import { CLICKPIPES_IP_TABLE_VERSION } from "../model/clickpipes-ips";
import { CloudProvider } from "../model/types";
import { DEFAULT_TIMEOUT_SECONDS, isUrl, readDocument } from "../ips/read";
import { formatTable, IpsCheckReport, IpsReport, tableReport } from "../ips/report";
import type { CommandModule } from "./main";
import { CommandDoc, expectPositionals, fileProblem, runCommand, UsageError } from "./args";

export const IPS_DOC: CommandDoc = {
  command: "ips",
  usage: "[--cloud <cloud>] [--region <region>] [--json] [--check <file-or-URL> [--timeout <seconds>]]",
  description: `Prints the ClickPipes static IP table this version embeds (table ${CLICKPIPES_IP_TABLE_VERSION}): one line per cloud/region with its addresses. With --check, compares it with ClickHouse Cloud's endpoints API document (${STATIC_IPS_URL}, field clickpipes_egress_ips) so a scheduled job notices when an address moves.`,
  options: [
    { name: "--check", value: "<file-or-URL>", description: "compare the table with the document: a downloaded copy or an http(s) URL; one line per difference" },
    {
      name: "--timeout",
      value: "<seconds>",
      description: `deadline of a URL read (default ${DEFAULT_TIMEOUT_SECONDS}); HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured (CONNECT through an http:// proxy)`,
    },
    { name: "--cloud", value: "<cloud>", description: `only this cloud (${Object.values(CloudProvider).join(", ")})` },
    { name: "--region", value: "<region>", description: "only this region" },
    { name: "--json", description: "JSON (schemas/ips-report.schema.json)" },
  ],
  exitCodes: [
    [0, "printed, or the table and the document agree"],
    [1, "they differ"],
    [2, "called wrongly, or the document is unreadable, not JSON, wrongly shaped or unreachable"],
  ],
  examples: [`cdktf-clickpipes ips --check ${STATIC_IPS_URL}`],
};

/** One line for a terminal: every control character escaped, line feeds and tabs too, reordering characters as \u{NNNN}. */
function line(text: string): string {
  return escapeOneLine(text.replace(/\n/g, "\\x0a").replace(/\t/g, "\\x09")) + "\n";
}

export async function runIps(
  args: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  const fail = (problem: string) => (err.write(line(`cdktf-clickpipes ips: ${problem}`)), 2);
  return runCommand(IPS_DOC, args, { out, err }, async (parsed) => {
    expectPositionals(parsed.positionals, 0, 0, "no arguments but options");
    const v = parsed.values as { check?: string; timeout?: string; cloud?: string; region?: string; json?: boolean };
    const clouds = Object.values(CloudProvider) as string[];
    if (v.cloud !== undefined && !clouds.includes(v.cloud)) return fail(`--cloud ${JSON.stringify(v.cloud)} is not one of ${clouds.join(", ")}`);
    let timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
    if (v.timeout !== undefined) {
      if (v.check === undefined) throw new UsageError("--timeout needs --check");
      timeoutSeconds = Number(v.timeout);
      if (!/^\d+(\.\d+)?$/.test(v.timeout) || !(timeoutSeconds > 0) || timeoutSeconds > 600) return fail(`--timeout ${JSON.stringify(v.timeout)} is not a number of seconds from 0 to 600`);
    }
    const filter = { cloud: v.cloud, region: v.region };
    const table = tableReport(filter);
    // With --check, a region the table lacks is worth comparing (the document may list it).
    if (v.region !== undefined && table.regions.length === 0 && v.check === undefined) {
      return fail(`--region ${JSON.stringify(v.region)} is not in the table${v.cloud ? ` for ${v.cloud}` : ""} (run "cdktf-clickpipes ips" for the list)`);
    }
    if (v.check === undefined) {
      out.write(v.json ? jsonText(table satisfies IpsReport) + "\n" : formatTable(table));
      return 0;
    }
    if (v.check === "") return fail("--check needs a file or an http(s) URL");
    // A URL is shown by scheme, host and path only: its userinfo and query may hold credentials.
    const shown = isUrl(v.check) ? redactUrlText(v.check) : v.check;
    const read = await readDocument(v.check, { timeoutSeconds, env });
    if (!read.ok) return fail(fileProblem("--check", shown, read.problem));
    const differences = compareWithTable(read.regions, filter);
    const report: IpsCheckReport = { kind: "check", tableVersion: CLICKPIPES_IP_TABLE_VERSION, document: shown, agree: differences.length === 0, differences };
    if (v.json) out.write(jsonText(report satisfies IpsReport) + "\n");
    else if (report.agree) out.write(line(`the table (${CLICKPIPES_IP_TABLE_VERSION}) and ${shown} agree`));
    else out.write(differences.map((d) => line(d.line)).join(""));
    return report.agree ? 0 : 1;
  });
}

export const IPS_COMMAND: CommandModule = {
  run: (a) => runIps(a),
};
