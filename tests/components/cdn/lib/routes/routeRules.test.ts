import * as assert from "node:assert/strict";
import { routeListProblems, routerSizeProblems, standbyProblems } from "../../../../../components/cdn/lib/routes/routeRules";
import type { RouterSpec } from "../../../../../components/cdn/lib/routes/edgeFunction";
import { REGION_NAMES } from "../../../../../components/lib/regions";

describe("route rules", () => {
  it("accepts the default routes", () => {
    assert.deepEqual(
      routeListProblems([
        { pathPattern: "/api/*", class: "write" },
        { pathPattern: "*", class: "read-any" },
      ]),
      [],
    );
  });

  it("rejects bad and repeated patterns, a missing default route and more behaviours than CloudFront's quota", () => {
    assert.deepEqual(
      routeListProblems([
        { pathPattern: "api/*", class: "write" },
        { pathPattern: "/a b", class: "write" },
        { pathPattern: "/read/*", class: "read-any" },
        { pathPattern: "/read/*", class: "cacheable" },
        { pathPattern: "/*", class: "write" },
      ]).map((p) => [p.field, p.message]),
      [
        ["0.pathPattern", "must start with / and use only letters, digits and _ - . * $ / ~ \" ' @ : + & ? (CloudFront's path-pattern characters)"],
        ["1.pathPattern", "must start with / and use only letters, digits and _ - . * $ / ~ \" ' @ : + & ? (CloudFront's path-pattern characters)"],
        ["3.pathPattern", "repeats routes[2].pathPattern; a path pattern can have only one behaviour"],
        ["4.pathPattern", "matches every path: write * for the default route"],
        ["", "must include one route with pathPattern *: it is the distribution's default behaviour"],
      ],
    );
    const many = [
      ...Array.from({ length: 26 }, (_, i) => ({ pathPattern: `/p${i}/*`, class: "write" as const })),
      { pathPattern: "*", class: "write" as const },
    ];
    assert.deepEqual(
      routeListProblems(many).map((p) => p.message),
      ["makes 26 cache behaviours besides the default; CloudFront allows 25 per distribution by default"],
    );
  });

  it("rejects a router over CloudFront Functions' 10 KB", () => {
    const spec =
      (regions: readonly string[]) =>
      (routeClass: RouterSpec["routeClass"]): RouterSpec => ({
        routeClass,
        topology: { regions, primaryRegion: regions[0], staticRegions: { primary: regions[0], replica: regions[1] } },
        originIds: Object.fromEntries(regions.map((region) => [region, `alb-${region}-${"x".repeat(200)}`])),
        failoverStatusCodes: [500],
      });
    const routes = [{ pathPattern: "*", class: "read-any" as const }];
    assert.deepEqual(routerSizeProblems(routes, spec(REGION_NAMES.slice(0, 3))), []);
    const problems = routerSizeProblems(routes, spec(REGION_NAMES.slice(0, 30)));
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^the read-any router for these regions is \d+ bytes; CloudFront Functions allow 10240 \(use fewer regions\)$/);
  });

  it("rejects standbys that are not the stack's, the primary, or repeated", () => {
    assert.deepEqual(
      standbyProblems(["eu-west-1", "us-east-1", "mars-1", "eu-west-1"], ["us-east-1", "eu-west-1"], "us-east-1").map((p) => [p.field, p.message]),
      [
        ["standbyRegions.1", "is the primary region, which serves the write routes; a standby only takes failover traffic"],
        ["standbyRegions.2", "is not one of the stack's regions (us-east-1, eu-west-1)"],
        ["standbyRegions.3", "is listed twice"],
      ],
    );
  });
});
