import * as assert from "node:assert/strict";
import { plannedRoutes } from "../../../../components/cdn/lib/plannedRoutes";
import { routeMatrixSection } from "../../../../components/cdn/plan";
import { COUNTRY_COORDINATES, REPRESENTATIVE_VIEWERS } from "../../../../components/lib/countries";
import { planGraph } from "../../../../components/lib/plan/planGraph";
import { shippedPlan } from "../../../support/shippedPlans";

const TYPES = {
  distribution: "aws:cloudfront/distribution:Distribution",
  function: "aws:cloudfront/function:Function",
  vpcOrigin: "aws:cloudfront/vpcOrigin:VpcOrigin",
  loadBalancers: ["aws:lb/loadBalancer:LoadBalancer"],
  buckets: ["aws:s3/bucket:Bucket"],
};
const at = (country: string) => REPRESENTATIVE_VIEWERS.findIndex((viewer) => viewer.country === country);

describe("planned routes (the prod plan, read back)", () => {
  it("serves a read-any GET from Australia in ap-southeast-2, from Germany in eu-west-1, and a POST on a write route from the primary everywhere", async () => {
    const routes = plannedRoutes(planGraph(await shippedPlan("prod")), TYPES);
    assert.deepEqual(
      routes.map((route) => [route.pathPattern, route.routeClass, route.method]),
      [
        ["/static/*", "static", "GET"],
        ["/api/*", "write", "POST"],
        ["/account/*", "read-your-writes", "GET"],
        ["/catalog/*", "cacheable", "GET"],
        ["/read/*", "read-any", "GET"],
        ["*", "write", "POST"],
      ],
    );
    const read = routes.find((route) => route.pathPattern === "/read/*")!;
    assert.deepEqual(read.servings[at("AU")], { origin: "load-balancer", region: "ap-southeast-2", failoverRegion: "us-east-1" });
    assert.deepEqual(read.servings[at("DE")], { origin: "load-balancer", region: "eu-west-1", failoverRegion: "us-east-1" });
    for (const write of routes.filter((route) => route.routeClass === "write")) {
      assert.ok(
        write.servings.every((serving) => serving.region === "us-east-1" && serving.failoverRegion === undefined),
        write.pathPattern,
      );
    }
    assert.ok(routes[0].servings.every((serving) => serving.origin === "bucket" && serving.region === "us-east-1" && serving.failoverRegion === "eu-west-1"));
  });

  it("makes every one of prod's three regions the nearest region for some viewers", async () => {
    const viewers = [...COUNTRY_COORDINATES.keys()].map((country) => ({ country, name: country, continent: "" }));
    const routes = plannedRoutes(planGraph(await shippedPlan("prod")), TYPES, viewers);
    const first = new Set(routes.find((route) => route.pathPattern === "/read/*")!.servings.map((serving) => serving.region));
    assert.deepEqual([...first].sort(), ["ap-southeast-2", "eu-west-1", "us-east-1"]);
  });

  it("writes the route matrix into the report, with each region's duty", async () => {
    const plan = await shippedPlan("prod");
    const lines = routeMatrixSection({ graph: planGraph(plan), regions: plan.regions, primaryRegion: plan.primaryRegion });
    assert.equal(lines[0], "### Route matrix");
    const read = lines.find((line) => line.startsWith("| `/read/*` |"))!;
    assert.match(read, /^\| `\/read\/\*` \| read-any \| GET \| us-east-1 → eu-west-1 \|/);
    assert.ok(read.endsWith("| ap-southeast-2 → us-east-1 | ap-southeast-2 → us-east-1 |"), read);
    assert.deepEqual(lines.slice(-3), [
      "- `us-east-1`: primary, nearest region for some viewers",
      "- `eu-west-1`: serving, nearest region for some viewers",
      "- `ap-southeast-2`: serving, nearest region for some viewers",
    ]);
  });

  it("has nothing to report without a distribution", () => {
    assert.deepEqual(routeMatrixSection({ graph: planGraph({ resources: [] }), regions: [], primaryRegion: "" }), []);
  });
});
