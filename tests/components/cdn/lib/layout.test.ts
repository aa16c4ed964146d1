import * as assert from "node:assert/strict";
import fc from "fast-check";
import { ALL_METHODS } from "../../../../components/cdn/lib/cdnRules";
import {
  CACHED_GROUP_ID,
  distributionLayout,
  layoutProblems,
  LOAD_BALANCER_GROUP_ID,
  STATIC_GROUP_ID,
  type DistributionLayout,
  type LayoutInput,
} from "../../../../components/cdn/lib/layout";
import { ROUTE_CLASSES, type Route } from "../../../../components/cdn/lib/routes/model";
import { DEFAULT_ROUTES } from "../../../../components/cdn/routesSettings";
import { REGION_NAMES } from "../../../../components/lib/regions";

const layoutFor = (regions: string[], primaryRegion = regions[0], extra: Partial<LayoutInput> = {}): DistributionLayout =>
  distributionLayout({
    topology: {
      regions,
      primaryRegion,
      staticRegions: {
        primary: primaryRegion,
        replica: regions.find((r) => r !== primaryRegion) ?? (primaryRegion === "us-east-2" ? "us-west-2" : "us-east-2"),
      },
    },
    routes: DEFAULT_ROUTES,
    failoverStatusCodes: [500, 502, 503, 504],
    originShieldRegion: "us-east-1",
    ...extra,
  });

describe("distribution layout", () => {
  it("with one region: a load balancer origin and its cached twin, no load balancer group, reads go to the primary", () => {
    const layout = layoutFor(["eu-west-1"]);
    assert.deepEqual(
      layout.origins.map((o) => [o.id, o.originShieldRegion]),
      [
        ["alb-eu-west-1", undefined],
        ["alb-eu-west-1-cached", "us-east-1"],
        ["static-eu-west-1", undefined],
        ["static-us-east-2", undefined],
      ],
    );
    assert.deepEqual(
      layout.originGroups.map((g) => [g.id, g.members]),
      [[STATIC_GROUP_ID, ["static-eu-west-1", "static-us-east-2"]]],
    );
    assert.equal(layout.orderedBehaviours.find((b) => b.pathPattern === "/read/*")?.target, "alb-eu-west-1");
    assert.deepEqual(layoutProblems(layout), []);
  });

  it("targets the primary region by name, whatever the regions' order in the stack file", () => {
    // the primary listed last: building the targets from file order would send every write to a read-only secondary
    const layout = layoutFor(["ap-southeast-2", "eu-west-1", "us-east-1"], "us-east-1");
    assert.equal(layout.defaultBehaviour.target, "alb-us-east-1");
    assert.equal(layout.orderedBehaviours.find((b) => b.pathPattern === "/api/*")?.target, "alb-us-east-1");
    // the static fallback groups start at the primary and fail over to the region nearest it
    assert.deepEqual(
      layout.originGroups.map((g) => [g.id, g.members]),
      [
        [LOAD_BALANCER_GROUP_ID, ["alb-us-east-1", "alb-eu-west-1"]],
        [CACHED_GROUP_ID, ["alb-us-east-1-cached", "alb-eu-west-1-cached"]],
        [STATIC_GROUP_ID, ["static-us-east-1", "static-ap-southeast-2"]],
      ],
    );
    assert.deepEqual(layoutProblems(layout), []);
  });

  it("gives each class its methods, cache policy, origin request policy and edge functions", () => {
    const layout = layoutFor(["us-east-1", "eu-west-1"]);
    assert.deepEqual(
      [...layout.orderedBehaviours, layout.defaultBehaviour].map((b) => [
        b.pathPattern ?? "(default)",
        b.routeClass,
        b.target,
        b.allowedMethods.join(","),
        b.cachePolicy,
        b.originRequestPolicy,
        JSON.stringify(b.functions),
      ]),
      [
        ["/static/*", "static", STATIC_GROUP_ID, "GET,HEAD", "caching-optimized", undefined, "{}"],
        ["/api/*", "write", "alb-us-east-1", ALL_METHODS.join(","), "caching-disabled", "all-viewer-except-host", '{"viewerResponse":"write-marker"}'],
        [
          "/account/*",
          "read-your-writes",
          LOAD_BALANCER_GROUP_ID,
          "GET,HEAD,OPTIONS",
          "caching-disabled",
          "viewer-location",
          '{"viewerRequest":"read-your-writes"}',
        ],
        ["/catalog/*", "cacheable", CACHED_GROUP_ID, "GET,HEAD,OPTIONS", "cacheable", "viewer-location", '{"viewerRequest":"cacheable"}'],
        ["/read/*", "read-any", LOAD_BALANCER_GROUP_ID, "GET,HEAD,OPTIONS", "caching-disabled", "viewer-location", '{"viewerRequest":"read-any"}'],
        ["(default)", "write", "alb-us-east-1", ALL_METHODS.join(","), "caching-disabled", "all-viewer-except-host", '{"viewerResponse":"write-marker"}'],
      ],
    );
  });

  it("marks writes only when a read-your-writes route reads the mark", () => {
    const layout = layoutFor(["us-east-1"], "us-east-1", { routes: [{ pathPattern: "*", class: "write" }] });
    assert.deepEqual(layout.defaultBehaviour.functions, {});
  });

  it("rejects writes on an origin group or through a router, bad method sets, bad groups and unknown targets", () => {
    const layout = layoutFor(["us-east-1", "eu-west-1"]);
    const read = layout.orderedBehaviours.find((b) => b.pathPattern === "/read/*")!;
    const broken: DistributionLayout = {
      ...layout,
      originGroups: [
        { id: LOAD_BALANCER_GROUP_ID, members: ["alb-us-east-1", "alb-us-east-1"], statusCodes: [429] },
        { id: STATIC_GROUP_ID, members: ["static-us-east-1", "static-nowhere"], statusCodes: [500] },
      ],
      orderedBehaviours: [
        { ...read, allowedMethods: [...ALL_METHODS] },
        { ...read, pathPattern: "/r/*", target: "alb-us-east-1", allowedMethods: [...ALL_METHODS] },
        { ...read, pathPattern: "/x/*", target: "nowhere", allowedMethods: ["GET", "POST"], cachedMethods: ["GET", "HEAD", "OPTIONS"], functions: {} },
      ],
    };
    assert.deepEqual(layoutProblems(broken), [
      "origin group alb-failover must have exactly two different members, got alb-us-east-1, alb-us-east-1",
      "origin group alb-failover may only fail over on 400, 403, 404, 416, 500, 502, 503, 504 (at least one), got 429",
      "origin group static-failover names origins that do not exist: static-nowhere",
      "the behaviour for /read/* allows PUT, POST, PATCH, DELETE but targets origin group alb-failover; CloudFront only allows GET, HEAD and OPTIONS on an origin group",
      "the behaviour for /r/* allows PUT, POST, PATCH, DELETE but fails over through its router's origin group; CloudFront only allows GET, HEAD and OPTIONS on an origin group",
      "the behaviour for /x/* targets nowhere, which is neither an origin nor an origin group",
      "the behaviour for /x/* allows GET, POST; CloudFront accepts only GET+HEAD, GET+HEAD+OPTIONS or all seven methods",
      "the behaviour for /x/* caches GET, HEAD, OPTIONS; CloudFront caches GET+HEAD or GET+HEAD+OPTIONS, and only methods the behaviour allows",
    ]);
  });

  it("rejects more origins than CloudFront's quota", () => {
    // eleven regions with a cacheable route: 22 load balancer origins and the two buckets
    assert.deepEqual(layoutProblems(layoutFor(REGION_NAMES.slice(0, 11))), []);
    assert.deepEqual(layoutProblems(layoutFor(REGION_NAMES.slice(0, 12))), ["the distribution has 26 origins; CloudFront allows 25 by default"]);
  });

  it("never puts a write method on an origin group, for any regions, primary and routes", () => {
    const route = fc.record({ pathPattern: fc.stringMatching(/^\/[a-z]{1,8}\/\*$/), class: fc.constantFrom(...ROUTE_CLASSES) });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...REGION_NAMES.slice(0, 8)), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.uniqueArray(route, { selector: (r) => r.pathPattern, maxLength: 6 }),
        fc.constantFrom(...ROUTE_CLASSES),
        (regions, pick, routes, fallback) => {
          const all: Route[] = [...routes, { pathPattern: "*", class: fallback }];
          const layout = layoutFor(regions, regions[pick % regions.length], { routes: all });
          return layoutProblems(layout).length === 0;
        },
      ),
    );
  });
});
