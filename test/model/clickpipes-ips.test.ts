import { describe, expect, it } from "vitest";
import { CLICKPIPES_IP_TABLE, CLICKPIPES_IP_TABLE_VERSION, compareIp, isKnownRegion, resolveClickPipesIps } from "../../src/model/clickpipes-ips";
import { isCidr } from "../../src/model/rules";
import { CloudProvider } from "../../src/model/types";

describe("ClickPipes static IP table", () => {
  it("is versioned and holds valid, unique IPv4 addresses per region", () => {
    expect(CLICKPIPES_IP_TABLE_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const r of CLICKPIPES_IP_TABLE) {
      expect(r.ips.length, r.region).toBeGreaterThanOrEqual(5);
      expect(new Set(r.ips).size, r.region).toBe(r.ips.length);
      for (const ip of r.ips) expect(isCidr(`${ip}/32`), ip).toBe(true);
    }
    expect(CLICKPIPES_IP_TABLE.filter((r) => r.cloud === CloudProvider.AWS)).toHaveLength(20);
    expect(CLICKPIPES_IP_TABLE.filter((r) => r.cloud === CloudProvider.GCP)).toHaveLength(11);
  });

  it("uses a region's own IPs", () => {
    const r = resolveClickPipesIps(CloudProvider.AWS, "us-east-1");
    expect(r.ipRegion).toBe("us-east-1");
    expect(r.ips).toHaveLength(9);
    expect(r.ips).toContain("54.82.38.199");
    expect(r.tableVersion).toBe(CLICKPIPES_IP_TABLE_VERSION);
  });

  it("returns the IPs sorted numerically", () => {
    const ips = resolveClickPipesIps(CloudProvider.AWS, "eu-central-1").ips;
    expect(ips).toEqual(["3.122.25.29", "3.127.86.90", "18.195.233.217", "18.197.167.47", "35.157.23.2", "52.28.148.40"]);
    expect([...ips].sort(compareIp)).toEqual(ips);
  });

  it("falls back for services created before a region's start date: EU to eu-central-1, others to us-east-2", () => {
    expect(resolveClickPipesIps(CloudProvider.AWS, "eu-west-1", "2026-01-19").ipRegion).toBe("eu-central-1");
    expect(resolveClickPipesIps(CloudProvider.AWS, "eu-west-1", "2026-01-20").ipRegion).toBe("eu-west-1");
    expect(resolveClickPipesIps(CloudProvider.AWS, "ap-northeast-1", "2025-01-01").ipRegion).toBe("us-east-2");
    expect(resolveClickPipesIps(CloudProvider.AWS, "ap-northeast-1", "2025-01-01").reason).toMatch(/before 2026-04-15 use the us-east-2 IPs/);
  });

  it("applies Google Cloud regions only to services that got ClickPipes from 2026-06-15 on", () => {
    expect(resolveClickPipesIps(CloudProvider.GCP, "europe-west4").ipRegion).toBe("europe-west4");
    expect(resolveClickPipesIps(CloudProvider.GCP, "europe-west4", "2026-06-01").ipRegion).toBe("eu-central-1");
    expect(resolveClickPipesIps(CloudProvider.GCP, "us-east1", "2026-06-14").ipRegion).toBe("us-east-2");
    expect(resolveClickPipesIps(CloudProvider.GCP, "us-east1", "2026-06-15").ipRegion).toBe("us-east1");
    expect(resolveClickPipesIps(CloudProvider.GCP, "us-central1", "2026-07-01").ipRegion).toBe("us-east-2");
  });

  it("sends regions without IPs of their own (Azure) to the defaults", () => {
    expect(resolveClickPipesIps(CloudProvider.AZURE, "eastus2").ipRegion).toBe("us-east-2");
    expect(resolveClickPipesIps(CloudProvider.AZURE, "germanywestcentral").ipRegion).toBe("eu-central-1");
    expect(resolveClickPipesIps(CloudProvider.GCP, "europe-west1").ipRegion).toBe("eu-central-1");
  });

  it("refuses unknown regions", () => {
    expect(isKnownRegion(CloudProvider.AWS, "us-east-7")).toBe(false);
    expect(() => resolveClickPipesIps(CloudProvider.AWS, "us-east-7")).toThrow(/unknown ClickHouse Cloud region aws\/us-east-7/);
  });
});
