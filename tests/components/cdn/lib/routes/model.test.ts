import * as assert from "node:assert/strict";
import fc from "fast-check";
import { COUNTRY_COORDINATES, REPRESENTATIVE_VIEWERS } from "../../../../../components/lib/countries";
import {
  regionDuties,
  regionRanking,
  ROUTE_CLASSES,
  serveRoute,
  servingRegions,
  switchoverTarget,
  type Route,
  type RouteTopology,
} from "../../../../../components/cdn/lib/routes/model";
import { REGION_NAMES } from "../../../../../components/lib/regions";

const PROD: RouteTopology = {
  regions: ["us-east-1", "eu-west-1", "ap-southeast-2"],
  primaryRegion: "us-east-1",
  staticRegions: { primary: "us-east-1", replica: "eu-west-1" },
};
const route = (routeClass: Route["class"]): Route => ({ pathPattern: "/x/*", class: routeClass });

describe("route model", () => {
  it("serves read-any from the viewer's nearest region, failing over to the next nearest", () => {
    assert.deepEqual(serveRoute(route("read-any"), PROD, { country: "AU" }), {
      origin: "load-balancer",
      region: "ap-southeast-2",
      failoverRegion: "us-east-1",
      failover: "origin-failover",
    });
    assert.equal(serveRoute(route("read-any"), PROD, { country: "DE" }).region, "eu-west-1");
    assert.equal(serveRoute(route("cacheable"), PROD, { country: "BR" }).region, "us-east-1");
    // coordinates win over the country: a viewer in Seattle is nearer Virginia than Dublin
    assert.equal(serveRoute(route("read-any"), PROD, { country: "IE", coordinates: { latitude: 47.6, longitude: -122.3 } }).region, "us-east-1");
  });

  it("serves writes from the primary, moving only with a switchover to the region nearest it", () => {
    for (const viewer of REPRESENTATIVE_VIEWERS) {
      assert.deepEqual(serveRoute(route("write"), PROD, viewer), {
        origin: "load-balancer",
        region: "us-east-1",
        failoverRegion: "eu-west-1",
        failover: "switchover",
      });
    }
  });

  it("serves read-your-writes from the primary for a viewer who just wrote, else like read-any", () => {
    assert.deepEqual(serveRoute(route("read-your-writes"), PROD, { country: "AU", wroteRecently: true }), {
      origin: "load-balancer",
      region: "us-east-1",
      failoverRegion: "ap-southeast-2",
      failover: "origin-failover",
    });
    assert.equal(serveRoute(route("read-your-writes"), PROD, { country: "AU" }).region, "ap-southeast-2");
  });

  it("never sends a viewer to a standby first, and fails over to it only after the serving regions", () => {
    const topology = { ...PROD, standbyRegions: ["ap-southeast-2"] };
    assert.deepEqual(servingRegions(topology), ["us-east-1", "eu-west-1"]);
    assert.deepEqual(regionRanking(topology, COUNTRY_COORDINATES.get("AU")), ["us-east-1", "eu-west-1", "ap-southeast-2"]);
    const duties = regionDuties([route("read-any")], topology, REPRESENTATIVE_VIEWERS);
    assert.deepEqual(
      duties.map((duty) => [duty.region, duty.standby, duty.serves.length > 0]),
      [
        ["us-east-1", false, true],
        ["eu-west-1", false, true],
        ["ap-southeast-2", true, false],
      ],
    );
  });

  it("makes every prod region the nearest region of some viewers", () => {
    const duties = regionDuties(
      [route("read-any")],
      PROD,
      [...COUNTRY_COORDINATES.keys()].map((country) => ({ country })),
    );
    assert.ok(duties.every((duty) => duty.serves.length > 0));
  });

  it("gives every route a serving region, and with two or more regions a different failover region, for any valid stack", () => {
    const stack = fc
      .uniqueArray(fc.constantFrom(...REGION_NAMES), { minLength: 1, maxLength: 6 })
      .chain((regions) =>
        fc.record({
          regions: fc.constant(regions),
          primary: fc.constantFrom(...regions),
          standby: fc.subarray(regions),
          replica: fc.constantFrom(...REGION_NAMES),
        }),
      )
      .filter(({ primary, replica }) => primary !== replica);
    const viewer = fc.record(
      {
        country: fc.constantFrom(...COUNTRY_COORDINATES.keys()),
        coordinates: fc.record({ latitude: fc.double({ min: -90, max: 90, noNaN: true }), longitude: fc.double({ min: -180, max: 180, noNaN: true }) }),
        wroteRecently: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(stack, fc.constantFrom(...ROUTE_CLASSES), viewer, ({ regions, primary, standby, replica }, routeClass, who) => {
        const topology: RouteTopology = {
          regions,
          primaryRegion: primary,
          standbyRegions: standby.filter((region) => region !== primary),
          staticRegions: { primary, replica },
        };
        const serving = serveRoute(route(routeClass), topology, who);
        const pool = routeClass === "static" ? [primary, replica] : regions;
        if (!pool.includes(serving.region)) return false;
        if (routeClass !== "static" && regions.length < 2) return serving.failoverRegion === undefined;
        return serving.failoverRegion !== undefined && serving.failoverRegion !== serving.region && pool.includes(serving.failoverRegion);
      }),
      { numRuns: 300 },
    );
  });

  it("switches over to the serving region nearest the primary", () => {
    assert.equal(switchoverTarget(PROD), "eu-west-1");
    assert.equal(switchoverTarget({ ...PROD, standbyRegions: ["eu-west-1"] }), "ap-southeast-2");
    assert.equal(switchoverTarget({ ...PROD, regions: ["us-east-1"] }), undefined);
  });
});
