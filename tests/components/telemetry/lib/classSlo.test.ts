import * as assert from "node:assert/strict";
import fc from "fast-check";
import { parse } from "yaml";
import { ROUTE_CLASSES, type Route } from "../../../../components/cdn/lib/routes/model";
import { DEFAULT_ROUTES } from "../../../../components/cdn/routesSettings";
import { classSelectors, classSloRules, pathPatternRegex, promqlString, type RouteSelector } from "../../../../components/telemetry/lib/classSlo";
import { sloRules } from "../../../../components/telemetry/lib/prometheusRules";

const CLASS_OBJECTIVES = {
  write: { availabilityPercent: 99.9, latencyPercent: 99, latencyThresholdSeconds: 1 },
  "read-your-writes": { availabilityPercent: 99.9, latencyPercent: 99, latencyThresholdSeconds: 0.5 },
  "read-any": { availabilityPercent: 99.5, latencyPercent: 99, latencyThresholdSeconds: 0.25 },
  cacheable: { availabilityPercent: 99.9, latencyPercent: 99, latencyThresholdSeconds: 0.25 },
};
const OBJECTIVES = { availabilityObjectivePercent: 99.9, latencyObjectivePercent: 99, latencyThresholdSeconds: 0.5, classObjectives: CLASS_OBJECTIVES };

/** CloudFront's matching, independent of any regex: `*` any run of characters, `?` one, the rest literal. */
function globMatches(pattern: string, path: string): boolean {
  const glob = pattern === "*" || pattern.startsWith("/") || pattern.startsWith("*") ? pattern : `/${pattern}`;
  const at = (g: number, p: number): boolean => {
    if (g === glob.length) return p === path.length;
    if (glob[g] === "*") return at(g + 1, p) || (p < path.length && at(g, p + 1));
    return p < path.length && (glob[g] === "?" || glob[g] === path[p]) && at(g + 1, p + 1);
  };
  return at(0, 0);
}

/** The class CloudFront gives a path: the first listed route that matches, the default route last. */
function firstMatchClass(routes: readonly Route[], path: string): string | undefined {
  const ordered = [...routes.filter((r) => r.pathPattern !== "*"), ...routes.filter((r) => r.pathPattern === "*")];
  return ordered.find((route) => globMatches(route.pathPattern, path))?.class;
}

/** What Prometheus's matchers do with a selector: `=~` and `!~` anchor at both ends. */
const anchored = (re: string) => new RegExp(`^(?:${re})$`);
const selects = (selector: RouteSelector, route: string) =>
  anchored(selector.include).test(route) && (selector.exclude === undefined || !anchored(selector.exclude).test(route));

/** The classes whose selectors take a series with this `http_route`. */
function classesOf(routes: readonly Route[], route: string): string[] {
  return Object.entries(classSelectors(routes))
    .filter(([, selectors]) => selectors.some((selector) => selects(selector, route)))
    .map(([routeClass]) => routeClass);
}

describe("per-class SLO rules from the routes", () => {
  it("translates CloudFront path patterns into anchored RE2 expressions, escaped for PromQL", () => {
    assert.equal(pathPatternRegex("/api/*"), "/api/.*");
    assert.equal(pathPatternRegex("*"), ".*");
    assert.equal(pathPatternRegex("images/*.jpg"), "/images/.*\\.jpg");
    assert.equal(pathPatternRegex("/v?/a+b$(c)"), "/v./a\\+b\\$\\(c\\)");
    assert.equal(promqlString(pathPatternRegex("/v1.2/*")), '"/v1\\\\.2/.*"');
    assert.equal(promqlString('/a"b'), '"/a\\"b"');
  });

  it("gives each route of the default list to its own class and to no other", () => {
    const examples: Record<string, string> = {
      "/api/orders/{id}": "write",
      "/account/settings": "read-your-writes",
      "/catalog/items/{sku}": "cacheable",
      "/read/report": "read-any",
      "/checkout": "write",
    };
    for (const [route, routeClass] of Object.entries(examples)) assert.deepEqual(classesOf(DEFAULT_ROUTES, route), [routeClass], route);
    // the bucket serves static routes: no class takes them, the default route's write class neither
    assert.deepEqual(classesOf(DEFAULT_ROUTES, "/static/app.js"), []);
  });

  it("matches a route template to exactly the class CloudFront would route it to (property)", () => {
    const alphabet = fc.constantFrom("a", "b", "/", ".", "*", "?");
    const pattern = fc.string({ unit: alphabet, minLength: 1, maxLength: 6 }).map((p) => `/${p}`);
    const routes = fc
      .array(fc.record({ pathPattern: pattern, class: fc.constantFrom(...ROUTE_CLASSES) }), { minLength: 1, maxLength: 5 })
      .chain((listed) => fc.constantFrom(...ROUTE_CLASSES).map((fallback): Route[] => [...listed, { pathPattern: "*", class: fallback }]));
    const path = fc.string({ unit: alphabet, maxLength: 7 }).map((p) => `/${p}`);
    fc.assert(
      fc.property(routes, path, (list, route) => {
        const expected = firstMatchClass(list, route);
        const got = classesOf(list, route);
        assert.deepEqual(got, expected === undefined || expected === "static" ? [] : [expected]);
      }),
      { numRuns: 400 },
    );
  });

  it("writes a Prometheus rule file: groups of record or alert rules with expr, labels and annotations", () => {
    const file = parse(sloRules(OBJECTIVES, DEFAULT_ROUTES)) as { groups: { name: string; interval?: string; rules: Record<string, unknown>[] }[] };
    assert.deepEqual(
      file.groups.map((group) => group.name),
      ["slo-recording", "slo-burn-alerts", "class-slo-recording", "class-slo-burn-alerts"],
    );
    for (const group of file.groups) {
      assert.deepEqual(Object.keys(group).sort(), group.name.endsWith("recording") ? ["interval", "name", "rules"] : ["name", "rules"]);
      for (const rule of group.rules) {
        const kind = "record" in rule ? "record" : "alert";
        const allowed = kind === "record" ? ["expr", "labels", "record"] : ["alert", "annotations", "expr", "for", "labels"];
        assert.ok(
          Object.keys(rule).every((key) => allowed.includes(key)),
          JSON.stringify(rule),
        );
        assert.equal(typeof rule[kind], "string");
        assert.equal(typeof rule.expr, "string");
        for (const map of [rule.labels, rule.annotations].filter((m) => m !== undefined)) {
          assert.ok(Object.values(map as object).every((value) => typeof value === "string"));
        }
        if (kind === "record") assert.match(rule.record as string, /^[a-zA-Z_:][a-zA-Z0-9_:]*$/);
        else assert.match(rule.alert as string, /^[a-zA-Z_][a-zA-Z0-9_]*$/);
      }
    }
    // four classes the application serves: 2 SLIs x 4 windows recorded, 2 SLIs x 2 conditions alerted, per class
    assert.equal(file.groups[2].rules.length, 32);
    assert.equal(file.groups[3].rules.length, 16);
  });

  it("records each class's SLIs over its own routes and alerts on its own objectives", () => {
    const { recording, alerts } = classSloRules(DEFAULT_ROUTES, CLASS_OBJECTIVES);
    const readAny = recording.filter((rule) => rule.labels.route_class === "read-any" && "record" in rule);
    assert.deepEqual(readAny[1], {
      record: "blueprint:class_latency_slow:ratio_rate5m",
      expr:
        '1 - sum(rate(http_server_request_duration_seconds_bucket{http_route=~"/read/.*", http_route!~"/static/.*|/api/.*|/account/.*|/catalog/.*", le="0.25"}[5m]))' +
        ' / sum(rate(http_server_request_duration_seconds_count{http_route=~"/read/.*", http_route!~"/static/.*|/api/.*|/account/.*|/catalog/.*"}[5m]))',
      labels: { route_class: "read-any" },
    });
    // write has two routes: the or of their disjoint series
    const writeErrors = recording.find((rule) => rule.labels.route_class === "write" && "record" in rule && rule.record.endsWith("errors:ratio_rate1h"));
    assert.equal(
      writeErrors?.expr,
      'sum(rate(http_server_request_duration_seconds_count{http_route=~"/api/.*", http_route!~"/static/.*", http_response_status_code=~"5.."}[1h])' +
        ' or rate(http_server_request_duration_seconds_count{http_route=~".*", http_route!~"/static/.*|/api/.*|/account/.*|/catalog/.*|/read/.*", http_response_status_code=~"5.."}[1h]))' +
        ' / sum(rate(http_server_request_duration_seconds_count{http_route=~"/api/.*", http_route!~"/static/.*"}[1h])' +
        ' or rate(http_server_request_duration_seconds_count{http_route=~".*", http_route!~"/static/.*|/api/.*|/account/.*|/catalog/.*|/read/.*"}[1h]))',
    );
    const fast = alerts.find((rule) => "alert" in rule && rule.alert === "BlueprintReadAnyAvailabilityFastBurn");
    assert.deepEqual(fast?.labels, { severity: "page", sli: "availability", route_class: "read-any" });
    assert.equal(
      fast?.expr,
      'blueprint:class_availability_errors:ratio_rate1h{route_class="read-any"} > 0.072 and blueprint:class_availability_errors:ratio_rate5m{route_class="read-any"} > 0.072',
    );
  });

  it("has no class rules without routes, and none for a class the routes do not use", () => {
    assert.deepEqual(classSloRules([], CLASS_OBJECTIVES), { recording: [], alerts: [] });
    const onlyWrites = classSloRules([{ pathPattern: "*", class: "write" }], CLASS_OBJECTIVES);
    assert.deepEqual([...new Set(onlyWrites.alerts.map((rule) => rule.labels.route_class))], ["write"]);
    assert.deepEqual(
      (parse(sloRules(OBJECTIVES)) as { groups: { name: string }[] }).groups.map((group) => group.name),
      ["slo-recording", "slo-burn-alerts"],
    );
  });
});
