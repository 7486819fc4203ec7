/**
 * `npm run bench` row for `cdktf-clickpipes health` (not a timed test): a real PostgreSQL 17 with
 * 50 logical slots and 2,000 open client sessions (1,900 idle, 80 idle in transaction holding xmin,
 * 20 running a long statement), health run as a user runs it (`--json`, thresholds of 1 s so every
 * old session is judged and the listing cap applies). Target: under 1 s inside the command (connect
 * + queries + output); the wall time adds Node + tsx start-up.
 *
 * The sessions are real connections (max_connections = 2100), opened 50 at a time.
 */
import { Client } from "pg";
import { ADMIN_PASSWORD, ADMIN_USER, HOST, startServer } from "../test/support/harness";
import { CliResult, ReviewRow, row, runCli } from "./review";

export const HEALTH_SLOTS = 50;
export const HEALTH_SESSIONS = 2000;
const IDLE_IN_TRANSACTION = 80;
const RUNNING = 20;

export async function measureHealth(repeat: number, progress: (line: string) => void, sessions = HEALTH_SESSIONS): Promise<ReviewRow> {
  progress(`  health: starting PostgreSQL 17 with ${HEALTH_SLOTS} slots and ${sessions} sessions`);
  const server = await startServer({ major: 17, walLevel: "logical", settings: { max_connections: sessions + 100, max_replication_slots: HEALTH_SLOTS + 10, max_slot_wal_keep_size: "10GB" } });
  const clients: Client[] = [];
  try {
    // Slots first: creating a logical slot waits for every running transaction to end.
    for (let i = 0; i < HEALTH_SLOTS; i++) await server.query(`SELECT pg_create_logical_replication_slot('bench_slot_${String(i).padStart(2, "0")}', 'pgoutput')`);
    await server.query("CREATE TABLE public.filler AS SELECT g AS id, repeat('x', 200) AS pad FROM generate_series(1, 20000) g");
    for (let i = 0; i < sessions; i += 50) {
      const batch = Array.from({ length: Math.min(50, sessions - i) }, (_, k) => i + k);
      await Promise.all(
        batch.map(async (n) => {
          const c = new Client({ host: HOST, port: server.port, user: ADMIN_USER, password: ADMIN_PASSWORD, database: "postgres", application_name: `bench-${n}` });
          c.on("error", () => {});
          await c.connect();
          clients.push(c);
          if (n < IDLE_IN_TRANSACTION) {
            await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
            await c.query("SELECT count(*) FROM public.filler");
          } else if (n < IDLE_IN_TRANSACTION + RUNNING) {
            c.query("SELECT pg_sleep(3600)").catch(() => {});
          }
        }),
      );
    }
    await new Promise((r) => setTimeout(r, 1500));
    const url = `postgres://${ADMIN_USER}:${ADMIN_PASSWORD}@${HOST}:${server.port}/postgres`;
    const runs: CliResult[] = [];
    for (let i = 0; i < repeat; i++) {
      const r = runCli(["health", url, "--json", "--max-transaction-age", "1s", "--idle-in-transaction-age", "1s"]);
      progress(
        `  health x${HEALTH_SLOTS} slots, ${sessions} sessions run ${i + 1}/${repeat}: ${(r.commandMs / 1000).toFixed(3)} s in command, ${(r.wallMs / 1000).toFixed(2)} s wall (exit ${r.code})`,
      );
      runs.push(r);
    }
    const result: ReviewRow = {
      ...row(`health, ${HEALTH_SLOTS} slots, ${sessions} sessions`, runs, 1000, `PostgreSQL 17, --json; ${IDLE_IN_TRANSACTION} idle in transaction, ${RUNNING} running; target on the time in command`),
      targetOn: "command",
    };
    return result;
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
    await server.stop();
  }
}
