/**
 * Real tools for tests: `promtool` (Debian package `prometheus`; .ci/run installs it when missing)
 * and `pg_recvlogical` (Debian package `postgresql-client`). Tests that need one skip only when the
 * machine truly lacks it.
 */
import { spawnSync } from "node:child_process";

/** The path of `name` on PATH, or `undefined`. */
export function findTool(name: string): string | undefined {
  const r = spawnSync("sh", ["-c", 'command -v "$1"', "sh", name], { encoding: "utf8" });
  const found = r.status === 0 ? r.stdout.trim() : "";
  return found === "" ? undefined : found;
}

/** `promtool <args>` with `input` on stdin: exit code and output (stdout then stderr, trimmed). */
export function promtool(bin: string, args: readonly string[], input?: string): { code: number; output: string } {
  const r = spawnSync(bin, args, { input, encoding: "utf8", timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, output: `${r.stdout ?? ""}${r.stderr ?? ""}`.trim() };
}

/** `promtool check metrics` of an exposition text: `{ code: 0, output: "" }` when clean (no lint problem). */
export function promtoolCheckMetrics(bin: string, text: string): { code: number; output: string } {
  return promtool(bin, ["check", "metrics"], text);
}
