import * as assert from "node:assert/strict";
import type { DistributionSettings } from "../../../../components/cdn/lib/cdnRules";
import { MANAGED_RULE_GROUPS, wafCapacity, wafProblems, wafRules } from "../../../../components/cdn/lib/waf";
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
