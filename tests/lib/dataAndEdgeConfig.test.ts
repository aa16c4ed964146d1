/**
 * The issues' "done when" cases for the data tier and the edge, end to end through `parseConfig`:
 * each AWS rule a stack file can break fails offline, all problems in one error, each naming its key.
 */
import * as assert from "node:assert/strict";
import { ConfigError, parseConfig } from "../../infra/config";

const REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2", "eu-central-1"];

function stack(regions: readonly string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    environment: "prod",
    owner: "platform-team",
    costCenter: "CC-1",
    regions: regions.map((name, i) => ({
      name,
      ...(i === 0 ? { primary: true } : {}),
      vpcCidr: `10.${i}.0.0/16`,
      availabilityZones: ["a", "b", "c"].map((letter) => `${name}${letter}`),
    })),
    domain: { name: "example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ" },
    ...extra,
  };
}

function problems(raw: unknown): string[] {
  try {
    parseConfig(raw);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return [...error.lines];
  }
  return [];
}

describe("data tier and edge config, end to end", () => {
  it("accepts the prod defaults in three regions: a global database and a Global Datastore", () => {
    const config = parseConfig(stack(REGIONS.slice(0, 3)));
    assert.deepEqual([config.database.mode, config.cache.mode], ["aurora-global", "global"]);
  });

  it("names a burstable class on a global database, a Global Datastore in too many regions and a node type it does not support, together", () => {
    const found = problems(stack(REGIONS, { database: { instanceClass: "db.t4g.medium" }, cache: { nodeType: "cache.t4g.medium" } }));
    assert.deepEqual(found, [
      "blueprint:database.instanceClass: db.t4g.medium is a burstable class; an Aurora global database only runs memory-optimised classes (db.r5 and newer r classes, db.x2g), e.g. db.r7g.large; burstable classes are allowed in single-region mode only",
      'blueprint:cache.mode: is "global" but the stack has 4 regions (us-east-1, eu-west-1, ap-southeast-2, eu-central-1); a Global Datastore has one primary region and at most 2 secondary regions (run at most 3 regions, or use mode "regional")',
      'blueprint:cache.nodeType: cache.t4g.medium cannot join a Global Datastore: burstable (T) nodes are not supported; use m8g, m7g, m6g, m5, r8g, r7g, r6g, r5, c8gn, c7gn at size large or above (mode "global")',
    ]);
  });

  it("names a CloudFront certificate outside us-east-1 and an alias it does not cover, together", () => {
    const found = problems(
      stack(REGIONS.slice(0, 2), {
        cdn: { certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a", certificateNames: ["shop.example.com"] },
      }),
    );
    assert.deepEqual(found, [
      'blueprint:cdn.certificateArn: is a certificate in eu-west-1; CloudFront only uses ACM certificates from us-east-1 (got "arn:aws:acm:eu-west-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a")',
      'blueprint:cdn.certificateNames: do not cover the alias www.example.com; CloudFront rejects a certificate that does not cover every alias (covered: shop.example.com) (got ["shop.example.com"])',
    ]);
  });
});
