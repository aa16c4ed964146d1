import * as assert from "node:assert/strict";
import fc from "fast-check";
import type { HealthCheckSettings } from "../../../../components/loadbalancer/settings";
import { webSection } from "../../../../components/compute/section";
import { frame, resolveSection } from "../../../support/sections";
import { AUTO_NAME_SUFFIX_LENGTH, MAX_ELB_NAME_LENGTH, elbNameProblem, loadBalancerArgProblems } from "../../../../components/loadbalancer/lib/validate";
import { REGION_NAMES } from "../../../../components/lib/regions";

/** The health check every environment's web tier gets by default. */
const DEFAULT_HEALTH_CHECK: HealthCheckSettings = resolveSection(webSection, undefined, frame("prod", ["eu-west-1"]))["eu-west-1"].healthCheck;

describe("elbNameProblem", () => {
  it("allows 32 characters including Pulumi's 8-character suffix", () => {
    assert.equal(MAX_ELB_NAME_LENGTH, 32);
    assert.equal(AUTO_NAME_SUFFIX_LENGTH, 8);
    assert.equal(elbNameProblem("a".repeat(24)), undefined);
    assert.equal(elbNameProblem("a".repeat(25)), `name ${"a".repeat(25)} becomes 33 characters with Pulumi's suffix; ELB allows 32`);
  });

  it("fits the load balancer and target group of every known region", () => {
    // the LoadBalancer component is named after its region: <region>-alb and <region>-web
    for (const region of REGION_NAMES) {
      for (const name of [`${region}-alb`, `${region}-web`]) {
        assert.ok(
          name.length + AUTO_NAME_SUFFIX_LENGTH <= MAX_ELB_NAME_LENGTH,
          `${name} is ${name.length + AUTO_NAME_SUFFIX_LENGTH} characters with the suffix`,
        );
        assert.equal(elbNameProblem(name), undefined, name);
      }
    }
  });

  for (const name of ["internal-web", "-web", "web_1", "web.1", "wéb", ""]) {
    it(`rejects the characters of ${JSON.stringify(name)}`, () => {
      assert.equal(elbNameProblem(name), `name ${name} must use letters, digits and -, not start with - or internal-`);
    });
  }

  it("reports the length before the characters", () => {
    const name = `internal-${"a".repeat(20)}`;
    assert.equal(elbNameProblem(name), `name ${name} becomes 37 characters with Pulumi's suffix; ELB allows 32`);
  });

  it("accepts exactly the short names of letters, digits and inner dashes", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,30}$/), (name) => {
        fc.pre(!name.startsWith("internal-"));
        assert.equal(elbNameProblem(name) === undefined, name.length <= 24, name);
      }),
    );
  });
});

describe("loadBalancerArgProblems", () => {
  const settings = {
    appPort: 8080,
    idleTimeoutSeconds: 60,
    accessLogRetentionDays: 365,
    deregistrationDelaySeconds: 30,
    healthCheck: DEFAULT_HEALTH_CHECK,
  };

  it("accepts the component's defaults in every known region", () => {
    for (const region of REGION_NAMES) assert.deepEqual(loadBalancerArgProblems(region, settings), [], region);
  });

  it("accepts every edge of the ranges", () => {
    assert.deepEqual(
      loadBalancerArgProblems("eu-west-1", { ...settings, appPort: 1, idleTimeoutSeconds: 1, accessLogRetentionDays: 1, deregistrationDelaySeconds: 0 }),
      [],
    );
    assert.deepEqual(
      loadBalancerArgProblems("eu-west-1", {
        ...settings,
        appPort: 65535,
        idleTimeoutSeconds: 4000,
        accessLogRetentionDays: 3650,
        deregistrationDelaySeconds: 3600,
      }),
      [],
    );
  });

  it("lists every problem as a line, health-check fields under healthCheck.", () => {
    const name = "a-very-long-load-balancer-name";
    assert.deepEqual(
      loadBalancerArgProblems(name, {
        appPort: 0,
        idleTimeoutSeconds: 4001,
        accessLogRetentionDays: 0,
        deregistrationDelaySeconds: 3601,
        healthCheck: { ...DEFAULT_HEALTH_CHECK, path: "health", timeoutSeconds: 20 },
      }),
      [
        `name ${name}-alb becomes 42 characters with Pulumi's suffix; ELB allows 32`,
        `name ${name}-web becomes 42 characters with Pulumi's suffix; ELB allows 32`,
        "appPort must be a whole number from 1 to 65535",
        "idleTimeoutSeconds must be a whole number from 1 to 4000 seconds",
        "accessLogRetentionDays must be a whole number from 1 to 3650 days",
        "deregistrationDelaySeconds must be a whole number from 0 to 3600 seconds",
        "healthCheck.path must start with /",
        "healthCheck.timeoutSeconds must be less than intervalSeconds (15); AWS rejects a health-check timeout that is not below its interval",
      ],
    );
  });

  it("rejects unverified health paths the health checkers' listener rule cannot match", () => {
    assert.deepEqual(loadBalancerArgProblems("eu-west-1", { ...settings, unverifiedHealthPaths: ["/health", "/ready?deep=1"] }), []);
    assert.deepEqual(loadBalancerArgProblems("eu-west-1", { ...settings, unverifiedHealthPaths: ["/a", "/b", "/c", "/d*"] }), [
      "unverifiedHealthPaths must list at most 3 paths, got 4: an ALB rule condition takes 3 values and a rule 5, 2 of them the methods",
      "unverifiedHealthPaths \"/d*\" must not contain *: the load balancers' health-checker rule matches it as an ALB path pattern, where * is a wildcard that would admit other paths without CloudFront's header",
    ]);
  });

  it("rejects a component name ELB refuses", () => {
    assert.deepEqual(loadBalancerArgProblems("internal", settings), [
      "name internal-alb must use letters, digits and -, not start with - or internal-",
      "name internal-web must use letters, digits and -, not start with - or internal-",
    ]);
  });
});
