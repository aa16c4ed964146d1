import * as aws from "@pulumi/aws";
import { cacheSubnetGroupConfigureMultiAz } from "../../../policies/cache";
import { dbSubnetGroupConfigureMultiAz } from "../../../policies/database";
import { describeResourcePolicy, UNKNOWN_SENTINELS } from "../../support/policies/harness";

const isolated = ["subnet-0848a2ce100a70957", "subnet-0ae8c37b792048a4e", "subnet-0fbc35e5a4d018fcb"];

describe("database and cache policies", () => {
  for (const [policy, resourceClass, kind] of [
    [dbSubnetGroupConfigureMultiAz, aws.rds.SubnetGroup, "DB"],
    [cacheSubnetGroupConfigureMultiAz, aws.elasticache.SubnetGroup, "cache"],
  ] as const) {
    describeResourcePolicy({
      policy,
      resourceClass,
      compliant: { region: "us-east-1", subnetIds: isolated, description: "Isolated subnets of us-east-1" },
      alsoCompliant: [{ name: "two subnets", mutate: (p) => (p.subnetIds = isolated.slice(0, 2)) }],
      violations: [
        {
          name: "one subnet",
          mutate: (p) => (p.subnetIds = isolated.slice(0, 1)),
          expect: [new RegExp(`The ${kind} subnet group lists 1 subnet\\(s\\); at least 2`)],
        },
        { name: "the same subnet twice", mutate: (p) => (p.subnetIds = [isolated[0], isolated[0]]), expect: [/lists 1 subnet\(s\)/] },
        { name: "fewer than a raised minimum", config: { minimumSubnets: 4 }, mutate: () => undefined, expect: [/lists 3 subnet\(s\); at least 4/] },
      ],
      unknown: (p) => (p.subnetIds = UNKNOWN_SENTINELS.array),
    });
  }
});
