import * as assert from "node:assert/strict";
import { LoadBalancer, type LoadBalancerArgs } from "../../../components/loadbalancer";
import { accessLogBucketPolicy } from "../../../components/loadbalancer/lib/logDelivery";
import type { PlannedResource } from "../../../tools/plan/planFile";
import { recordProgram } from "../../../tools/plan/runProgram";
import { countTypes, one } from "../../support/resources";
import { loadBalancerSection } from "../../../components/loadbalancer/section";
import { webSection } from "../../../components/compute/section";
import { frame, resolveSection } from "../../support/sections";

/** prod's load balancer settings and health check, as the stack resolves them. */
const PROD_LB = resolveSection(loadBalancerSection, undefined, frame("prod", ["eu-west-1"]));
const PROD_HEALTH_CHECK = resolveSection(webSection, undefined, frame("prod", ["eu-west-1"]))["eu-west-1"].healthCheck;

const TAGS = { Environment: "prod", Project: "blueprint", Owner: "o", CostCenter: "c", ManagedBy: "pulumi", Region: "eu-west-1" };
const CERT = "arn:aws:acm:eu-west-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a";

async function record(extra: Partial<LoadBalancerArgs> = {}): Promise<PlannedResource[]> {
  const { resources } = await recordProgram(
    () => {
      new LoadBalancer("eu-west-1", {
        region: "eu-west-1",
        vpcId: "vpc-0123456789abcdef0",
        subnetIds: ["subnet-0a", "subnet-0b", "subnet-0c"],
        securityGroupId: "sg-0alb",
        namePrefix: "blueprint-prod",
        ...PROD_LB,
        healthCheck: PROD_HEALTH_CHECK,
        tags: TAGS,
        ...extra,
      });
      return {};
    },
    { stack: "prod", config: { "aws:region": "us-east-1" } },
  );
  return resources;
}

const BASE_COUNTS = {
  "pulumi:pulumi:Stack": 1,
  "blueprint:loadbalancer:LoadBalancer": 1,
  "aws:s3/bucket:Bucket": 1,
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": 1,
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls": 1,
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": 1,
  "aws:s3/bucketVersioning:BucketVersioning": 1,
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": 1,
  "aws:s3/bucketPolicy:BucketPolicy": 1,
  "aws:lb/loadBalancer:LoadBalancer": 1,
  "aws:lb/targetGroup:TargetGroup": 1,
};

describe("LoadBalancer component", () => {
  describe("with a regional certificate", () => {
    let resources: PlannedResource[];
    before(async () => {
      resources = await record({ certificateArn: CERT });
    });

    it("declares the ALB, its log bucket, the target group and two listeners", () => {
      assert.deepEqual(countTypes(resources), { ...BASE_COUNTS, "aws:lb/listener:Listener": 2 });
    });

    it("sets region on every resource", () => {
      for (const r of resources.filter((r) => r.custom)) assert.equal(r.inputs.region, "eu-west-1", r.urn);
    });

    it("is internet-facing in every public subnet with the alb group and hardened HTTP handling", () => {
      const alb = one(resources, "aws:lb/loadBalancer:LoadBalancer").inputs;
      assert.equal(alb.internal, false);
      assert.equal(alb.loadBalancerType, "application");
      assert.deepEqual(alb.subnets, ["subnet-0a", "subnet-0b", "subnet-0c"]);
      assert.deepEqual(alb.securityGroups, ["sg-0alb"]);
      assert.equal(alb.dropInvalidHeaderFields, true);
      assert.equal(alb.desyncMitigationMode, "defensive");
      assert.equal(alb.idleTimeout, 60);
      assert.equal(alb.enableDeletionProtection, true);
      assert.deepEqual(alb.accessLogs, { bucket: "blueprint-prod-alb-logs-eu-west-1-123456789012", prefix: "alb", enabled: true });
    });

    it("creates the ALB only after the bucket policy that lets log delivery write", () => {
      const alb = one(resources, "aws:lb/loadBalancer:LoadBalancer");
      const policy = one(resources, "aws:s3/bucketPolicy:BucketPolicy");
      assert.ok(alb.dependencies.includes(policy.urn));
    });

    it("serves HTTPS with the modern TLS policy and the certificate, and HTTP only redirects", () => {
      const https = one(resources, "aws:lb/listener:Listener", "eu-west-1-https").inputs;
      assert.equal(https.port, 443);
      assert.equal(https.protocol, "HTTPS");
      assert.equal(https.sslPolicy, "ELBSecurityPolicy-TLS13-1-2-2021-06");
      assert.equal(https.certificateArn, CERT);
      assert.equal((https.defaultActions as Array<{ type: string }>)[0].type, "forward");
      const http = one(resources, "aws:lb/listener:Listener", "eu-west-1-http").inputs;
      assert.equal(http.port, 80);
      assert.deepEqual(http.defaultActions, [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]);
    });

    it("health-checks the web tier on its traffic port with the given thresholds", () => {
      const tg = one(resources, "aws:lb/targetGroup:TargetGroup").inputs;
      assert.equal(tg.port, 8080);
      assert.equal(tg.protocol, "HTTPS");
      assert.equal(tg.targetType, "instance");
      assert.equal(tg.vpcId, "vpc-0123456789abcdef0");
      assert.equal(tg.deregistrationDelay, 30);
      assert.deepEqual(tg.healthCheck, {
        enabled: true,
        protocol: "HTTPS",
        port: "traffic-port",
        path: "/health",
        matcher: "200",
        interval: 15,
        timeout: 5,
        healthyThreshold: 2,
        unhealthyThreshold: 3,
      });
    });

    it("keeps the log bucket private, SSE-S3 encrypted, owner-enforced, versioned and expiring", () => {
      assert.deepEqual(one(resources, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs, {
        region: "eu-west-1",
        bucket: "blueprint-prod-alb-logs-eu-west-1-123456789012",
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      });
      const sse = one(resources, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").inputs;
      assert.deepEqual(sse.rules, [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]);
      assert.deepEqual(one(resources, "aws:s3/bucketOwnershipControls:BucketOwnershipControls").inputs.rule, { objectOwnership: "BucketOwnerEnforced" });
      const lifecycle = one(resources, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").inputs.rules as Array<Record<string, any>>;
      assert.equal(lifecycle[0].expiration.days, 365);
      assert.equal(one(resources, "aws:s3/bucket:Bucket").inputs.forceDestroy, false);
    });

    it("applies the lifecycle rules (noncurrent versions included) only once the bucket is versioned", () => {
      const lifecycle = one(resources, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration");
      const versioning = one(resources, "aws:s3/bucketVersioning:BucketVersioning");
      assert.ok(lifecycle.dependencies.includes(versioning.urn));
      assert.deepEqual((lifecycle.inputs.rules as Array<Record<string, any>>)[0].noncurrentVersionExpiration, { noncurrentDays: 7 });
    });

    it("lets only eu-west-1's ELB account write logs for this account, and nobody without TLS", () => {
      // the document itself is asserted statement by statement in lib/logDelivery.test.ts
      const policy = one(resources, "aws:s3/bucketPolicy:BucketPolicy").inputs.policy as string;
      const bucketArn = "arn:aws:s3:::blueprint-prod-alb-logs-eu-west-1-123456789012";
      assert.equal(policy, accessLogBucketPolicy({ bucketArn, region: "eu-west-1", accountId: "123456789012", partition: "aws" }));
    });
  });

  describe("without a certificate (the dev exception)", () => {
    it("serves plain HTTP on port 80 and forwards", async () => {
      const resources = await record({ deletionProtection: false, forceDestroyLogs: true, accessLogRetentionDays: 7 });
      assert.deepEqual(countTypes(resources), { ...BASE_COUNTS, "aws:lb/listener:Listener": 1 });
      const http = one(resources, "aws:lb/listener:Listener", "eu-west-1-http").inputs;
      assert.equal(http.protocol, "HTTP");
      assert.equal((http.defaultActions as Array<{ type: string }>)[0].type, "forward");
      assert.equal(one(resources, "aws:lb/loadBalancer:LoadBalancer").inputs.enableDeletionProtection, false);
      assert.equal(one(resources, "aws:s3/bucket:Bucket").inputs.forceDestroy, true);
    });
  });

  describe("behind CloudFront (origin verification)", () => {
    it("answers 403 by default and forwards only requests with the secret header, kept secret", async () => {
      const resources = await record({ certificateArn: CERT, originVerifySecret: "s3cr3t-header-value" });
      assert.deepEqual(countTypes(resources), { ...BASE_COUNTS, "aws:lb/listener:Listener": 2, "aws:lb/listenerRule:ListenerRule": 1 });
      const https = one(resources, "aws:lb/listener:Listener", "eu-west-1-https");
      assert.deepEqual(https.inputs.defaultActions, [
        { type: "fixed-response", fixedResponse: { contentType: "text/plain", messageBody: "Forbidden", statusCode: "403" } },
      ]);
      const rule = one(resources, "aws:lb/listenerRule:ListenerRule");
      assert.equal(rule.inputs.listenerArn, https.outputs.arn);
      assert.equal((rule.inputs.actions as Array<{ type: string }>)[0].type, "forward");
      assert.deepEqual(rule.inputs.conditions, [{ httpHeader: { httpHeaderName: "X-Origin-Verify", values: ["[secret]"] } }]);
      assert.ok(!JSON.stringify(resources).includes("s3cr3t-header-value"), "the header value never reaches the plan");
    });

    it("lets Route 53's health checkers read the health path without the header, through their own group", async () => {
      const resources = await record({
        certificateArn: CERT,
        originVerifySecret: "s3cr3t-header-value",
        unverifiedHealthPaths: ["/health"],
        additionalSecurityGroupIds: ["sg-0health000000000"],
      });
      assert.equal(countTypes(resources)["aws:lb/listenerRule:ListenerRule"], 2);
      const https = one(resources, "aws:lb/listener:Listener", "eu-west-1-https");
      const rule = one(resources, "aws:lb/listenerRule:ListenerRule", "eu-west-1-health-checkers");
      assert.equal(rule.inputs.listenerArn, https.outputs.arn);
      assert.equal(rule.inputs.priority, 5);
      assert.deepEqual(rule.inputs.conditions, [{ pathPattern: { values: ["/health"] } }, { httpRequestMethod: { values: ["GET", "HEAD"] } }]);
      const alb = one(resources, "aws:lb/loadBalancer:LoadBalancer");
      assert.equal((alb.inputs.securityGroups as string[]).length, 2);
      assert.equal((alb.inputs.securityGroups as string[])[1], "sg-0health000000000");
    });
  });

  describe("health checkers behind CloudFront, with a health path that has a query string", () => {
    it("matches the path alone, since the ALB never compares the query and reads ? as a wildcard", async () => {
      const resources = await record({
        certificateArn: CERT,
        originVerifySecret: "s3cr3t-header-value",
        unverifiedHealthPaths: ["/health?deep=1"],
        additionalSecurityGroupIds: ["sg-0health000000000"],
      });
      const rule = one(resources, "aws:lb/listenerRule:ListenerRule", "eu-west-1-health-checkers");
      assert.deepEqual(rule.inputs.conditions, [{ pathPattern: { values: ["/health"] } }, { httpRequestMethod: { values: ["GET", "HEAD"] } }]);
    });

    it("rejects paths the rule cannot match exactly before declaring anything", async () => {
      const long = `/${"h".repeat(128)}`;
      await assert.rejects(
        record({ certificateArn: CERT, originVerifySecret: "s3cr3t-header-value", unverifiedHealthPaths: [long, "/ready*"] }),
        (error: Error) => {
          assert.match(error.message, /LoadBalancer eu-west-1 has invalid arguments:/);
          assert.ok(error.message.includes(`unverifiedHealthPaths "${long}" is 129 characters without its query string`), error.message);
          assert.ok(error.message.includes('unverifiedHealthPaths "/ready*" must not contain *'), error.message);
          return true;
        },
      );
    });

    it("rejects a TLS 1.3-only policy that CloudFront and the health checkers cannot connect to", async () => {
      const behind = { certificateArn: CERT, originVerifySecret: "s3cr3t-header-value", unverifiedHealthPaths: ["/health"] };
      await assert.rejects(record({ ...behind, sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06" }), (error: Error) => {
        assert.ok(
          error.message.includes(
            "sslPolicy ELBSecurityPolicy-TLS13-1-3-2021-06 offers only TLS 1.3, but CloudFront and Route 53 health checks connect with at most TLS 1.2",
          ),
          error.message,
        );
        return true;
      });
      const resources = await record({ ...behind, sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-2021-06" });
      assert.equal(one(resources, "aws:lb/listener:Listener", "eu-west-1-https").inputs.sslPolicy, "ELBSecurityPolicy-TLS13-1-2-Res-2021-06");
      // reached from the internet only, TLS 1.3 alone is the caller's choice
      const direct = await record({ certificateArn: CERT, sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06" });
      assert.equal(one(direct, "aws:lb/listener:Listener", "eu-west-1-https").inputs.sslPolicy, "ELBSecurityPolicy-TLS13-1-3-2021-06");
    });

    it("ignores health paths without origin verification (no rule is created)", async () => {
      const resources = await record({ certificateArn: CERT, unverifiedHealthPaths: ["/ready*"] });
      assert.equal(countTypes(resources)["aws:lb/listenerRule:ListenerRule"], undefined);
    });
  });

  it("rejects invalid arguments before declaring anything, listing every problem", async () => {
    await assert.rejects(
      record({
        idleTimeoutSeconds: 0,
        healthCheck: { path: "health", matcher: "200", intervalSeconds: 5, timeoutSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 11 },
      }),
      (error: Error) => {
        assert.match(error.message, /LoadBalancer eu-west-1 has invalid arguments:/);
        assert.match(error.message, /idleTimeoutSeconds must be a whole number from 1 to 4000 seconds/);
        assert.match(error.message, /healthCheck.path must start with \//);
        assert.match(error.message, /healthCheck.unhealthyThreshold must be a whole number from 2 to 10/);
        assert.match(error.message, /healthCheck.timeoutSeconds must be less than intervalSeconds \(5\)/);
        return true;
      },
    );
  });
});
