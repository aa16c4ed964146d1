import * as assert from "node:assert/strict";
import { parseRoutingData, routerCode, routingData, writeMarkerCode, type RouterSpec } from "../../../../../components/cdn/lib/routes/edgeFunction";
import { runViewerRequest, runViewerResponse, servingOrigin } from "../../../../../components/cdn/lib/routes/edgeRuntime";
import { serveRoute, type RouteTopology } from "../../../../../components/cdn/lib/routes/model";
import { COUNTRY_COORDINATES } from "../../../../../components/lib/countries";
import { shippedPlan } from "../../../../support/shippedPlans";

const PROD: RouteTopology = {
  regions: ["us-east-1", "eu-west-1", "ap-southeast-2"],
  primaryRegion: "us-east-1",
  staticRegions: { primary: "us-east-1", replica: "eu-west-1" },
};
const ORIGINS = Object.fromEntries(PROD.regions.map((region) => [region, `alb-${region}`]));
const NAMES = Object.fromEntries(PROD.regions.map((region) => [region, `${region}.api.example.com`]));
const COOKIE = "__Host-blueprint-wrote";
const spec = (routeClass: RouterSpec["routeClass"], topology: RouteTopology = PROD): RouterSpec => ({
  routeClass,
  topology,
  originIds: Object.fromEntries(topology.regions.map((region) => [region, `alb-${region}`])),
  failoverStatusCodes: [500, 502, 503, 504],
  writeCookie: COOKIE,
  originNames: NAMES,
});
const distribution = { originIds: Object.values(ORIGINS), vpcOriginIds: Object.values(ORIGINS) };
const regionOf = (originId: string | undefined) => (originId === undefined ? undefined : originId.replace(/^alb-/, ""));

/** The region that serves a GET from `country`, given the regions that fail, and the viewer's cookies. */
function served(code: string, headers: Record<string, string>, failing: string[] = [], cookies: Record<string, string> = {}, method = "GET") {
  const { origin } = runViewerRequest(code, { method, uri: "/read/items", headers, cookies }, distribution);
  return regionOf(servingOrigin(origin, "alb-failover", method, new Set(failing.map((region) => `alb-${region}`))));
}

describe("edge router (CloudFront Functions, offline runtime)", () => {
  const readAny = routerCode(spec("read-any"));
  const ryw = routerCode(spec("read-your-writes"));

  it("fits CloudFront Functions' 10 KB and carries its routing data on one line", () => {
    assert.ok(Buffer.byteLength(readAny) <= 10 * 1024);
    const data = parseRoutingData(readAny)!;
    assert.deepEqual([data.regions, data.serving, data.primary, data.cookie], [PROD.regions, [0, 1, 2], 0, null]);
    assert.equal(parseRoutingData(ryw)!.cookie, COOKIE);
    assert.equal(parseRoutingData("function handler(e) { return e.request; }"), undefined);
  });

  it("serves a GET from Australia in ap-southeast-2 and from Germany in eu-west-1, failing over to the next nearest", () => {
    assert.equal(served(readAny, { "cloudfront-viewer-country": "AU" }), "ap-southeast-2");
    assert.equal(served(readAny, { "cloudfront-viewer-country": "DE" }), "eu-west-1");
    assert.equal(served(readAny, { "cloudfront-viewer-country": "US" }), "us-east-1");
    assert.equal(served(readAny, { "cloudfront-viewer-country": "AU" }, ["ap-southeast-2"]), "us-east-1");
    assert.equal(served(readAny, { "cloudfront-viewer-country": "DE" }, ["eu-west-1"]), "us-east-1");
    // both of the viewer's regions down: CloudFront has no third origin to try
    assert.equal(served(readAny, { "cloudfront-viewer-country": "DE" }, ["eu-west-1", "us-east-1"]), undefined);
  });

  it("agrees with the route model for every country, every health state and both cookie states", () => {
    for (const [country] of COUNTRY_COORDINATES) {
      for (const [code, routeClass] of [
        [readAny, "read-any"],
        [ryw, "read-your-writes"],
      ] as const) {
        for (const wrote of [false, true]) {
          const expected = serveRoute({ pathPattern: "/x/*", class: routeClass }, PROD, { country, wroteRecently: wrote });
          const cookies: Record<string, string> = wrote ? { [COOKIE]: "1" } : {};
          assert.equal(served(code, { "cloudfront-viewer-country": country }, [], cookies), expected.region, `${routeClass} ${country} wrote=${wrote}`);
          assert.equal(
            served(code, { "cloudfront-viewer-country": country }, [expected.region], cookies),
            expected.failoverRegion,
            `${routeClass} ${country} failover`,
          );
        }
      }
    }
  });

  it("prefers the latitude/longitude headers, and ignores malformed ones", () => {
    // a viewer in Perth is nearer Sydney, one in Cairo nearer Dublin, whatever country header comes with them
    assert.equal(
      served(readAny, { "cloudfront-viewer-latitude": "-31.95", "cloudfront-viewer-longitude": "115.86", "cloudfront-viewer-country": "US" }),
      "ap-southeast-2",
    );
    assert.equal(served(readAny, { "cloudfront-viewer-latitude": "30.04", "cloudfront-viewer-longitude": "31.24" }), "eu-west-1");
    assert.equal(
      served(readAny, { "cloudfront-viewer-latitude": "north", "cloudfront-viewer-longitude": "951", "cloudfront-viewer-country": "DE" }),
      "eu-west-1",
    );
    // no location at all: the primary first
    assert.equal(served(readAny, {}), "us-east-1");
    assert.equal(served(readAny, { "cloudfront-viewer-country": "ZZ" }), "us-east-1");
  });

  it("sends a viewer who wrote to the primary on read-your-writes routes, failing over to their nearest region", () => {
    const wrote = { [COOKIE]: "1" };
    assert.equal(served(ryw, { "cloudfront-viewer-country": "AU" }, [], wrote), "us-east-1");
    assert.equal(served(ryw, { "cloudfront-viewer-country": "AU" }, ["us-east-1"], wrote), "ap-southeast-2");
    assert.equal(served(ryw, { "cloudfront-viewer-country": "AU" }), "ap-southeast-2");
    // the cookie means nothing to a read-any route
    assert.equal(served(readAny, { "cloudfront-viewer-country": "AU" }, [], wrote), "ap-southeast-2");
  });

  it("selects origins the distribution defines, with the load balancer's name as Host and SNI over HTTPS", () => {
    const { origin } = runViewerRequest(readAny, { method: "GET", uri: "/", headers: { "cloudfront-viewer-country": "DE" } }, distribution);
    assert.deepEqual(origin, {
      kind: "group",
      originIds: ["alb-eu-west-1", "alb-us-east-1"],
      statusCodes: [500, 502, 503, 504],
      overrides: [
        { hostHeader: "eu-west-1.api.example.com", sni: "eu-west-1.api.example.com" },
        { hostHeader: "us-east-1.api.example.com", sni: "us-east-1.api.example.com" },
      ],
    });
    // a one-region stack selects its only origin
    const single: RouteTopology = { ...PROD, regions: ["us-east-1"] };
    const one = runViewerRequest(routerCode(spec("read-any", single)), { method: "GET", uri: "/", headers: {} }, { originIds: ["alb-us-east-1"] });
    assert.deepEqual(one.origin, {
      kind: "origin",
      originId: "alb-us-east-1",
      overrides: { hostHeader: "us-east-1.api.example.com", sni: "us-east-1.api.example.com" },
    });
  });

  it("keeps standby regions out of first place", () => {
    const code = routerCode(spec("read-any", { ...PROD, standbyRegions: ["ap-southeast-2"] }));
    assert.equal(served(code, { "cloudfront-viewer-country": "AU" }), "us-east-1");
    assert.deepEqual(routingData(spec("read-any", { ...PROD, standbyRegions: ["ap-southeast-2"] })).serving, [0, 1]);
  });

  it("is the code the prod plan deploys: Australia ap-southeast-2, Germany eu-west-1, on every router", async () => {
    const plan = await shippedPlan("prod");
    const routers = plan.resources.filter((r) => r.type === "aws:cloudfront/function:Function" && String(r.name).includes("-route-"));
    assert.deepEqual(routers.map((r) => r.name).sort(), ["edge-route-cacheable", "edge-route-read-any", "edge-route-read-your-writes"]);
    for (const router of routers) {
      const code = router.inputs.code as string;
      const suffix = router.name === "edge-route-cacheable" ? "-cached" : "";
      const originIds = PROD.regions.flatMap((region) => [`alb-${region}`, `alb-${region}-cached`]);
      const first = (country: string) => {
        const { origin } = runViewerRequest(code, { method: "GET", uri: "/", headers: { "cloudfront-viewer-country": country } }, { originIds });
        return origin.kind === "group" ? origin.originIds[0] : undefined;
      };
      assert.equal(first("AU"), `alb-ap-southeast-2${suffix}`, router.name);
      assert.equal(first("DE"), `alb-eu-west-1${suffix}`, router.name);
      assert.equal(first("US"), `alb-us-east-1${suffix}`, router.name);
    }
  });
});

describe("write marker (viewer response)", () => {
  const code = writeMarkerCode({ cookie: COOKIE, windowSeconds: 10 });

  it("marks a viewer whose write succeeded, for the replication-lag window", () => {
    const { response } = runViewerResponse(code, { method: "POST", uri: "/api/orders" }, 201);
    assert.deepEqual(response.cookies[COOKIE], { value: "1", attributes: "Max-Age=10; Path=/; Secure; HttpOnly; SameSite=Lax" });
  });

  it("leaves reads and failed writes alone", () => {
    assert.deepEqual(runViewerResponse(code, { method: "GET", uri: "/api/orders" }, 200).response.cookies, {});
    assert.deepEqual(runViewerResponse(code, { method: "PUT", uri: "/api/orders/1" }, 503).response.cookies, {});
  });
});
