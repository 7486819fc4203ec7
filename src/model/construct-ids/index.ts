/**
 * The construct-ID contract: every construct ID docs/reference.md calls public API, in one place.
 *
 * Terraform addresses derive from construct paths (cdktf's logical ID = the path below the stack,
 * made safe, plus a hash of it), so renaming any ID below destroys and recreates what it declares.
 * The constructs (src/postgres, src/aws, src/clickhouse, src/app) take their IDs from here, the guard
 * and the diff find what a stack declared through `matchConstructPath`, and
 * test/model/construct-ids.test.ts holds the golden list that pins them.
 *
 * Pure TypeScript (no cdktf): the guard and the diff load it without loading cdktf.
 *
 * To add a construct (e.g. a new resource of the `-aws` stack): add its ID constant, one entry to
 * `CONSTRUCT_ID_ENTRIES` (entries.ts), the path to `documentedConstructs` (paths.ts), the docs/reference.md table row and the golden list.
 */
export * from "./ids";
export * from "./entries";
export * from "./paths";
export * from "./match";
