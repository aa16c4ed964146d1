import * as aws from "@pulumi/aws";
import {
  bucketEnableCrossRegionReplication,
  bucketOwnershipControlsDisableAcls,
  bucketPolicyRequireSecureTransport,
  bucketPublicAccessBlockEnableAll,
  bucketRequirePublicAccessBlock,
  bucketVersioningEnable,
} from "../../policies/storage";
import { edgeStack } from "../support/policies/fixtures";
import {
  assertNotApplicable,
  assertPasses,
  assertUnknown,
  assertViolations,
  checkStack,
  describeResourcePolicy,
  StackGraph,
  UNKNOWN_SENTINELS,
} from "../support/policies/harness";

const bucketName = "blueprint-prod-alb-logs-us-east-1-123456789012";
const doc = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const logDelivery = {
  Sid: "AllowLoadBalancerLogDelivery",
  Effect: "Allow",
  Principal: { AWS: "arn:aws:iam::127311923021:root" },
  Action: "s3:PutObject",
  Resource: `arn:aws:s3:::${bucketName}/alb/AWSLogs/123456789012/*`,
};
const denyHttp = {
  Sid: "DenyInsecureTransport",
  Effect: "Deny",
  Principal: "*",
  Action: "s3:*",
  Resource: [`arn:aws:s3:::${bucketName}`, `arn:aws:s3:::${bucketName}/*`],
  Condition: { Bool: { "aws:SecureTransport": "false" } },
};

describe("storage policies", () => {
  describeResourcePolicy({
    policy: bucketPublicAccessBlockEnableAll,
    resourceClass: aws.s3.BucketPublicAccessBlock,
    compliant: { region: "us-east-1", bucket: bucketName, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
    violations: [
      { name: "one setting off", mutate: (p) => (p.restrictPublicBuckets = false), expect: [/leaves restrictPublicBuckets off/] },
      {
        name: "settings left at AWS's defaults",
        mutate: (p) => {
          delete p.blockPublicAcls;
          delete p.ignorePublicAcls;
        },
        expect: [/leaves blockPublicAcls, ignorePublicAcls off/],
      },
    ],
    unknown: (p) => (p.blockPublicAcls = UNKNOWN_SENTINELS.boolean),
  });

  describe(bucketRequirePublicAccessBlock.name, () => {
    const graph = () => {
      const g = new StackGraph();
      const bucket = g.add("aws:s3/bucket:Bucket", "alb-logs", { region: "us-east-1", bucket: bucketName, id: bucketName });
      const block = g.add(
        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        "alb-logs",
        { region: "us-east-1", bucket: bucketName },
        { propertyDependencies: { bucket: [bucket] } },
      );
      return { g, bucket, block };
    };
    it("passes a bucket with its block (by dependency or by name)", async () => {
      const { g, block } = graph();
      assertPasses(await checkStack(bucketRequirePublicAccessBlock, g.resources));
      g.get(block).propertyDependencies = {};
      assertPasses(await checkStack(bucketRequirePublicAccessBlock, g.resources));
    });
    it("reports a bucket without one", async () => {
      const { g, block } = graph();
      g.remove(block);
      g.add("aws:s3/bucketV2:BucketV2", "other", { region: "us-east-1", bucket: "other" });
      assertViolations(await checkStack(bucketRequirePublicAccessBlock, g.resources), [
        /Bucket alb-logs has no public access block/,
        /Bucket other has no public access block/,
      ]);
    });
    it("does not apply without buckets", async () => {
      assertNotApplicable(await checkStack(bucketRequirePublicAccessBlock, []), /no S3 bucket/);
    });
    it("treats a block whose bucket is unknown and unlinked as not covering it", async () => {
      const { g, block } = graph();
      g.get(block).propertyDependencies = {};
      g.get(block).props.bucket = UNKNOWN_SENTINELS.string;
      assertViolations(await checkStack(bucketRequirePublicAccessBlock, g.resources), [/Bucket alb-logs has no public access block/]);
    });
  });

  describeResourcePolicy({
    policy: bucketOwnershipControlsDisableAcls,
    resourceClass: aws.s3.BucketOwnershipControls,
    compliant: { region: "us-east-1", bucket: bucketName, rule: { objectOwnership: "BucketOwnerEnforced" } },
    violations: [
      {
        name: "ACLs still honoured",
        mutate: (p) => (p.rule.objectOwnership = "BucketOwnerPreferred"),
        expect: [/object ownership is BucketOwnerPreferred; ACLs stay active/],
      },
      { name: "no rule", mutate: (p) => delete p.rule, expect: [/object ownership is unset/] },
    ],
    unknown: (p) => (p.rule = UNKNOWN_SENTINELS.object),
  });

  describeResourcePolicy({
    policy: bucketVersioningEnable,
    resourceClass: aws.s3.BucketVersioning,
    compliant: { region: "us-east-1", bucket: bucketName, versioningConfiguration: { status: "Enabled" } },
    violations: [
      { name: "suspended", mutate: (p) => (p.versioningConfiguration.status = "Suspended"), expect: [/versioning is Suspended/] },
      { name: "no configuration", mutate: (p) => delete p.versioningConfiguration, expect: [/versioning is unset/] },
    ],
    unknown: (p) => (p.versioningConfiguration = UNKNOWN_SENTINELS.object),
  });

  describeResourcePolicy({
    policy: bucketPolicyRequireSecureTransport,
    resourceClass: aws.s3.BucketPolicy,
    compliant: { region: "us-east-1", bucket: bucketName, policy: doc(logDelivery, denyHttp) },
    alsoCompliant: [
      {
        name: "an object document denying * over HTTP",
        mutate: (p) => (p.policy = { Version: "2012-10-17", Statement: [logDelivery, { ...denyHttp, Action: "*" }] }),
      },
      {
        name: "a public read limited by a condition",
        mutate: (p) => (p.policy = doc({ ...logDelivery, Principal: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } } }, denyHttp)),
      },
    ],
    violations: [
      { name: "no SSL-only statement", mutate: (p) => (p.policy = doc(logDelivery)), expect: [/does not deny requests over plain HTTP/] },
      {
        name: "the deny limited to one action",
        mutate: (p) => (p.policy = doc(logDelivery, { ...denyHttp, Action: "s3:GetObject" })),
        expect: [/does not deny requests over plain HTTP/],
      },
      {
        name: "a public grant",
        mutate: (p) => (p.policy = doc({ ...logDelivery, Principal: { AWS: "*" } }, denyHttp)),
        expect: [/statement 0 \("AllowLoadBalancerLogDelivery"\) allows every principal/],
      },
      { name: "a policy that is not JSON", mutate: (p) => (p.policy = "["), expect: [/The bucket policy is not valid JSON/] },
    ],
    unknown: (p) => (p.policy = UNKNOWN_SENTINELS.string),
  });

  describe(bucketEnableCrossRegionReplication.name, () => {
    it("passes versioned static buckets, the primary replicating to the other region", async () => {
      assertPasses(await checkStack(bucketEnableCrossRegionReplication, edgeStack().graph.resources));
    });
    it("matches the replica by its ARN when the rules have no property dependencies", async () => {
      const { graph, replication } = edgeStack();
      graph.get(replication).propertyDependencies = { bucket: graph.get(replication).propertyDependencies!.bucket };
      assertPasses(await checkStack(bucketEnableCrossRegionReplication, graph.resources));
    });
    it("reports origin buckets without replication, and without enabled versioning", async () => {
      const { graph, replication, versionings, buckets } = edgeStack();
      graph.remove(replication);
      graph.get(versionings.replica).props.versioningConfiguration = { status: "Suspended" };
      const outcome = await checkStack(bucketEnableCrossRegionReplication, graph.resources);
      assertViolations(outcome, [
        /Bucket edge-static \(us-east-1\) serves CloudFront but neither replicates to nor is replicated from a bucket in another region/,
        /Bucket edge-static-replica serves CloudFront but has no enabled versioning \(replication needs it\)/,
        /Bucket edge-static-replica \(eu-west-1\) serves CloudFront but neither replicates/,
      ]);
      assertViolations({ violations: outcome.violations.filter((v) => v.urn === buckets.primary) }, [/edge-static \(us-east-1\)/]);
    });
    it("reports a replication rule that is disabled, or that copies within the region", async () => {
      const disabled = edgeStack();
      (disabled.graph.get(disabled.replication).props.rules as Array<{ status: string }>)[0].status = "Disabled";
      assertViolations(await checkStack(bucketEnableCrossRegionReplication, disabled.graph.resources), [
        /edge-static \(us-east-1\) serves CloudFront but neither/,
        /edge-static-replica \(eu-west-1\) serves CloudFront but neither/,
      ]);
      const sameRegion = edgeStack();
      sameRegion.graph.get(sameRegion.buckets.replica).props.region = "us-east-1";
      assertViolations(await checkStack(bucketEnableCrossRegionReplication, sameRegion.graph.resources), [
        /edge-static \(us-east-1\) serves CloudFront but neither/,
        /edge-static-replica \(us-east-1\) serves CloudFront but neither/,
      ]);
    });
    it("does not apply without a CDN, in one region, or when no origin is a bucket of the stack", async () => {
      assertNotApplicable(await checkStack(bucketEnableCrossRegionReplication, []), /no CloudFront distribution/);
      const single = edgeStack();
      single.graph.remove(
        ...single.graph.resources.filter((r) => r.type === "awsx:ec2:Vpc" && r.props.region === "eu-west-1").map((r) => r.urn),
        single.albs["eu-west-1"],
      );
      assertNotApplicable(await checkStack(bucketEnableCrossRegionReplication, single.graph.resources), /fewer than two regions/);
      const foreign = edgeStack();
      foreign.graph.remove(foreign.buckets.primary, foreign.buckets.replica);
      assertNotApplicable(await checkStack(bucketEnableCrossRegionReplication, foreign.graph.resources), /No CloudFront origin is an S3 bucket of the stack/);
    });
    it("finds origin buckets through the distribution's dependencies while their domain names are unknown, and cannot run on an unknown region", async () => {
      const { graph, distribution, buckets } = edgeStack();
      for (const origin of graph.get(distribution).props.origins as Array<{ domainName: string; originAccessControlId?: string }>)
        if (origin.originAccessControlId) origin.domainName = UNKNOWN_SENTINELS.string;
      graph.get(buckets.replica).props.region = UNKNOWN_SENTINELS.string;
      assertUnknown(await checkStack(bucketEnableCrossRegionReplication, graph.resources));
    });
  });
});
