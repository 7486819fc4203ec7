import { startServer } from "../test/harness";
import { Client } from "pg";
(async () => {
  const s = await startServer({ major: 16, hba: ["host all md5user 127.0.0.1/32 md5", "host all pwuser 127.0.0.1/32 password"] });
  const a = await s.adminClient(); await a.query("SET password_encryption='md5'"); await a.query("CREATE ROLE md5user LOGIN PASSWORD 'x'"); await a.end();
  await s.query("CREATE ROLE pwuser LOGIN PASSWORD 'x'");
  await s.query("CREATE ROLE scramuser LOGIN PASSWORD 'x'");
  for (const user of ["md5user", "pwuser", "scramuser"]) {
    const c = new Client({ host: s.host, port: s.port, user, database: "postgres", password: undefined as any });
    try { await c.connect(); console.log(user, "connected"); await c.end(); } catch (e) { console.log(user, "ERR", (e as Error).constructor.name, JSON.stringify((e as Error).message)); }
  }
  await s.stop();
})();
