/**
 * Minor releases whose logical decoding can ask for a memory allocation over 1 GB ("invalid
 * memory alloc request size"), keyed by `server_version_num`, with the release that fixes it.
 * Source: `KNOWN_BROKEN_RELEASES_SOURCE` — the ClickPipes for Postgres FAQ ("a bug introduced in
 * Postgres patch versions 17.5/16.9/15.13/14.18/13.21 ... fixed ... in the next patch series"),
 * PeerDB classifies the error. `verify` warns on these (check server-version).
 */
import { clickPipesPage, FactSource } from "./fact-source";

export const KNOWN_BROKEN_RELEASES: Readonly<Record<number, string>> = {
  170005: "17.6",
  160009: "16.10",
  150013: "15.14",
  140018: "14.19",
  130021: "13.22",
};

/** Where the list above comes from. */
export const KNOWN_BROKEN_RELEASES_SOURCE: FactSource = clickPipesPage(
  "ClickPipes for Postgres FAQ (invalid memory alloc request size)",
  "postgres/faq.mdx",
  "250775de39e3f5faa9e0a6aac913692029e2aa08",
  "2026-12-03",
);
