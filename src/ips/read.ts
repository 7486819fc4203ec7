/**
 * Reading ClickHouse Cloud's endpoints API document (`static-ips.json`) from a file or an http(s)
 * URL, for `cdktf-clickpipes ips --check` and for the app's `clickPipesIpsFile`. Every problem is
 * one line: an unreadable file (directories, FIFOs and devices refused unopened), an unreachable
 * URL, text that is not JSON, or a document of the wrong shape (naming the JSON path that is wrong).
 */
import { createHash } from "node:crypto";
import * as path from "node:path";
import { decodeText, oneLine, readTextFile } from "../util/text-file";
import { ClickPipesIpTable } from "../model/clickpipes-ips";
import { documentIpTable, DocumentRegion, parseStaticIpsDocument } from "../model/clickpipes-ips-document";
import { fetchBytes } from "../net/http";

/** Largest document read (file or body). The real one is a few tens of kilobytes. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/** Default deadline of a URL read, in seconds. */
export const DEFAULT_TIMEOUT_SECONDS = 10;
/** Redirects a URL read follows at most. */
export const MAX_REDIRECTS = 5;

export type DocumentRead =
  | { readonly ok: true; readonly regions: readonly DocumentRegion[]; /** `sha256:` and the first 12 hex digits of the document's bytes. */ readonly digest: string }
  | { readonly ok: false; readonly problem: string };

/** Whether `location` names a URL (`scheme://...`) rather than a file. */
export function isUrl(location: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(location);
}

function parseText(text: string, bytes: Uint8Array): DocumentRead {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: `not JSON (${oneLine((e as Error).message, 120)})` };
  }
  const parsed = parseStaticIpsDocument(doc);
  if (!parsed.ok) return { ok: false, problem: `not a static-ips.json document: ${parsed.path} ${parsed.problem}` };
  return { ok: true, regions: parsed.regions, digest: `sha256:${createHash("sha256").update(bytes).digest("hex").slice(0, 12)}` };
}

/** Read and parse a document file. Never throws. */
export function readDocumentFile(file: string): DocumentRead {
  const read = readTextFile(file, MAX_DOCUMENT_BYTES);
  if ("problem" in read) return { ok: false, problem: read.problem.what };
  return parseText(read.text, Buffer.from(read.text, "utf8"));
}

/** Read and parse a document from a file or an http(s) URL. Never throws. */
export async function readDocument(location: string, options: { readonly timeoutSeconds?: number; readonly env?: Readonly<Record<string, string | undefined>> } = {}): Promise<DocumentRead> {
  if (!isUrl(location)) return readDocumentFile(location);
  const got = await fetchBytes(location, {
    timeoutMs: (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    maxBytes: MAX_DOCUMENT_BYTES,
    maxRedirects: MAX_REDIRECTS,
    env: options.env,
  });
  if ("problem" in got) return { ok: false, problem: got.problem };
  const decoded = decodeText(got.bytes);
  if ("problem" in decoded) return { ok: false, problem: decoded.problem.what };
  return parseText(decoded.text, got.bytes);
}

/**
 * The IP table of a document file for the allow lists (`clickPipesIpsFile`): a relative path is
 * resolved against `baseDir`. Its version names the document by digest, never by path, so synth
 * output is the same on every machine.
 */
export function loadIpTableFile(file: string, baseDir: string): { readonly table: ClickPipesIpTable } | { readonly problem: string } {
  const read = readDocumentFile(path.resolve(baseDir, file));
  if (!read.ok) return { problem: read.problem };
  return { table: documentIpTable(read.regions, `document ${read.digest}`) };
}
