import { AppRuleInput } from "../../app-config";
import { Rule } from "../../validation";

/**
 * `clickPipesIpsFile` names a file: a non-empty path without control characters. (Reading it is
 * the app's: a file that is missing, unreadable, not JSON or not a static-ips.json document is
 * refused in one line under this rule's id before any rule runs; see `src/app/app.ts`.)
 */
export const clickpipesIpsFileRule: Rule<AppRuleInput> = {
  id: "clickpipes-ips-file",
  summary: "clickPipesIpsFile is a path to a downloaded static-ips.json document",
  check: (app) => {
    const file = app.clickPipesIpsFile;
    if (file === undefined) return [];
    // eslint-disable-next-line no-control-regex
    if (typeof file === "string" && file.trim() !== "" && !/[\u0000-\u001f\u007f]/.test(file)) return [];
    return [{ field: "clickPipesIpsFile", value: file, allowed: "the path of a downloaded https://api.clickhouse.cloud/static-ips.json (relative to the app's folder or the fleet file)" }];
  },
};
