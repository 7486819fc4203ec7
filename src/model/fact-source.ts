/**
 * Where a fact taken from outside this project comes from, and the day it was read. Every table of
 * such facts (ClickPipes IPs, host profiles, AWS families, IAM policy, thresholds, known-broken
 * releases, provider versions) carries one: `src/model/facts.ts` lists them, and a test fails when a
 * fact has none. Pure data.
 */

/** `YYYY-MM-DD`. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A full git commit id. */
const COMMIT = /^[0-9a-f]{40}$/;

/** The source of a fact: a file of a public repository at a commit, or a web page. */
export interface FactSource {
  /** Short name of the document, e.g. `ClickPipes static IPs page`. */
  readonly title: string;
  /** Day the source was read, `YYYY-MM-DD`. */
  readonly read: string;
  /** `owner/name` of the repository holding the file (with `path` and `commit`). */
  readonly repo?: string;
  /** Path of the file in `repo`. */
  readonly path?: string;
  /** The commit of `path` that was read (40 hex digits). */
  readonly commit?: string;
  /** A web page (when the fact does not come from a repository file). */
  readonly url?: string;
}

/** A repository file read at a commit. */
export function repoFile(title: string, repo: string, path: string, commit: string, read: string): FactSource {
  return { title, repo, path, commit, read };
}

/** A web page. */
export function webPage(title: string, url: string, read: string): FactSource {
  return { title, url, read };
}

/** The ClickHouse/ClickHouse repository, where the newest ClickPipes pages live (`docs/integrations/clickpipes/`). */
export const CLICKHOUSE_REPO = "ClickHouse/ClickHouse";
/** The ClickPipes pages' folder in `CLICKHOUSE_REPO`. */
export const CLICKPIPES_DOCS = "docs/integrations/clickpipes";

/** A ClickPipes page of the ClickHouse/ClickHouse repository (`path` under docs/integrations/clickpipes/). */
export function clickPipesPage(title: string, path: string, commit: string, read: string): FactSource {
  return repoFile(title, CLICKHOUSE_REPO, `${CLICKPIPES_DOCS}/${path}`, commit, read);
}

/** What is wrong with a source (empty when it names a document and the day it was read). */
export function sourceProblems(s: FactSource | undefined): string[] {
  if (s === undefined || s === null) return ["no source"];
  const out: string[] = [];
  if (typeof s.title !== "string" || s.title.trim() === "") out.push("no title");
  if (typeof s.read !== "string" || !DAY.test(s.read) || Number.isNaN(Date.parse(s.read))) out.push(`read ${JSON.stringify(s.read)} is not a day YYYY-MM-DD`);
  const file = s.repo !== undefined || s.path !== undefined || s.commit !== undefined;
  if (file) {
    if (!/^[\w.-]+\/[\w.-]+$/.test(s.repo ?? "")) out.push(`repo ${JSON.stringify(s.repo)} is not owner/name`);
    if (typeof s.path !== "string" || s.path === "") out.push("no path");
    if (!COMMIT.test(s.commit ?? "")) out.push(`commit ${JSON.stringify(s.commit)} is not 40 hex digits`);
  } else if (typeof s.url !== "string" || !/^https:\/\/\S+$/.test(s.url)) {
    out.push("neither a repository file (repo, path, commit) nor an https URL");
  }
  return out;
}

/** One line naming the source: `owner/name path@commit (read day)` or `url (read day)`. */
export function citeSource(s: FactSource): string {
  const where = s.url ?? `${s.repo} ${s.path}@${(s.commit ?? "").slice(0, 8)}`;
  return `${where} (read ${s.read})`;
}
