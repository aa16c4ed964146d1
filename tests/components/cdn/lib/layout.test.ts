import * as assert from "node:assert/strict";
import fc from "fast-check";
import { ALL_METHODS } from "../../../../components/cdn/lib/cdnRules";
import {
  distributionLayout,
  layoutProblems,
  LOAD_BALANCER_GROUP_ID,
  MANAGED_POLICIES,
  STATIC_GROUP_ID,
  type DistributionLayout,
  type LayoutInput,
} from "../../../../components/cdn/lib/layout";
import { REGION_NAMES } from "../../../../components/lib/regions";

const layoutFor = (regions: string[], extra: Partial<LayoutInput> = {}): DistributionLayout =>
  distributionLayout({
    loadBalancerRegions: regions,
    staticRegions: { primary: regions[0], replica: regions[1] ?? "us-east-2" },
    staticPathPattern: "/static/*",
    failoverPathPatterns: ["/read/*"],
    failoverStatusCodes: [500, 502, 503, 504],
    ...extra,
  });

describe("distribution layout", () => {
  it("with one region: one load balancer origin, no load balancer group, reads go to the primary", () => {
    const layout = layoutFor(["eu-west-1"]);
    assert.deepEqual(
      layout.origins.map((o) => o.id),
      ["alb-eu-west-1", "static-eu-west-1", "static-us-east-2"],
    );
    assert.deepEqual(
      layout.originGroups.map((g) => [g.id, g.members]),
      [[STATIC_GROUP_ID, ["static-eu-west-1", "static-us-east-2"]]],
    );
    assert.equal(layout.orderedBehaviours[1].target, "alb-eu-west-1");
    assert.deepEqual(layoutProblems(layout), []);
  });

  it("with two regions: the primary fails over to the second", () => {
    const layout = layoutFor(["eu-west-1", "ap-southeast-2"]);
    assert.deepEqual(
      layout.originGroups.map((g) => [g.id, g.members, g.statusCodes]),
      [
        [LOAD_BALANCER_GROUP_ID, ["alb-eu-west-1", "alb-ap-southeast-2"], [500, 502, 503, 504]],
        [STATIC_GROUP_ID, ["static-eu-west-1", "static-ap-southeast-2"], [500, 502, 503, 504]],
      ],
    );
    assert.deepEqual(layoutProblems(layout), []);
  });

  it("with three regions: every load balancer is an origin, the group pairs the first two", () => {
    const layout = layoutFor(["us-east-1", "eu-west-1", "ap-southeast-2"]);
    assert.deepEqual(
      layout.origins.filter((o) => o.kind === "loadBalancer").map((o) => o.id),
      ["alb-us-east-1", "alb-eu-west-1", "alb-ap-southeast-2"],
    );
    assert.deepEqual(layout.originGroups[0].members, ["alb-us-east-1", "alb-eu-west-1"]);
    assert.deepEqual(layoutProblems(layout), []);
  });

  it("sends every method to the primary by default, reads-only to groups, statics cached", () => {
    const layout = layoutFor(["us-east-1", "eu-west-1"]);
    assert.deepEqual(layout.defaultBehaviour, {
      target: "alb-us-east-1",
      allowedMethods: [...ALL_METHODS],
      cachedMethods: ["GET", "HEAD"],
      cachePolicyId: MANAGED_POLICIES.cachingDisabled,
      originRequestPolicyId: MANAGED_POLICIES.allViewerExceptHostHeader,
    });
    assert.deepEqual(
      layout.orderedBehaviours.map((b) => [b.pathPattern, b.target, b.allowedMethods.join(","), b.cachePolicyId, b.originRequestPolicyId]),
      [
        ["/static/*", STATIC_GROUP_ID, "GET,HEAD", MANAGED_POLICIES.cachingOptimized, undefined],
        ["/read/*", LOAD_BALANCER_GROUP_ID, "GET,HEAD,OPTIONS", MANAGED_POLICIES.cachingDisabled, MANAGED_POLICIES.allViewerExceptHostHeader],
      ],
    );
  });

  it("rejects writes on an origin group, bad method sets, bad groups and unknown targets", () => {
    const layout = layoutFor(["us-east-1", "eu-west-1"]);
    const broken: DistributionLayout = {
      ...layout,
      originGroups: [
        { id: LOAD_BALANCER_GROUP_ID, members: ["alb-us-east-1", "alb-us-east-1"], statusCodes: [429] },
        { id: STATIC_GROUP_ID, members: ["static-us-east-1", "static-nowhere"], statusCodes: [500] },
      ],
      orderedBehaviours: [
        { ...layout.orderedBehaviours[1], allowedMethods: [...ALL_METHODS] },
        { ...layout.orderedBehaviours[1], pathPattern: "/x/*", target: "nowhere", allowedMethods: ["GET", "POST"], cachedMethods: ["GET", "HEAD", "OPTIONS"] },
      ],
    };
    assert.deepEqual(layoutProblems(broken), [
      "origin group alb-failover must have exactly two different members, got alb-us-east-1, alb-us-east-1",
      "origin group alb-failover may only fail over on 400, 403, 404, 416, 500, 502, 503, 504 (at least one), got 429",
      "origin group static-failover names origins that do not exist: static-nowhere",
      "the behaviour for /read/* targets origin group alb-failover but allows PUT, POST, PATCH, DELETE; CloudFront only allows GET, HEAD and OPTIONS on an origin group",
      "the behaviour for /x/* targets nowhere, which is neither an origin nor an origin group",
      "the behaviour for /x/* allows GET, POST; CloudFront accepts only GET+HEAD, GET+HEAD+OPTIONS or all seven methods",
      "the behaviour for /x/* caches GET, HEAD, OPTIONS; CloudFront caches GET+HEAD or GET+HEAD+OPTIONS, and only methods the behaviour allows",
    ]);
  });

  it("rejects more origins than CloudFront's quota", () => {
    const regions = REGION_NAMES.slice(0, 24);
    assert.deepEqual(layoutProblems(layoutFor([...regions])), ["the distribution has 26 origins; CloudFront allows 25 by default"]);
  });

  it("never puts a write method on an origin group, for any region count and paths", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.uniqueArray(fc.stringMatching(/^\/[a-z]{1,8}\/\*$/), { maxLength: 5 }), (count, paths) => {
        const layout = layoutFor(REGION_NAMES.slice(0, count), { failoverPathPatterns: paths.filter((p) => p !== "/static/*") });
        return layoutProblems(layout).length === 0;
      }),
    );
  });
});
