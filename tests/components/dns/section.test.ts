import * as assert from "node:assert/strict";
import { dnsSection } from "../../../components/dns/section";
import { ENVIRONMENTS, type Environment } from "../../../components/lib/settings";
import { StackSettings, type StackFrame } from "../../../components/lib/settings/engine";
import { allowedKeysAt } from "../../../components/lib/settings/keys";
import { settingSchema } from "../../../components/lib/settings/schema";
import type { AnySetting } from "../../../components/lib/settings/setting";
import type { ConfigIssue } from "../../../infra/configIssues";
import { ENVIRONMENT_FACTS } from "../../../infra/environments";
import { ENGINE_SECTIONS } from "../../../infra/sections";
import { frame, resolveSection, sectionIssues, sectionLines } from "../../support/sections";

const THREE = ["us-east-1", "eu-west-1", "ap-southeast-2"];
const THREE_REGIONS = frame("prod", THREE, { namePrefix: "blueprint-prod" });
const ONE_REGION = frame("dev", ["eu-west-1"], { azCount: 2, namePrefix: "blueprint-dev" });
const WITH_ZONE = { name: "example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ" };
const WITHOUT_ZONE = { name: "staging.example.com" };
const schema = settingSchema(dnsSection.setting, ENVIRONMENT_FACTS);

/**
 * Every problem the dns section's own rules report, wherever in the stack file it is: some are
 * about the domain's name or the web tier's health path (the other sections' rules are left out).
 */
function ownIssues(raw: unknown, at: StackFrame, others: Readonly<Record<string, unknown>> = {}): ConfigIssue[] {
  const sections = ENGINE_SECTIONS.map((section) => (section.key === dnsSection.key ? section : { ...section, check: undefined }));
  return new StackSettings(sections, ENVIRONMENT_FACTS, { ...others, dns: raw }, at).problems();
}
const pathsAndMessages = (issues: readonly ConfigIssue[]) => issues.map((issue) => [issue.path.join("."), issue.message]);
/** A stack with the web tier's health path written. */
const withHealthPath = (path: string, domain: Record<string, unknown> = WITH_ZONE) => ({ domain, web: { healthCheck: { path } } });

describe("dns config: schema", () => {
  it("lists its keys for unknown-key errors", () => {
    assert.deepEqual(allowedKeysAt(dnsSection.setting, []), ["healthCheck", "alarmEvaluationPeriods"]);
    assert.deepEqual(allowedKeysAt(dnsSection.setting, ["healthCheck"]), ["intervalSeconds", "failureThreshold"]);
  });

  it("rejects unknown keys and wrong types", () => {
    assert.equal(schema.safeParse({ healthCheck: { intervalSeconds: 10, failureThreshold: 3 } }).success, true);
    assert.equal(schema.safeParse({}).success, true);
    assert.equal(schema.safeParse({ healthCheck: { interval: 10 } }).success, false);
    assert.equal(schema.safeParse({ alarmEvaluationPeriods: 1.5 }).success, false);
  });

  it("describes every key", () => {
    const keys = dnsSection.setting.keys!;
    for (const [key, setting] of Object.entries(keys)) assert.ok(setting.description, key);
    for (const [key, setting] of Object.entries((keys.healthCheck as AnySetting).keys!)) assert.ok(setting.description, `healthCheck.${key}`);
  });
});

describe("dns config: defaults and resolution", () => {
  it("uses fast health checks in prod only", () => {
    assert.deepEqual(resolveSection(dnsSection, undefined, THREE_REGIONS), {
      healthCheck: { intervalSeconds: 10, failureThreshold: 3 },
      alarmEvaluationPeriods: 2,
    });
    assert.deepEqual(resolveSection(dnsSection, undefined, frame("staging", THREE)).healthCheck, { intervalSeconds: 30, failureThreshold: 3 });
    assert.deepEqual(resolveSection(dnsSection, undefined, frame("dev", THREE)).healthCheck, { intervalSeconds: 30, failureThreshold: 3 });
    assert.deepEqual(resolveSection(dnsSection, { healthCheck: { failureThreshold: 5 }, alarmEvaluationPeriods: 3 }, THREE_REGIONS), {
      healthCheck: { intervalSeconds: 10, failureThreshold: 5 },
      alarmEvaluationPeriods: 3,
    });
  });

  it("falls back on values of the wrong type", () => {
    assert.deepEqual(resolveSection(dnsSection, { healthCheck: { intervalSeconds: "fast" }, alarmEvaluationPeriods: "two" }, THREE_REGIONS), {
      healthCheck: { intervalSeconds: 10, failureThreshold: 3 },
      alarmEvaluationPeriods: 2,
    });
  });

  it("accepts the defaults with a hosted zone, and without a domain", () => {
    assert.deepEqual(ownIssues(undefined, THREE_REGIONS, { domain: WITH_ZONE }), []);
    assert.deepEqual(ownIssues(undefined, THREE_REGIONS), []);
    const regionsOf: Record<Environment, string[]> = { dev: ["eu-west-1"], staging: THREE.slice(0, 2), prod: THREE };
    for (const environment of ENVIRONMENTS)
      assert.deepEqual(ownIssues(undefined, frame(environment, regionsOf[environment]), { domain: WITH_ZONE }), [], environment);
  });
});

describe("dns config: rules on the effective values", () => {
  it("rejects intervals and thresholds Route 53 refuses", () => {
    const raw = { healthCheck: { intervalSeconds: 15, failureThreshold: 0 }, alarmEvaluationPeriods: 61 };
    assert.deepEqual(sectionLines(dnsSection, raw, THREE_REGIONS, { domain: WITH_ZONE }), [
      "blueprint:dns.healthCheck.intervalSeconds: must be 10 (fast, billed extra) or 30 (standard) seconds; Route 53 accepts no other interval (got 15)",
      "blueprint:dns.healthCheck.failureThreshold: must be a whole number from 1 to 10 (got 0)",
      "blueprint:dns.alarmEvaluationPeriods: must be a whole number from 1 to 60 minutes (got 61)",
    ]);
  });

  it("rejects a dns section without a hosted zone", () => {
    assert.deepEqual(sectionLines(dnsSection, { alarmEvaluationPeriods: 3 }, THREE_REGIONS, { domain: WITHOUT_ZONE }), [
      "blueprint:dns: applies only with domain.hostedZoneId: the stack creates health checks and records only in its own hosted zone",
    ]);
    // nor without a domain at all
    assert.deepEqual(sectionLines(dnsSection, { alarmEvaluationPeriods: 3 }, THREE_REGIONS), [
      "blueprint:dns: applies only with domain.hostedZoneId: the stack creates health checks and records only in its own hosted zone",
    ]);
  });

  it("rejects a health path longer than Route 53 requests, and regional names longer than DNS allows", () => {
    const long = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(47)}.com`;
    assert.deepEqual(pathsAndMessages(ownIssues(undefined, ONE_REGION, withHealthPath(`/${"h".repeat(255)}`, { ...WITH_ZONE, name: long }))), [
      ["domain.name", `makes the regional origin name eu-west-1.api.${long}, which must be at most 253 characters`],
      ["web.healthCheck.path", "is 256 characters; Route 53 health checks (which request it in every region) accept at most 255"],
      [
        "web.healthCheck.path",
        "is 256 characters without its query string; the load balancers' health-checker rule matches it as an ALB path pattern, which allows at most 128",
      ],
    ]);
  });

  it("rejects a health path the load balancers' health-checker rule cannot match exactly, only with a hosted zone", () => {
    const at = (healthCheckPath: string, domain: Record<string, unknown> = WITH_ZONE) =>
      pathsAndMessages(ownIssues(undefined, ONE_REGION, withHealthPath(healthCheckPath, domain)));
    assert.deepEqual(at(`/${"h".repeat(127)}?${"q".repeat(100)}`), []);
    assert.deepEqual(at(`/${"h".repeat(128)}`), [
      [
        "web.healthCheck.path",
        "is 129 characters without its query string; the load balancers' health-checker rule matches it as an ALB path pattern, which allows at most 128",
      ],
    ]);
    assert.deepEqual(at("/health*"), [
      [
        "web.healthCheck.path",
        "must not contain *: the load balancers' health-checker rule matches it as an ALB path pattern, where * is a wildcard that would admit other paths without CloudFront's header",
      ],
    ]);
    // without a hosted zone there are no health checks, hence no rule
    assert.deepEqual(at("/health*", WITHOUT_ZONE), []);
    // a missing leading / is the web section's problem, reported there once
    assert.deepEqual(at("health"), []);
  });

  it("leaves a domain whose name is invalid to the domain section", () => {
    // the domain section reports the name; every regional name derived from it would only repeat that
    const invalid = { ...WITH_ZONE, name: `${"a".repeat(64)}.com` };
    assert.deepEqual(ownIssues(undefined, ONE_REGION, { domain: invalid }), []);
  });

  it("without an environment, reports only problems at the keys the file writes", () => {
    const unknown = frame(undefined, THREE, { namePrefix: "blueprint-prod" });
    assert.deepEqual(sectionLines(dnsSection, { healthCheck: { intervalSeconds: 15 } }, unknown, { domain: WITH_ZONE }), [
      "blueprint:dns.healthCheck.intervalSeconds: must be 10 (fast, billed extra) or 30 (standard) seconds; Route 53 accepts no other interval (got 15)",
    ]);
    assert.deepEqual(sectionLines(dnsSection, { alarmEvaluationPeriods: 3 }, unknown, { domain: WITHOUT_ZONE }), [
      "blueprint:dns: applies only with domain.hostedZoneId: the stack creates health checks and records only in its own hosted zone",
    ]);
    // the web tier is resolved with the stand-in's defaults: the health path's rules wait for a known environment
    assert.deepEqual(ownIssues(undefined, unknown, withHealthPath("/health*")), []);
  });

  it("leaves a section of the wrong shape to the schema", () => {
    assert.deepEqual(sectionIssues(dnsSection, "fast", THREE_REGIONS, { domain: WITH_ZONE }), []);
  });
});
