import { describe, expect, it } from "vitest";
import { PgGrant, PgGrantRole, PgPublication, PgRole, PostgresqlProvider } from "../../src/tf/tf";
import { parse, resourcesOf } from "../support/helpers";
import { auroraSource, dbStack, rdsSource, synthDb, warningLines } from "../support/aws-helpers";

describe("Aurora/RDS database stack", () => {
  const json = synthDb(auroraSource());

  it("grants rds_replication with postgresql_grant_role and never sets replication = true", () => {
    expect(json).toHaveResourceWithProperties(PgGrantRole, { grant_role: "rds_replication", lifecycle: { prevent_destroy: true } });
    expect(json).not.toHaveResourceWithProperties(PgRole, { replication: true });
    expect(json).toHaveResourceWithProperties(PgRole, {
      name: "clickpipes_user",
      login: true,
      password_wo: "${var.clickpipes_password}",
      lifecycle: { prevent_destroy: true, ignore_changes: ["roles"] },
    });
    expect(json).not.toHaveResourceWithProperties(PgGrantRole, { grant_role: "rds_iam" });
  });

  it("grants rds_iam with IAM auth", () => {
    const j = synthDb(auroraSource({ iamAuth: true }));
    expect(j).toHaveResourceWithProperties(PgGrantRole, { grant_role: "rds_iam" });
    expect(parse(j).output!.authentication!.value).toBe("IAM_ROLE");
  });

  it("reuses the generic grants and publication", () => {
    expect(json).toHaveResourceWithProperties(PgGrant, { schema: "public", object_type: "schema", privileges: ["USAGE"] });
    expect(json).toHaveResourceWithProperties(PgGrant, { schema: "sales", object_type: "table", objects: [], privileges: ["SELECT"] });
    expect(json).toHaveResourceWithProperties(PgPublication, { name: "clickpipes_publication", tables: ["public.invoices", "sales.orders"] });
    // The first grant waits for the rds_replication membership.
    const deps = Object.values(resourcesOf(json, "postgresql_grant")).flatMap((g) => (g.depends_on as string[] | undefined) ?? []);
    expect(deps.some((d) => d.startsWith("postgresql_grant_role."))).toBe(true);
  });

  it("configures the provider for RDS/Aurora: host variable, superuser = false, sslmode = require, real major", () => {
    expect(json).toHaveProviderWithProperties(PostgresqlProvider, {
      host: "${var.db_host}",
      port: 5432,
      database: "billing",
      superuser: false,
      sslmode: "require",
      expected_version: "16",
    });
    expect(parse(json).variable!.db_host).toMatchObject({ type: "string", default: "billing.cluster-c1a2b3c4d5e6.eu-central-1.rds.amazonaws.com" });
    expect(parse(json).output!.host!.value).toBe("${var.db_host}");
    expect(parse(json).output!.clickpipe_source_type!.value).toBe("aurorapostgres");
    expect(parse(synthDb(rdsSource())).output!.clickpipe_source_type!.value).toBe("rdspostgres");
  });

  it("has no AWS resource and the AWS stack no postgresql one", () => {
    expect(Object.keys(parse(json).resource!).every((t) => t.startsWith("postgresql_"))).toBe(true);
    expect(parse(json).provider).not.toHaveProperty("aws");
  });
});

describe("Aurora/RDS database stack, bad input", () => {
  it("throws its validation lines before deriving anything from the config", () => {
    expect(() => synthDb(auroraSource({ postgresVersion: 19 as never }))).toThrow(
      /^error: source "billing": postgresVersion = 19 is not allowed: .*\[postgres-version\]\nerror: source "billing": postgresVersion = 19 .*\[engine-major\]$/,
    );
  });

  it("prints each warning once", () => {
    const warned = warningLines(dbStack(auroraSource({ parameterGroup: { walSenderTimeoutMs: 1000 } })));
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(/\[wal-sender-timeout\]$/);
  });
});
