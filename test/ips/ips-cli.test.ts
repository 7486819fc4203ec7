/**
 * `cdktf-clickpipes ips`: the embedded table printed (text, JSON against the published schema,
 * filters) and `--check` against documents in the Cloud endpoints API's shape, served by a local
 * HTTP server on 127.0.0.1 or read from files: agreeing (exit 0), differing (exit 1, exact lines),
 * and every way a read fails (exit 2, one line): not JSON, wrong shape, 404, redirect loop, a slow
 * server, an oversize body, a directory, a FIFO. A local CONNECT proxy proves HTTP_PROXY/NO_PROXY.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IPS_SCHEMA_PATH, generateIpsSchema } from "../../scripts/gen-ips-schema";
import { runIps } from "../../src/cli/ips";
import { fetchBytes } from "../../src/net/http";
import { CLICKPIPES_IP_TABLE, CLICKPIPES_IP_TABLE_VERSION, compareIp } from "../../src/model/clickpipes-ips";
import type { IpsCheckReport, IpsTableReport } from "../../src/ips/report";
import { validateJsonSchema } from "../support/json-schema";
import { apiDocument } from "../support/static-ips";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cp-ips-"));
let server: http.Server;
let base: string;
const bodies = new Map<string, string>();

beforeAll(async () => {
  const differing = apiDocument();
  const euc = differing.aws!.find((r) => r.region === "eu-central-1")!;
  euc.clickpipes_egress_ips = [...(euc.clickpipes_egress_ips as string[]).filter((ip) => ip !== "3.127.86.90"), "198.51.100.7"];
  differing.aws = differing.aws!.filter((r) => r.region !== "us-west-2");
  differing.aws.push({ region: "xx-test-1", egress_ips: [], clickpipes_egress_ips: ["203.0.113.9"] });
  bodies.set("/agree.json", JSON.stringify(apiDocument()));
  bodies.set("/differ.json", JSON.stringify(differing));
  bodies.set("/not-json", "<html>maintenance</html>");
  bodies.set("/wrong-shape.json", JSON.stringify({ aws: [{ region: "eu-central-1", clickpipes_egress_ips: "18.195.233.217" }] }));
  bodies.set("/escape.json", JSON.stringify({ aws: [{ region: "evil\u001b[31m\u009b1;2\nregion", clickpipes_egress_ips: ["203.0.113.10"] }] }));
  server = http.createServer((req, res) => {
    const url = req.url ?? "/";
    if (bodies.has(url)) return void res.writeHead(200, { "content-type": "application/json" }).end(bodies.get(url));
    if (url === "/loop-a") return void res.writeHead(302, { location: "/loop-b" }).end();
    if (url === "/loop-b") return void res.writeHead(301, { location: "/loop-a" }).end();
    if (url === "/moved") return void res.writeHead(308, { location: "/agree.json" }).end();
    if (url.startsWith("/signed")) return void res.writeHead(302, { location: "/gone?token=redirect-secret-7" }).end();
    if (url === "/slow") return void setTimeout(() => res.writeHead(200).end("{}"), 5000).unref();
    if (url === "/huge-declared") return void res.writeHead(200, { "content-length": String(6 * 1024 * 1024) }).end();
    if (url === "/huge-streamed") {
      res.writeHead(200, { "content-type": "application/json" }); // chunked: no length declared
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 6 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      res.on("error", () => {});
      return void pump();
    }
    return void res.writeHead(404).end("not found");
  });
  // Not a proxy: a CONNECT gets 407.
  server.on("connect", (_req: http.IncomingMessage, socket: net.Socket) => socket.end("HTTP/1.1 407 Proxy Authentication Required\r\n\r\n"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function ips(args: string[], env: Record<string, string | undefined> = {}) {
  let stdout = "";
  let stderr = "";
  const out = { write: (s: string) => ((stdout += s), true) } as unknown as NodeJS.WritableStream;
  const err = { write: (s: string) => ((stderr += s), true) } as unknown as NodeJS.WritableStream;
  const code = await runIps(args, out, err, env);
  return { code, stdout, stderr };
}

const sorted = (list: readonly string[]) => [...list].sort(compareIp);

describe("ips (the embedded table)", () => {
  it("prints one line per cloud/region with its addresses, and the regions that use a default region", async () => {
    const r = await ips([]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toContain(`aws/eu-central-1: ${sorted(CLICKPIPES_IP_TABLE.find((x) => x.region === "eu-central-1")!.ips).join(" ")}`);
    expect(lines).toContain(`aws/eu-west-1 (from 2026-01-20): ${sorted(CLICKPIPES_IP_TABLE.find((x) => x.region === "eu-west-1")!.ips).join(" ")}`);
    expect(lines).toContain("azure/eastus2: uses aws/us-east-2");
    expect(lines).toContain("gcp/europe-west1: uses aws/eu-central-1");
    expect(lines.length).toBe(CLICKPIPES_IP_TABLE.length + 4);
  });

  it("--json follows the published schema; --cloud and --region filter", async () => {
    expect(fs.readFileSync(IPS_SCHEMA_PATH, "utf8")).toBe(generateIpsSchema());
    const schema = JSON.parse(fs.readFileSync(IPS_SCHEMA_PATH, "utf8"));
    const all = await ips(["--json"]);
    const report = JSON.parse(all.stdout) as IpsTableReport;
    expect(validateJsonSchema(schema, report)).toEqual([]);
    expect(report.tableVersion).toBe(CLICKPIPES_IP_TABLE_VERSION);
    const gcp = JSON.parse((await ips(["--json", "--cloud", "gcp"])).stdout) as IpsTableReport;
    expect(new Set(gcp.regions.map((x) => x.cloud))).toEqual(new Set(["gcp"]));
    const one = await ips(["--region", "us-east-2"]);
    expect(one.stdout).toBe(`aws/us-east-2: ${sorted(CLICKPIPES_IP_TABLE.find((x) => x.region === "us-east-2")!.ips).join(" ")}\n`);
  });

  it("refuses an unknown cloud or region, and --timeout without --check, in one line (exit 2)", async () => {
    expect(await ips(["--cloud", "ibm"])).toEqual({ code: 2, stdout: "", stderr: 'cdktf-clickpipes ips: --cloud "ibm" is not one of aws, gcp, azure\n' });
    expect(await ips(["--region", "moon-1"])).toEqual({ code: 2, stdout: "", stderr: 'cdktf-clickpipes ips: --region "moon-1" is not in the table (run "cdktf-clickpipes ips" for the list)\n' });
    expect((await ips(["--timeout", "3"])).stderr).toMatch(/^cdktf-clickpipes ips: --timeout needs --check; run "cdktf-clickpipes ips --help" for the options\n$/);
    expect((await ips(["--check", `${base}/agree.json`, "--timeout", "soon"])).code).toBe(2);
  });
});

describe("ips --check", () => {
  it("exit 0 when a URL's document agrees (other fields, address order and regions without ClickPipes addresses do not matter)", async () => {
    expect(await ips(["--check", `${base}/agree.json`])).toEqual({ code: 0, stdout: `the table (${CLICKPIPES_IP_TABLE_VERSION}) and ${base}/agree.json agree\n`, stderr: "" });
    expect((await ips(["--check", `${base}/moved`])).code).toBe(0);
  });

  it("exit 0 for an agreeing file; a region listed once per cell is the union of its entries", async () => {
    const doc = apiDocument();
    const euc = doc.aws!.find((r) => r.region === "eu-central-1")!;
    const ipsOf = euc.clickpipes_egress_ips as string[];
    doc.aws!.push({ ...euc, cell: "cell1", clickpipes_egress_ips: ipsOf.slice(3) });
    euc.clickpipes_egress_ips = ipsOf.slice(0, 3);
    const file = path.join(tmp, "cells.json");
    fs.writeFileSync(file, JSON.stringify(doc));
    expect((await ips(["--check", file])).code).toBe(0);
  });

  it("exit 1 with each difference on its own line: address added, removed, region missing, region unknown", async () => {
    const usw2 = sorted(CLICKPIPES_IP_TABLE.find((x) => x.region === "us-west-2")!.ips).join(" ");
    const r = await ips(["--check", `${base}/differ.json`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      [
        "aws/eu-central-1: 3.127.86.90 removed (in the table, not in the document)",
        "aws/eu-central-1: 198.51.100.7 added (in the document, not in the table)",
        `aws/us-west-2: missing from the document (it lists no clickpipes_egress_ips there; the table has ${usw2})`,
        "aws/xx-test-1: region unknown to the table (the document lists 203.0.113.9)",
        "",
      ].join("\n"),
    );
    expect(await ips(["--check", `${base}/differ.json`, "--region", "xx-test-1"])).toEqual({
      code: 1,
      stderr: "",
      stdout: "aws/xx-test-1: region unknown to the table (the document lists 203.0.113.9)\n",
    });
    const filtered = await ips(["--check", `${base}/differ.json`, "--region", "eu-central-1"]);
    expect(filtered.stdout.trimEnd().split("\n")).toHaveLength(2);
    const json = await ips(["--check", `${base}/differ.json`, "--json"]);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as IpsCheckReport;
    expect(validateJsonSchema(JSON.parse(fs.readFileSync(IPS_SCHEMA_PATH, "utf8")), report)).toEqual([]);
    expect(report).toMatchObject({ kind: "check", agree: false, document: `${base}/differ.json` });
    expect(report.differences.map((d) => d.kind)).toEqual(["removed", "added", "missing-region", "unknown-region"]);
  });

  it("a default-region region with addresses of its own is a difference; with the default region's, not", async () => {
    const doc = apiDocument();
    const usEast2 = CLICKPIPES_IP_TABLE.find((x) => x.region === "us-east-2")!.ips;
    doc.azure = [
      { region: "eastus2", clickpipes_egress_ips: [...usEast2] },
      { region: "westus3", clickpipes_egress_ips: ["203.0.113.20"] },
    ];
    const file = path.join(tmp, "azure.json");
    fs.writeFileSync(file, JSON.stringify(doc));
    const r = await ips(["--check", file]);
    expect(r).toEqual({ code: 1, stderr: "", stdout: "azure/westus3: the document lists addresses of its own (203.0.113.20); the table uses those of us-east-2\n" });
  });

  it("control characters from the document never reach the terminal raw", async () => {
    const r = await ips(["--check", `${base}/escape.json`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("aws/evil\\x1b[31m\\x9b1;2\\x0aregion: region unknown to the table (the document lists 203.0.113.10)");
    // eslint-disable-next-line no-control-regex
    expect(
      r.stdout
        .replace(/\n$/, "")
        .split("\n")
        .filter((l) => l.startsWith("aws/evil"))[0],
    ).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    const json = await ips(["--check", `${base}/escape.json`, "--json"]);
    expect(json.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect((JSON.parse(json.stdout) as IpsCheckReport).differences.some((d) => d.region === "evil\u001b[31m\u009b1;2\nregion")).toBe(true);
  });

  const one = (code: number, stdout: string, stderr: string) => {
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.endsWith("\n") && stderr.split("\n").length === 2, stderr).toBe(true);
    return stderr.trimEnd();
  };

  it.each([
    ["non-JSON", "/not-json", /^cdktf-clickpipes ips: --check http:\/\/127\.0\.0\.1:\d+\/not-json: not JSON \(.+\)$/],
    [
      "wrongly shaped",
      "/wrong-shape.json",
      /^cdktf-clickpipes ips: --check \S+\/wrong-shape\.json: not a static-ips\.json document: \$\.aws\[0\]\.clickpipes_egress_ips is a string, expected a list of addresses$/,
    ],
    ["404", "/missing", /^cdktf-clickpipes ips: --check \S+\/missing: HTTP 404 from http:\/\/127\.0\.0\.1:\d+\/missing$/],
    ["a redirect loop", "/loop-a", /^cdktf-clickpipes ips: --check \S+\/loop-a: redirect loop: http:\/\/127\.0\.0\.1:\d+\/loop-b leads back to http:\/\/127\.0\.0\.1:\d+\/loop-a$/],
    ["a declared oversize body", "/huge-declared", /: the body is 6291456 bytes, over the limit of 5242880$/],
    ["a streamed oversize body", "/huge-streamed", /: the body is over the limit of 5242880 bytes$/],
  ])("exit 2 in one line for %s", async (_name, route, pattern) => {
    const r = await ips(["--check", `${base}${route}`]);
    expect(one(r.code, r.stdout, r.stderr)).toMatch(pattern);
  });

  it("exit 2 in one line when the server does not answer within --timeout", async () => {
    const started = Date.now();
    const r = await ips(["--check", `${base}/slow`, "--timeout", "0.5"]);
    expect(one(r.code, r.stdout, r.stderr)).toMatch(/\/slow: no complete answer within 0\.5 s$/);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it("exit 2 in one line for an unreachable host, a refused scheme, and wrongly shaped documents (naming the path)", async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(one(...(Object.values(await ips(["--check", `http://127.0.0.1:${port}/x`])) as [number, string, string]))).toMatch(/ECONNREFUSED/);
    expect((await ips(["--check", "ftp://example.com/static-ips.json"])).stderr).toBe(
      "cdktf-clickpipes ips: --check ftp://example.com/static-ips.json: scheme ftp is not supported (https or http only)\n",
    );
    const cases: [unknown, string][] = [
      [[], "$ is a list, expected an object with a list per cloud (aws, gcp, azure)"],
      [{ other: [] }, "$ has none of the cloud lists aws, gcp, azure"],
      [{ aws: [{ region: "x", clickpipes_egress_ips: [] }], notes: ["not", "regions"], version: 3, oci: [{ region: "" }] }, ""],
      [{ aws: {} }, "$.aws is an object, expected a list of regions"],
      [{ aws: ["eu-central-1"] }, "$.aws[0] is a string, expected a region object"],
      [{ gcp: [{ region: "" }] }, "$.gcp[0].region is empty"],
      [{ aws: [{ clickpipes_egress_ips: [] }] }, "$.aws[0].region is missing, expected a region name"],
      [{ aws: [{ region: "x", clickpipes_egress_ips: ["1.2.3"] }] }, '$.aws[0].clickpipes_egress_ips[0] "1.2.3" is not an IP address or network (it has no valid IPv4 address)'],
      [{ aws: [{ region: "x", clickpipes_egress_ips: [7] }] }, "$.aws[0].clickpipes_egress_ips[0] is a number, expected an address"],
    ];
    for (const [doc, problem] of cases) {
      const file = path.join(tmp, "shape.json");
      fs.writeFileSync(file, JSON.stringify(doc));
      // "": other keys, and lists under them that are no cloud's, are not the document's shape to refuse.
      expect((await ips(["--check", file, "--region", "x"])).stderr).toBe(problem ? `cdktf-clickpipes ips: --check ${file}: not a static-ips.json document: ${problem}\n` : "");
    }
    const oci = path.join(tmp, "oci.json");
    fs.writeFileSync(oci, JSON.stringify({ ...apiDocument(), oci: [{ region: "eu-frankfurt-1", clickpipes_egress_ips: ["203.0.113.30"] }] }));
    expect(await ips(["--check", oci])).toEqual({ code: 1, stderr: "", stdout: "oci/eu-frankfurt-1: region unknown to the table (the document lists 203.0.113.30)\n" });
  });

  it("never prints a URL's userinfo or query string: the argument, a redirect's ?token=, --json's document", async () => {
    const port = new URL(base).port;
    // Before: "HTTP 404 from http://127.0.0.1:<port>/gone?token=redirect-secret-7", and the argument as given.
    const r = await ips(["--check", `http://user:pass-secret-3@127.0.0.1:${port}/signed?sig=query-secret-5#frag`]);
    expect(one(r.code, r.stdout, r.stderr)).toBe(`cdktf-clickpipes ips: --check http://127.0.0.1:${port}/signed: HTTP 404 from http://127.0.0.1:${port}/gone`);
    const agree = await ips(["--check", `http://user:pass-secret-3@127.0.0.1:${port}/agree.json#frag`]);
    expect(agree).toEqual({ code: 0, stderr: "", stdout: `the table (${CLICKPIPES_IP_TABLE_VERSION}) and http://127.0.0.1:${port}/agree.json agree\n` });
    const json = await ips(["--check", `http://user:pass-secret-3@127.0.0.1:${port}/agree.json#frag`, "--json"]);
    expect((JSON.parse(json.stdout) as IpsCheckReport).document).toBe(`http://127.0.0.1:${port}/agree.json`);
    for (const out of [r, agree, json].flatMap((x) => [x.stdout, x.stderr])) for (const secret of ["secret", "user:", "frag"]) expect(out).not.toContain(secret);
  });

  it("a file name with a newline or a bidi override stays one line, escaped", async () => {
    const r = await ips(["--check", path.join(tmp, "no\nsuch\u202efile.json")]);
    expect(one(r.code, r.stdout, r.stderr)).toContain("no\\x0asuch\\u{202e}file.json");
  });

  it("refuses a missing file, a directory and a FIFO before reading them (exit 2, one line)", async () => {
    expect((await ips(["--check", path.join(tmp, "nope.json")])).stderr).toBe(`cdktf-clickpipes ips: --check ${path.join(tmp, "nope.json")}: no such file\n`);
    expect((await ips(["--check", tmp])).stderr).toBe(`cdktf-clickpipes ips: --check ${tmp}: a directory\n`);
    const fifo = path.join(tmp, "fifo");
    execFileSync("mkfifo", [fifo]);
    expect(await ips(["--check", fifo])).toEqual({ code: 2, stdout: "", stderr: `cdktf-clickpipes ips: --check ${fifo}: a FIFO (named pipe), not a regular file\n` });
    expect((await ips(["--check", "/dev/zero"])).stderr).toBe("cdktf-clickpipes ips: --check /dev/zero: a character device, not a regular file\n");
  });
});

describe("ips --check through a proxy", () => {
  let proxy: net.Server;
  let proxyUrl: string;
  const tunnels: string[] = [];
  // CONNECT sockets leave the HTTP server's bookkeeping: closeAllConnections does not see them.
  const tunnelSockets = new Set<net.Socket>();

  beforeAll(async () => {
    // A minimal CONNECT proxy: answers 200 and splices the sockets.
    proxy = http.createServer((_req, res) => res.writeHead(405).end());
    proxy.on("connect", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
      tunnels.push(`${req.url} ${req.headers["proxy-authorization"] ?? "-"}`);
      const [host, port] = [req.url!.slice(0, req.url!.lastIndexOf(":")), Number(req.url!.slice(req.url!.lastIndexOf(":") + 1))];
      tunnelSockets.add(client);
      const upstream = net.connect(port, host, () => {
        client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      tunnelSockets.add(upstream);
      upstream.on("error", () => client.destroy());
      client.on("error", () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const socket of tunnelSockets) socket.destroy();
    (proxy as http.Server).closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
  });

  it("tunnels through HTTP_PROXY with CONNECT (with proxy credentials), and goes direct for hosts in NO_PROXY", async () => {
    tunnels.length = 0;
    const target = `${base}/agree.json`;
    const authority = new URL(base).host;
    expect((await ips(["--check", target], { HTTP_PROXY: proxyUrl })).code).toBe(0);
    expect(tunnels).toEqual([`${authority} -`]);
    expect((await ips(["--check", target], { http_proxy: proxyUrl.replace("://", "://ci:s%3Acret@") })).code).toBe(0);
    expect(tunnels[1]).toBe(`${authority} Basic ${Buffer.from("ci:s:cret").toString("base64")}`);
    for (const noProxy of ["127.0.0.1", "*", `127.0.0.1:${new URL(base).port}`]) {
      expect((await ips(["--check", target], { HTTP_PROXY: proxyUrl, NO_PROXY: noProxy })).code, noProxy).toBe(0);
    }
    expect(tunnels).toHaveLength(2);
    // HTTPS_PROXY is for https URLs only: this http URL goes direct.
    expect((await ips(["--check", target], { HTTPS_PROXY: proxyUrl })).code).toBe(0);
    expect(tunnels).toHaveLength(2);
  });

  it("https: TLS to the target inside the tunnel (HTTPS_PROXY), or direct; an untrusted certificate or a downgrade to http is one line", async () => {
    // A self-signed certificate for 127.0.0.1, trusted through the `ca` limit.
    const dir = fs.mkdtempSync(path.join(tmp, "tls-"));
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        path.join(dir, "key.pem"),
        "-out",
        path.join(dir, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
    const cert = fs.readFileSync(path.join(dir, "cert.pem"), "utf8");
    const secure = https.createServer({ key: fs.readFileSync(path.join(dir, "key.pem")), cert }, (req, res) => {
      if (req.url === "/down") return void res.writeHead(302, { location: `${base}/agree.json` }).end();
      res.writeHead(200, { "content-type": "application/json" }).end(bodies.get("/agree.json"));
    });
    await new Promise<void>((resolve) => secure.listen(0, "127.0.0.1", resolve));
    const origin = `https://127.0.0.1:${(secure.address() as net.AddressInfo).port}`;
    const limits = { timeoutMs: 5000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5, ca: cert };
    try {
      tunnels.length = 0;
      const viaProxy = await fetchBytes(`${origin}/static-ips.json`, { ...limits, env: { HTTPS_PROXY: proxyUrl } });
      expect("bytes" in viaProxy ? viaProxy.bytes.toString("utf8") : viaProxy.problem).toBe(bodies.get("/agree.json"));
      expect(tunnels).toEqual([`${new URL(origin).host} -`]);
      const direct = await fetchBytes(`${origin}/static-ips.json`, { ...limits, env: {} });
      expect("bytes" in direct).toBe(true);
      expect(tunnels).toHaveLength(1);
      const untrusted = await fetchBytes(`${origin}/static-ips.json`, { ...limits, ca: undefined, env: { HTTPS_PROXY: proxyUrl } });
      expect(untrusted).toEqual({ problem: expect.stringMatching(/^self[- ]signed certificate/) });
      expect(await fetchBytes(`${origin}/down`, { ...limits, env: {} })).toEqual({ problem: `redirect from ${origin}/down to plain http refused` });
    } finally {
      secure.closeAllConnections();
      await new Promise((resolve) => secure.close(resolve));
    }
  });

  it("one line when the proxy refuses, or is not an http:// proxy", async () => {
    const r = await ips(["--check", `${base}/agree.json`], { HTTP_PROXY: `${base}` });
    expect(one2(r)).toMatch(/^cdktf-clickpipes ips: --check \S+: the proxy 127\.0\.0\.1:\d+ refused the tunnel to 127\.0\.0\.1:\d+ \(HTTP 407\)$/);
    const s = await ips(["--check", `${base}/agree.json`], { HTTP_PROXY: "https://proxy.example:3128" });
    expect(one2(s)).toBe(`cdktf-clickpipes ips: --check ${base}/agree.json: HTTP_PROXY uses https; only an http:// proxy (a CONNECT tunnel) is supported`);
  });
});

function one2(r: { code: number; stdout: string; stderr: string }): string {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.split("\n")).toHaveLength(2);
  return r.stderr.trimEnd();
}
