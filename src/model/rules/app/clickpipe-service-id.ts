import { AppRuleInput, hasKnownKind } from "../../app-config";
import { Rule } from "../../validation";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The pipe's ClickHouse Cloud service is named by its ID (a UUID). */
export const clickpipeServiceIdRule: Rule<AppRuleInput> = {
  id: "clickpipe-service-id",
  summary: "clickpipe.serviceId of every source with a pipe is the UUID of a ClickHouse Cloud service",
  check: (app) =>
    (Array.isArray(app.sources) ? app.sources : [])
      .filter(hasKnownKind)
      .filter((s) => s.clickpipe !== undefined && !(typeof s.clickpipe.serviceId === "string" && UUID.test(s.clickpipe.serviceId)))
      .map((s) => ({
        source: s.name,
        field: "clickpipe.serviceId",
        value: s.clickpipe!.serviceId,
        allowed: "the ClickHouse Cloud service ID, a UUID such as 3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d",
      })),
};
