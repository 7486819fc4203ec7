/**
 * AWS regions an Aurora or RDS source may live in (AWS docs, "Regions and Availability Zones",
 * read 2026-11-01: `AWS_REGIONS_SOURCE`), as data. Add a region here when AWS opens one.
 */
import { FactSource, webPage } from "./fact-source";

/** Where the list below comes from. */
export const AWS_REGIONS_SOURCE: FactSource = webPage("AWS: Regions and Availability Zones", "https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html", "2026-11-01");
export const AWS_REGIONS: readonly string[] = [
  "af-south-1",
  "ap-east-1",
  "ap-east-2",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ap-south-1",
  "ap-south-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "ap-southeast-6",
  "ap-southeast-7",
  "ca-central-1",
  "ca-west-1",
  "cn-north-1",
  "cn-northwest-1",
  "eu-central-1",
  "eu-central-2",
  "eu-north-1",
  "eu-south-1",
  "eu-south-2",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "il-central-1",
  "me-central-1",
  "me-south-1",
  "mx-central-1",
  "sa-east-1",
  "us-east-1",
  "us-east-2",
  "us-gov-east-1",
  "us-gov-west-1",
  "us-west-1",
  "us-west-2",
];

export function isAwsRegion(region: unknown): boolean {
  return typeof region === "string" && AWS_REGIONS.includes(region);
}
