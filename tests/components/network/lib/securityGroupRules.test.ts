import * as assert from "node:assert/strict";
import { albIngressProblems, INTERNET_INGRESS, ruleQuotaProblems, tierRules, type TierRule } from "../../../../components/network/lib/securityGroupRules";

describe("security group rule quota", () => {
  const cloudfront = (key: string, port: number): TierRule => ({
    key,
    tier: "alb",
    direction: "ingress",
    port,
    peer: { prefixList: "cloudfront-origin-facing" },
    description: "",
  });
  const cidr = (key: string): TierRule => ({ key, tier: "alb", direction: "ingress", port: 443, peer: { cidrIpv4: "10.0.0.0/8" }, description: "" });

  it("fits the CloudFront list once with five other rules in a group", () => {
    assert.deepEqual(ruleQuotaProblems([cloudfront("cf", 443), ...[1, 2, 3, 4, 5].map((i) => cidr(`c${i}`))]), []);
  });

  it("rejects a second CloudFront reference, a sixth other rule, or Route 53's list in the same group", () => {
    assert.deepEqual(ruleQuotaProblems([cloudfront("https", 443), cloudfront("http", 80)]), [
      "the alb group's ingress rules count as 110 rules, above the 60 AWS allows per group; prefix lists count as their weight: cloudfront-origin-facing (55), cloudfront-origin-facing (55)",
    ]);
    assert.deepEqual(ruleQuotaProblems([cloudfront("cf", 443), ...[1, 2, 3, 4, 5, 6].map((i) => cidr(`c${i}`))]), [
      "the alb group's ingress rules count as 61 rules, above the 60 AWS allows per group; prefix lists count as their weight: cloudfront-origin-facing (55)",
    ]);
    assert.deepEqual(ruleQuotaProblems([cloudfront("cf", 443), { ...cloudfront("r53", 443), peer: { prefixList: "route53-healthchecks" } }]), [
      "the alb group's ingress rules count as 80 rules, above the 60 AWS allows per group; prefix lists count as their weight: cloudfront-origin-facing (55), route53-healthchecks (25)",
    ]);
  });

  it("keeps every ingress layout the network builds within the quota", () => {
    for (const originPort of [443, 80] as const) {
      for (const healthCheckIngress of [false, true]) {
        assert.deepEqual(ruleQuotaProblems(tierRules(undefined, { mode: "cloudfront", originPort, healthCheckIngress })), []);
      }
    }
    assert.deepEqual(ruleQuotaProblems(tierRules(undefined, INTERNET_INGRESS)), []);
  });

  it("rejects unknown modes and ports", () => {
    assert.deepEqual(albIngressProblems({ mode: "vpn" as never, originPort: 8443 as never, healthCheckIngress: false }), [
      'albIngress must be one of internet, cloudfront, got "vpn"',
      "albOriginPort must be 443 (HTTPS origin) or 80 (HTTP origin), got 8443",
    ]);
  });
});
