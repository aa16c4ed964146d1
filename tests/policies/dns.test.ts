import * as aws from "@pulumi/aws";
import { healthCheckConfigureHttpsProbe, recordRequireHealthEvaluation } from "../../policies/dns";
import { assertNotApplicable, checkResource, describeResourcePolicy, UNKNOWN_SENTINELS } from "../support/policies/harness";

/** A regional endpoint's health check as components/dns declares it. */
const healthCheck = {
  type: "HTTPS",
  fqdn: "us-east-1.api.example.com",
  port: 443,
  resourcePath: "/health",
  enableSni: true,
  failureThreshold: 3,
  requestInterval: 10,
  measureLatency: false,
};

/** A latency record of the API name. */
const latencyRecord = {
  zoneId: "Z0123456789ABCDEFGHIJ",
  name: "api.example.com",
  type: "A",
  setIdentifier: "us-east-1",
  latencyRoutingPolicies: [{ region: "us-east-1" }],
  healthCheckId: "b311c1d4-d917-4da7-87d1-0675c51a571e",
  aliases: [{ name: "us-east-1-alb-76f227e-378234498.us-east-1.elb.amazonaws.com", zoneId: "Z35SXDOTRQ7X7K", evaluateTargetHealth: true }],
};

describe("DNS policies", () => {
  describeResourcePolicy({
    policy: healthCheckConfigureHttpsProbe,
    resourceClass: aws.route53.HealthCheck,
    compliant: healthCheck,
    alsoCompliant: [
      { name: "a string match over HTTPS", mutate: (p) => Object.assign(p, { type: "HTTPS_STR_MATCH", searchString: "ok" }) },
      { name: "HTTP when the config allows it", config: { allowedTypes: ["HTTP", "HTTPS"] }, mutate: (p) => Object.assign(p, { type: "HTTP", port: 80 }) },
    ],
    violations: [
      {
        name: "HTTP (a redirect counts as healthy)",
        mutate: (p) => Object.assign(p, { type: "HTTP", port: 80 }),
        expect: [/The health check probes with HTTP; use HTTPS or HTTPS_STR_MATCH/],
      },
      {
        name: "no resource path",
        mutate: (p) => delete p.resourcePath,
        expect: [/The health check probes no resource path; point it at the application's health path/],
      },
      { name: "the root path", mutate: (p) => (p.resourcePath = "/"), expect: [/The health check probes \/; point it at/] },
      { name: "disabled", mutate: (p) => (p.disabled = true), expect: [/The health check is disabled, so Route 53 considers the endpoint healthy/] },
      { name: "inverted", mutate: (p) => (p.invertHealthcheck = true), expect: [/The health check is inverted/] },
    ],
    unknown: (p) => (p.type = UNKNOWN_SENTINELS.string),
  });

  describe(`${healthCheckConfigureHttpsProbe.name} and other health-check types`, () => {
    it("does not apply to a calculated or alarm-based health check", async () => {
      assertNotApplicable(
        await checkResource(healthCheckConfigureHttpsProbe, aws.route53.HealthCheck, {
          type: "CALCULATED",
          childHealthchecks: ["a", "b"],
          childHealthThreshold: 1,
        }),
        /A CALCULATED health check does not probe an endpoint/,
      );
      assertNotApplicable(
        await checkResource(healthCheckConfigureHttpsProbe, aws.route53.HealthCheck, { type: "CLOUDWATCH_METRIC", cloudwatchAlarmName: "a" }),
        /CLOUDWATCH_METRIC/,
      );
    });
  });

  describeResourcePolicy({
    policy: recordRequireHealthEvaluation,
    resourceClass: aws.route53.Record,
    compliant: latencyRecord,
    alsoCompliant: [
      { name: "a health check without alias evaluation", mutate: (p) => (p.aliases[0].evaluateTargetHealth = false) },
      { name: "an alias evaluating its target without a health check", mutate: (p) => delete p.healthCheckId },
      {
        name: "a simple record (nothing to fail over to)",
        mutate: (p) =>
          Object.assign(p, {
            setIdentifier: undefined,
            latencyRoutingPolicies: undefined,
            healthCheckId: undefined,
            aliases: [{ ...p.aliases[0], evaluateTargetHealth: false }],
          }),
      },
      {
        name: "a certificate validation record",
        mutate: (p) =>
          Object.assign(p, {
            name: "_x.api.example.com.",
            type: "CNAME",
            records: ["_y.acm-validations.aws."],
            ttl: 300,
            setIdentifier: undefined,
            latencyRoutingPolicies: undefined,
            healthCheckId: undefined,
            aliases: undefined,
          }),
      },
    ],
    violations: [
      {
        name: "a latency record blind to health",
        mutate: (p) => Object.assign(p, { healthCheckId: undefined, aliases: [{ ...p.aliases[0], evaluateTargetHealth: false }] }),
        expect: [/The A record api\.example\.com \(set us-east-1\) has a routing policy but no health check and does not evaluate its alias target's health/],
      },
      {
        name: "a failover record without either",
        mutate: (p) =>
          Object.assign(p, {
            latencyRoutingPolicies: undefined,
            failoverRoutingPolicies: [{ type: "PRIMARY" }],
            healthCheckId: "",
            aliases: undefined,
            records: ["192.0.2.1"],
            ttl: 60,
          }),
        expect: [/has a routing policy but no health check/],
      },
    ],
    unknown: (p) => (p.healthCheckId = UNKNOWN_SENTINELS.string),
  });
});
