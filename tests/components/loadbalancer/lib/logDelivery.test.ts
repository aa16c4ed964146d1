import * as assert from "node:assert/strict";
import {
  ACCESS_LOG_PREFIX,
  ELB_LOG_DELIVERY_ACCOUNTS,
  ELB_LOG_DELIVERY_SERVICE,
  accessLogBucketPolicy,
  logDeliveryPrincipal,
} from "../../../../components/loadbalancer/lib/logDelivery";
import { REGION_NAMES } from "../../../../components/lib/regions";

describe("logDeliveryPrincipal", () => {
  const legacy: Array<[string, string]> = [
    ["us-east-1", "127311923021"],
    ["us-east-2", "033677994240"],
    ["us-west-2", "797873946194"],
    ["eu-west-1", "156460612806"],
    ["eu-central-1", "054676820928"],
    ["eu-west-3", "009996457667"],
    ["ap-southeast-2", "783225319266"],
    ["ap-northeast-1", "582318560864"],
    ["sa-east-1", "507241528517"],
    ["af-south-1", "098369216593"],
  ];
  for (const [region, account] of legacy) {
    it(`lets ELB account ${account} deliver in ${region}`, () => {
      assert.deepEqual(logDeliveryPrincipal(region), { AWS: `arn:aws:iam::${account}:root` });
    });
  }

  it("uses the given partition in the account ARN", () => {
    assert.deepEqual(logDeliveryPrincipal("us-east-1", "aws-us-gov"), { AWS: "arn:aws-us-gov:iam::127311923021:root" });
  });

  // regions opened from August 2022 on
  const newer = [
    "eu-central-2",
    "eu-south-2",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-7",
    "ap-south-2",
    "me-central-1",
    "il-central-1",
    "ca-west-1",
    "mx-central-1",
  ];
  for (const region of newer) {
    it(`uses the log-delivery service principal in ${region}`, () => {
      assert.deepEqual(logDeliveryPrincipal(region), { Service: "logdelivery.elasticloadbalancing.amazonaws.com" });
    });
  }

  it("gives every known region a principal: an ELB account for the older regions, the service for the newer ones", () => {
    assert.equal(ELB_LOG_DELIVERY_SERVICE, "logdelivery.elasticloadbalancing.amazonaws.com");
    const withService: string[] = [];
    for (const region of REGION_NAMES) {
      const principal = logDeliveryPrincipal(region);
      if ("AWS" in principal) assert.match(principal.AWS, /^arn:aws:iam::\d{12}:root$/, region);
      else {
        assert.deepEqual(principal, { Service: ELB_LOG_DELIVERY_SERVICE }, region);
        withService.push(region);
      }
    }
    assert.deepEqual([...withService].sort(), [...newer].sort());
  });

  it("lists only known regions, each with its own 12-digit account", () => {
    const regions = Object.keys(ELB_LOG_DELIVERY_ACCOUNTS);
    assert.equal(regions.length, 22);
    for (const region of regions) assert.ok(REGION_NAMES.includes(region), region);
    const accounts = Object.values(ELB_LOG_DELIVERY_ACCOUNTS);
    for (const account of accounts) assert.match(account, /^\d{12}$/);
    assert.equal(new Set(accounts).size, accounts.length);
  });
});

describe("accessLogBucketPolicy", () => {
  const bucketArn = "arn:aws:s3:::blueprint-prod-alb-logs-eu-west-1-123456789012";

  it("lets the region's ELB account put logs for this account only, and denies plain HTTP", () => {
    assert.equal(ACCESS_LOG_PREFIX, "alb");
    const policy = accessLogBucketPolicy({ bucketArn, region: "eu-west-1", accountId: "123456789012", partition: "aws" });
    assert.deepEqual(JSON.parse(policy), {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "AllowLoadBalancerLogDelivery",
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::156460612806:root" },
          Action: "s3:PutObject",
          Resource: `${bucketArn}/alb/AWSLogs/123456789012/*`,
        },
        {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: [bucketArn, `${bucketArn}/*`],
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ],
    });
  });

  it("names the service principal in a newer region", () => {
    const arn = "arn:aws:s3:::blueprint-prod-alb-logs-ap-southeast-4-123456789012";
    const policy = JSON.parse(accessLogBucketPolicy({ bucketArn: arn, region: "ap-southeast-4", accountId: "123456789012", partition: "aws" }));
    assert.deepEqual(policy.Statement[0], {
      Sid: "AllowLoadBalancerLogDelivery",
      Effect: "Allow",
      Principal: { Service: "logdelivery.elasticloadbalancing.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `${arn}/alb/AWSLogs/123456789012/*`,
    });
  });

  it("allows nothing but PutObject, and only under the account's log prefix, in every region", () => {
    for (const region of REGION_NAMES) {
      const policy = JSON.parse(accessLogBucketPolicy({ bucketArn, region, accountId: "210987654321", partition: "aws" }));
      const allows = policy.Statement.filter((statement: { Effect: string }) => statement.Effect === "Allow");
      assert.equal(allows.length, 1, region);
      assert.equal(allows[0].Action, "s3:PutObject", region);
      assert.equal(allows[0].Resource, `${bucketArn}/alb/AWSLogs/210987654321/*`, region);
      assert.notEqual(allows[0].Principal, "*", region);
      assert.deepEqual(allows[0].Principal, logDeliveryPrincipal(region), region);
    }
  });
});
