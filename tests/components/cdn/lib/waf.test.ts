import * as assert from "node:assert/strict";
import type { DistributionSettings } from "../../../../components/cdn/lib/cdnRules";
import type { Route } from "../../../../components/cdn/lib/routes/model";
import { MANAGED_RULE_GROUPS, pathPatternRegex, wafCapacity, wafProblems, wafRules } from "../../../../components/cdn/lib/waf";
import { DEFAULT_ROUTES } from "../../../../components/cdn/routesSettings";
import { shippedPlan } from "../../../support/shippedPlans";
import { evaluateWebAcl } from "../../../support/wafEvaluator";
import { PROD_CDN_SETTINGS } from "../../../support/settings";

const SETTINGS: DistributionSettings = PROD_CDN_SETTINGS;

describe("WAF rules", () => {
  it("runs IP reputation, the common rule set, known bad inputs, then a per-IP rate limit", () => {
    const rules = wafRules("blueprint-prod-edge", SETTINGS.waf);
    assert.deepEqual(
      rules.map((r) => [r.priority, r.name, JSON.stringify(r.overrideAction ?? r.action)]),
      [
        [0, "AWSManagedRulesAmazonIpReputationList", '{"none":{}}'],
        [1, "AWSManagedRulesCommonRuleSet", '{"none":{}}'],
        [2, "AWSManagedRulesKnownBadInputsRuleSet", '{"none":{}}'],
        [3, "rate-limit-per-ip", '{"block":{}}'],
      ],
    );
    assert.deepEqual(rules[3].statement, { rateBasedStatement: { limit: 2000, aggregateKeyType: "IP", evaluationWindowSec: 300 } });
    assert.equal(wafCapacity(rules), 927);
    assert.deepEqual(wafProblems("blueprint-prod-edge", rules), []);
  });

  it("only counts in count mode", () => {
    const rules = wafRules("acl", { ...SETTINGS.waf, action: "count" });
    assert.deepEqual(
      rules.map((r) => JSON.stringify(r.overrideAction ?? r.action)),
      ['{"count":{}}', '{"count":{}}', '{"count":{}}', '{"count":{}}'],
    );
  });

  it("rejects bad names, reserved metric names, repeated priorities and too much capacity", () => {
    const rules = wafRules("acl", SETTINGS.waf);
    const broken = [
      ...rules,
      { ...rules[1], visibilityConfig: { ...rules[1].visibilityConfig, metricName: "All" } },
      ...Array.from({ length: 7 }, () => rules[1]),
    ];
    assert.deepEqual(wafProblems("my acl", broken), [
      'the web ACL name "my acl" must be 1 to 128 letters, digits, _ or -',
      'the WAF metric name "my acl" must be 1 to 255 characters without spaces, and not All or Default_Action',
      'the WAF metric name "All" must be 1 to 255 characters without spaces, and not All or Default_Action',
      "WAF rule priorities must be unique",
      "WAF rule names must be unique",
      `the web ACL needs ${927 + 8 * 700} capacity units; a CloudFront web ACL allows 5000`,
    ]);
    assert.equal(MANAGED_RULE_GROUPS.length, 3);
  });
});

describe("WAF body-size limits per route class", () => {
  const KB = 1024;
  const ROUTES: Route[] = [...DEFAULT_ROUTES];

  it("label each request with its route's class, first matching pattern wins, the default last", () => {
    const rules = wafRules("acl", SETTINGS.waf, ROUTES);
    const labels = (path: string) => evaluateWebAcl(rules, { method: "GET", path, bodyBytes: 0 }).labels;
    assert.deepEqual(labels("/static/app.js"), ["blueprint:route:static"]);
    assert.deepEqual(labels("/api/orders/7"), ["blueprint:route:write"]);
    assert.deepEqual(labels("/read/items"), ["blueprint:route:read-any"]);
    assert.deepEqual(labels("/checkout"), ["blueprint:route:write"]);
    assert.equal(pathPatternRegex("/a.b?/*.json"), "^/a\\.b./.*\\.json$");
  });

  it("lets a 64 KB write through the planned prod web ACL, and still bounds bodies on read routes", async () => {
    const plan = await shippedPlan("prod");
    const acl = plan.resources.find((r) => r.type === "aws:wafv2/webAcl:WebAcl")!;
    const rules = acl.inputs.rules as Array<Record<string, unknown>>;
    assert.deepEqual(evaluateWebAcl(rules, { method: "POST", path: "/api/orders", bodyBytes: 64 * KB }).action, "allow");
    assert.deepEqual(
      evaluateWebAcl(rules, { method: "PUT", path: "/profile/avatar", bodyBytes: 64 * KB }).action,
      "allow",
      "the default route is a write route",
    );
    assert.deepEqual(evaluateWebAcl(rules, { method: "GET", path: "/read/items", bodyBytes: 12 * KB }), {
      action: "block",
      rule: "body-size-read-any",
      labels: ["blueprint:route:read-any", "awswaf:managed:aws:core-rule-set:SizeRestrictions_Body"],
    });
    assert.deepEqual(evaluateWebAcl(rules, { method: "GET", path: "/read/items", bodyBytes: 4 * KB }).action, "allow");
  });

  it("without the routes the common rule set's 8 KB rule blocks the same write (what the per-class limits replace)", () => {
    const rules = wafRules("acl", SETTINGS.waf) as unknown as Array<Record<string, unknown>>;
    assert.deepEqual(
      evaluateWebAcl(rules, { method: "POST", path: "/api/orders", bodyBytes: 64 * KB }).rule,
      "AWSManagedRulesCommonRuleSet:SizeRestrictions_BODY",
    );
  });

  it("applies a write limit when one is set, and counts its capacity", () => {
    const waf = { ...SETTINGS.waf, bodySizeLimits: { ...SETTINGS.waf.bodySizeLimits, write: 16_384 } };
    const rules = wafRules("acl", waf, ROUTES);
    assert.equal(
      evaluateWebAcl(rules as unknown as Array<Record<string, unknown>>, { method: "POST", path: "/api/orders", bodyBytes: 64 * KB }).rule,
      "body-size-write",
    );
    // 927 + 5 route rules (regex 3 + label 1) + the default route's label + 5 body rules (label 1 + size 1)
    assert.equal(wafCapacity(rules), 927 + 5 * 4 + 1 + 5 * 2);
    assert.deepEqual(wafProblems("acl", rules), []);
  });
});
