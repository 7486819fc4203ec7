/**
 * Cases of the app table (APP_RULES), run by `checkApp` on a whole config: [name, config, every
 * line]. Every app rule needs one (test/model/rule-tree.test.ts checks).
 */
import { AppConfig } from "../../../src/model/app-config";
import { genericSource } from "../../support/helpers";
import { auroraSource } from "../../support/aws-helpers";

export const APP_CASES: [string, AppConfig, string[]][] = [
  [
    "backend: absolute local path",
    { backend: { type: "local", path: "/var/state/x.tfstate" }, sources: [genericSource()] },
    ['error: source "(app)": backend.path = "/var/state/x.tfstate" is not allowed: a relative path (absolute paths make the JSON differ between machines) [backend]'],
  ],
  [
    "backend: a source's own S3 bucket",
    { sources: [genericSource({ backend: { type: "s3", bucket: "B", region: "eu-central-1" } })] },
    ["error: source \"orders-db\": backend.bucket = \"B\" is not allowed: an S3 bucket name (3-63 lower-case letters, digits, '.' or '-') [backend]"],
  ],
  [
    "clickpipes-ips-file: not a path",
    { clickPipesIpsFile: "" as string, sources: [genericSource()] },
    [
      'error: source "(app)": clickPipesIpsFile = "" is not allowed: the path of a downloaded https://api.clickhouse.cloud/static-ips.json (relative to the app\'s folder or the fleet file) [clickpipes-ips-file]',
    ],
  ],
  ["sources: empty", { sources: [] }, ['error: source "(app)": sources = [] is not allowed: a non-empty list of sources [sources]']],
  ["kind: unknown", { sources: [{ ...genericSource(), kind: "oracle" } as never] }, ['error: source "orders-db": sources[0].kind = "oracle" is not allowed: one of generic, aurora, rds [kind]']],
  [
    "source-name: two sources, one stack name",
    { sources: [genericSource(), genericSource()] },
    ['error: source "orders-db": name = "orders-db" is not allowed: a name whose stacks no other source uses (stack "orders-db" is taken) [source-name]'],
  ],
  [
    "source-name: two sources whose names differ only in case",
    { sources: [genericSource(), genericSource({ name: "Orders-DB" })] },
    [
      'error: source "Orders-DB": name = "Orders-DB" is not allowed: a name whose stacks differ from every other source\'s in more than case (stack "Orders-DB" and "orders-db" would be one folder and one state key on a case-insensitive file system) [source-name]',
    ],
  ],
  [
    "source-name: an Aurora source's stack differs from a generic source's only in case",
    { sources: [genericSource({ name: "Billing-AWS" }), auroraSource({ name: "billing" })] },
    [
      'error: source "billing": name = "billing" is not allowed: a name whose stacks differ from every other source\'s in more than case (stack "billing-aws" and "Billing-AWS" would be one folder and one state key on a case-insensitive file system) [source-name]',
    ],
  ],
  [
    "clickpipe-service-id: not a UUID",
    { sources: [genericSource({ clickpipe: { serviceId: "svc-1" } })] },
    ['error: source "orders-db": clickpipe.serviceId = "svc-1" is not allowed: the ClickHouse Cloud service ID, a UUID such as 3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d [clickpipe-service-id]'],
  ],
  [
    "clickpipe-iam-role: iamAuth without the ClickHouse service role",
    { sources: [auroraSource({ iamAuth: true, clickpipe: { serviceId: "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d", replicationMode: "snapshot" as never } })] },
    [
      'error: source "billing": clickpipe.clickhouseServiceRoleArn = (missing) is not allowed: the ClickHouse service\'s IAM role ARN (service Settings, Network security information, "Service role ID (IAM)"), e.g. arn:aws:iam::123456789012:role/CH-S3-...-Role (required with iamAuth) [clickpipe-iam-role]',
    ],
  ],
  [
    "private-service-connect-once: one attachment in two pipes",
    {
      sources: ["orders-db", "billing-db"].map((name) =>
        genericSource({
          name,
          clickhouse: { cloud: "gcp", region: "us-central1" } as never,
          clickpipe: {
            serviceId: "3f1c9a62-8d4e-4b7a-9c2d-5e6f7a8b9c0d",
            privateServiceConnect: { serviceAttachment: "projects/acme/regions/us-central1/serviceAttachments/orders", privateDnsName: `${name}.db.internal` },
          },
        }),
      ),
    },
    [
      'error: source "billing-db": clickpipe.privateServiceConnect.serviceAttachment = "projects/acme/regions/us-central1/serviceAttachments/orders" is not allowed: an attachment no other pipe uses (source "orders-db" already does): one ClickHouse service claims a PSC attachment, each pipe creates its own endpoint [private-service-connect-once]',
    ],
  ],
];
