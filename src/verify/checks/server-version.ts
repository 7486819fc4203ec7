import { Check, fail, pass, warn } from "../context";
import { CheckId } from "../types";

import { KNOWN_BROKEN_RELEASES } from "../../model/known-broken-releases";

/** The known-broken minor releases live with their source in src/model/known-broken-releases.ts. */
export { KNOWN_BROKEN_RELEASES };

/** The release to upgrade to when `versionNum` is a known-broken minor release. */
export function brokenReleaseUpgrade(versionNum: number): string | undefined {
  return Object.prototype.hasOwnProperty.call(KNOWN_BROKEN_RELEASES, versionNum) ? KNOWN_BROKEN_RELEASES[versionNum] : undefined;
}

/** PostgreSQL 12 or later, and not a minor release with a known logical decoding bug. */
export const serverVersionCheck: Check = {
  id: CheckId.SERVER_VERSION,
  fallbackFix: "upgrade to a supported PostgreSQL release (12 or later)",
  async run(ctx) {
    const { client } = ctx;
    const v = await client.query<{ version: string }>("SELECT version()");
    if (/^PostgreSQL \d+(?:\.\d+)*-YB-\d+(?:\.\d+)*-/.test(v.rows[0].version)) {
      return fail("YugabyteDB is not supported", "use a PostgreSQL server as the source");
    }
    if (ctx.major < 12) {
      return fail(`postgres must be of PG12 or above. Current version: ${ctx.major}`, "upgrade the server to PostgreSQL 12 or later");
    }
    const fixed = brokenReleaseUpgrade(ctx.versionNum);
    if (fixed) {
      return warn(
        `PostgreSQL ${ctx.version} has a logical decoding bug (memory allocation over 1 GB, "invalid memory alloc request size") that can stop the pipe`,
        `upgrade to PostgreSQL ${fixed} or later in the ${ctx.major} series`,
      );
    }
    return pass(`PostgreSQL ${ctx.version} (12 or later)`);
  },
};
