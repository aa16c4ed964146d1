import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import { functionConfigureRuntime, routerFirstRegions, stackRequireServingRegions, vpcOriginRequireHttps } from "../../policies/routing";
import { shippedPlan, shippedVariantPlan } from "../support/shippedPlans";
import { assertNotApplicable, checkStack, describeResourcePolicy, UNKNOWN_SENTINELS } from "../support/policies/harness";

const servingViolations = (plan: { policies: { violations: ReadonlyArray<{ policy: string; message: string }> } }) =>
  plan.policies.violations.filter((violation) => violation.policy === stackRequireServingRegions.name).map((violation) => violation.message);

describe("routing policies", () => {
  describe(stackRequireServingRegions.name, () => {
    for (const stack of ["dev", "staging", "prod"]) {
      it(`passes the shipped ${stack} stack: every region is the first choice of some route`, async () => {
        assert.deepEqual(servingViolations(await shippedPlan(stack)), []);
      });
    }

    it("reports the regions of a prod variant whose routes all go to the primary", async () => {
      const variant = await shippedVariantPlan("prod", { "blueprint:routes": [{ pathPattern: "*", class: "write" }] });
      assert.deepEqual(servingViolations(variant), [
        "Region eu-west-1 serves no route: no behaviour of the distribution sends viewers there first, so its load balancer eu-west-1-alb and its tiers wait for a failover. Route viewers to it, or tag it ServingRole standby.",
        "Region ap-southeast-2 serves no route: no behaviour of the distribution sends viewers there first, so its load balancer ap-southeast-2-alb and its tiers wait for a failover. Route viewers to it, or tag it ServingRole standby.",
      ]);
    });

    it("passes the same variant when it declares those regions standbys", async () => {
      const variant = await shippedVariantPlan("prod", {
        "blueprint:routes": [{ pathPattern: "*", class: "write" }],
        "blueprint:cdn": { standbyRegions: ["eu-west-1", "ap-southeast-2"] },
      });
      assert.deepEqual(servingViolations(variant), []);
    });

    it("does not apply to a stack without a distribution", async () => {
      assertNotApplicable(await checkStack(stackRequireServingRegions, []), /no CloudFront distribution/);
    });

    it("reads the regions a router sends viewers to first from its routing line", () => {
      const code = `import cf from 'cloudfront';\nvar ROUTING = {"regions":["a","b","c","d"],"serving":[0,1,3],"pairs":[[1,0],[1,2]],"fallback":[0,1]};\nfunction handler(e) { return e.request; }`;
      // b first for some countries, a without a location, d for viewers at its own coordinates; c is a standby
      assert.deepEqual(routerFirstRegions(code), ["b", "a", "d"]);
      assert.equal(routerFirstRegions("function handler(e) { return e.request; }"), undefined);
      assert.equal(routerFirstRegions(`var ROUTING = {not json};`), undefined);
    });
  });

  describeResourcePolicy({
    policy: functionConfigureRuntime,
    resourceClass: aws.cloudfront.Function,
    compliant: { name: "blueprint-prod-route-read-any", runtime: "cloudfront-js-2.0", publish: true, code: "function handler(e) { return e.request; }" },
    violations: [
      { name: "runtime 1.0", mutate: (p) => (p.runtime = "cloudfront-js-1.0"), expect: [/The function uses runtime cloudfront-js-1.0; use cloudfront-js-2.0/] },
      { name: "not published", mutate: (p) => (p.publish = false), expect: [/The function is not published/] },
      { name: "over 10 KB", mutate: (p) => (p.code = "x".repeat(10_241)), expect: [/The function's code is 10241 bytes; CloudFront Functions allow 10240/] },
    ],
    unknown: (p) => (p.runtime = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: vpcOriginRequireHttps,
    resourceClass: aws.cloudfront.VpcOrigin,
    compliant: {
      vpcOriginEndpointConfig: {
        name: "blueprint-prod-eu-west-1",
        arn: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/eu-west-1-alb/0123456789abcdef",
        httpPort: 80,
        httpsPort: 443,
        originProtocolPolicy: "https-only",
        originSslProtocols: { items: ["TLSv1.2"], quantity: 1 },
      },
    },
    violations: [
      {
        name: "plain HTTP inside the VPC",
        mutate: (p) => (p.vpcOriginEndpointConfig.originProtocolPolicy = "http-only"),
        expect: [/The VPC origin is reached with http-only; traffic inside the VPC is unencrypted/],
      },
      {
        name: "TLS 1.1 allowed",
        mutate: (p) => (p.vpcOriginEndpointConfig.originSslProtocols = { items: ["TLSv1.1", "TLSv1.2"], quantity: 2 }),
        expect: [/The VPC origin accepts TLSv1.1; allow TLSv1.2 only/],
      },
    ],
    unknown: (p) => (p.vpcOriginEndpointConfig.originProtocolPolicy = UNKNOWN_SENTINELS.string),
  });
});
