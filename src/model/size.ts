/**
 * Sizes in bytes, as every size option reads them (the `health` block's and the alarms' `…Bytes`
 * fields, `health --retained-wal-*-bytes`, `--thresholds` files): a whole number of bytes, or a whole
 * number with a unit. Both spellings mean the same 1024-based multiples: PostgreSQL's `kB`, `MB`,
 * `GB`, `TB` (as in `postgresql.conf`: PostgreSQL's MB is 1024² bytes) and the IEC names `KiB`,
 * `MiB`, `GiB`, `TiB`. Units are case-sensitive, like PostgreSQL's (`10gb` is refused rather than
 * guessed). Pure: no I/O.
 */

/** Bytes per unit. Every unit is 1024-based. */
export const SIZE_UNITS: Readonly<Record<string, number>> = {
  B: 1,
  kB: 1024,
  KiB: 1024,
  MB: 1024 ** 2,
  MiB: 1024 ** 2,
  GB: 1024 ** 3,
  GiB: 1024 ** 3,
  TB: 1024 ** 4,
  TiB: 1024 ** 4,
};

/** What a size may look like, for one-line messages. */
export const SIZE_ALLOWED =
  "a whole number of bytes above 0, or a whole number with a unit kB/KiB, MB/MiB, GB/GiB or TB/TiB (e.g. 10GiB; all 1024-based: PostgreSQL's MB is 1024² bytes, the same as MiB)";

const SIZE = /^(\d+)\s*(B|kB|KiB|MB|MiB|GB|GiB|TB|TiB)?$/;

/**
 * Bytes of a size: a whole number above 0 (bytes) or a string (`1048576`, `512kB`, `10GB`, `10GiB`),
 * or `undefined` when it is not one (0, fractions, unknown units, over 2^53).
 */
export function parseSize(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  if (typeof value !== "string") return undefined;
  const m = SIZE.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]) * SIZE_UNITS[m[2] ?? "B"]!;
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** Bytes as a short 1024-based size with IEC units, so the base is never in doubt: `512 bytes`, `12 MiB`, `1.5 GiB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ["KiB", "MiB", "GiB", "TiB", "PiB"];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 || Number.isInteger(v) ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}
