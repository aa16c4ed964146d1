import * as assert from "node:assert/strict";
import fc from "fast-check";
import {
  HEALTH_CHECKER_METHODS,
  PATH_CONDITION_LIMITS,
  TLS12_POLICIES,
  healthCheckProblems,
  healthPathPattern,
  listenerLayout,
  matcherProblem,
  tlsPolicyProblem,
  unverifiedHealthPathProblems,
} from "../../../../components/loadbalancer/lib/listenerRules";
import { DESYNC_MITIGATION_MODES, TLS_POLICIES } from "../../../../components/loadbalancer/lib/limits";
import type { HealthCheckSettings } from "../../../../components/loadbalancer/settings";
import { webSection } from "../../../../components/compute/section";
import { frame, resolveSection } from "../../../support/sections";

/** The health check every environment's web tier gets by default. */
const DEFAULT_HEALTH_CHECK: HealthCheckSettings = resolveSection(webSection, undefined, frame("prod", ["eu-west-1"]))["eu-west-1"].healthCheck;

const FORMAT = 'must be HTTP codes such as "200", "200,204" or "200-299"';
const OUT_OF_RANGE = "may only use codes from 200 to 499 (the ALB API rejects others)";
const timeoutNotBelow = (interval: number) =>
  `must be less than intervalSeconds (${interval}); AWS rejects a health-check timeout that is not below its interval`;

describe("listener rules", () => {
  it("offers TLS 1.2+ policies with AWS's recommended one first, and both desync modes", () => {
    assert.equal(TLS_POLICIES[0], "ELBSecurityPolicy-TLS13-1-2-2021-06");
    for (const policy of TLS_POLICIES) assert.match(policy, /^ELBSecurityPolicy-TLS13-1-[23]-/);
    assert.deepEqual([...DESYNC_MITIGATION_MODES], ["defensive", "strictest"]);
  });

  it("lays out HTTPS with a redirect when there is a certificate, plain HTTP otherwise", () => {
    assert.deepEqual(listenerLayout(true), { https: true, http: "redirect" });
    assert.deepEqual(listenerLayout(false), { https: false, http: "serve" });
  });
});

describe("matcherProblem", () => {
  for (const good of ["200", "200,204", "200-299", "200-299,301,302", "499", "200-499", "200,201,202,203"]) {
    it(`accepts ${good}`, () => {
      assert.equal(matcherProblem(good), undefined);
    });
  }

  const bad: Array<[string, string]> = [
    ["", FORMAT],
    ["ok", FORMAT],
    ["20", FORMAT],
    ["2000", FORMAT],
    ["200, 204", FORMAT],
    ["200,", FORMAT],
    [",200", FORMAT],
    ["200-", FORMAT],
    ["200-250-299", FORMAT],
    ["2xx", FORMAT],
    ["199", OUT_OF_RANGE],
    ["500", OUT_OF_RANGE],
    ["200-500", OUT_OF_RANGE],
    ["100-299", OUT_OF_RANGE],
    ["200,503", OUT_OF_RANGE],
    ["299-200", "has a range whose start is not below its end (299-200)"],
    ["200,300-300", "has a range whose start is not below its end (300-300)"],
  ];
  for (const [matcher, expected] of bad) {
    it(`rejects ${JSON.stringify(matcher)}`, () => {
      assert.equal(matcherProblem(matcher), expected);
    });
  }

  it("reports the first problem in the list", () => {
    assert.equal(matcherProblem("500,x"), OUT_OF_RANGE);
    assert.equal(matcherProblem("x,500"), FORMAT);
  });

  it("accepts every single code and every rising range from 200 to 499", () => {
    const code = fc.integer({ min: 200, max: 499 });
    fc.assert(
      fc.property(code, code, (a, b) => {
        assert.equal(matcherProblem(String(a)), undefined);
        if (a < b) assert.equal(matcherProblem(`${a}-${b}`), undefined);
        else assert.equal(matcherProblem(`${a}-${b}`), `has a range whose start is not below its end (${a}-${b})`);
      }),
    );
  });
});

describe("healthCheckProblems", () => {
  const check = (changes: Partial<HealthCheckSettings>): HealthCheckSettings => ({ ...DEFAULT_HEALTH_CHECK, ...changes });

  it("has valid defaults", () => {
    assert.deepEqual(DEFAULT_HEALTH_CHECK, {
      path: "/health",
      matcher: "200",
      intervalSeconds: 15,
      timeoutSeconds: 5,
      healthyThreshold: 2,
      unhealthyThreshold: 3,
    });
    assert.deepEqual(healthCheckProblems(DEFAULT_HEALTH_CHECK), []);
  });

  it("accepts every edge of the ELB API's ranges", () => {
    assert.deepEqual(healthCheckProblems(check({ intervalSeconds: 5, timeoutSeconds: 2, healthyThreshold: 2, unhealthyThreshold: 2 })), []);
    assert.deepEqual(healthCheckProblems(check({ intervalSeconds: 300, timeoutSeconds: 120, healthyThreshold: 10, unhealthyThreshold: 10 })), []);
    assert.deepEqual(healthCheckProblems(check({ path: `/${"a".repeat(1023)}` })), []);
  });

  const cases: Array<{ name: string; changes: Partial<HealthCheckSettings>; expected: Array<[string, string]> }> = [
    { name: "a relative path", changes: { path: "health" }, expected: [["path", "must start with /"]] },
    { name: "an empty path", changes: { path: "" }, expected: [["path", "must start with /"]] },
    { name: "a path over 1024 characters", changes: { path: `/${"a".repeat(1024)}` }, expected: [["path", "must be at most 1024 characters"]] },
    { name: "whitespace in the path", changes: { path: "/health check" }, expected: [["path", "must not contain whitespace"]] },
    { name: "a tab in the path", changes: { path: "/health\t" }, expected: [["path", "must not contain whitespace"]] },
    {
      name: "a relative path with a space",
      changes: { path: "health check" },
      expected: [
        ["path", "must start with /"],
        ["path", "must not contain whitespace"],
      ],
    },
    { name: "a bad matcher", changes: { matcher: "500" }, expected: [["matcher", OUT_OF_RANGE]] },
    {
      name: "an interval below 5",
      changes: { intervalSeconds: 4, timeoutSeconds: 2 },
      expected: [["intervalSeconds", "must be a whole number from 5 to 300 seconds"]],
    },
    { name: "an interval above 300", changes: { intervalSeconds: 301 }, expected: [["intervalSeconds", "must be a whole number from 5 to 300 seconds"]] },
    { name: "a timeout below 2", changes: { timeoutSeconds: 1 }, expected: [["timeoutSeconds", "must be a whole number from 2 to 120 seconds"]] },
    { name: "a fractional timeout", changes: { timeoutSeconds: 2.5 }, expected: [["timeoutSeconds", "must be a whole number from 2 to 120 seconds"]] },
    { name: "a healthy threshold of 1", changes: { healthyThreshold: 1 }, expected: [["healthyThreshold", "must be a whole number from 2 to 10"]] },
    { name: "an unhealthy threshold of 11", changes: { unhealthyThreshold: 11 }, expected: [["unhealthyThreshold", "must be a whole number from 2 to 10"]] },
    { name: "a timeout equal to the interval", changes: { intervalSeconds: 15, timeoutSeconds: 15 }, expected: [["timeoutSeconds", timeoutNotBelow(15)]] },
    { name: "a timeout above the interval", changes: { intervalSeconds: 10, timeoutSeconds: 30 }, expected: [["timeoutSeconds", timeoutNotBelow(10)]] },
    {
      name: "the largest timeout at the smallest interval",
      changes: { intervalSeconds: 5, timeoutSeconds: 5 },
      expected: [["timeoutSeconds", timeoutNotBelow(5)]],
    },
    {
      name: "a timeout out of range and above the interval",
      changes: { intervalSeconds: 120, timeoutSeconds: 121 },
      expected: [
        ["timeoutSeconds", "must be a whole number from 2 to 120 seconds"],
        ["timeoutSeconds", timeoutNotBelow(120)],
      ],
    },
    {
      name: "everything wrong at once, in field order",
      changes: { path: "x y", matcher: "", intervalSeconds: 3, timeoutSeconds: 200, healthyThreshold: 0, unhealthyThreshold: 20 },
      expected: [
        ["path", "must start with /"],
        ["path", "must not contain whitespace"],
        ["matcher", FORMAT],
        ["intervalSeconds", "must be a whole number from 5 to 300 seconds"],
        ["timeoutSeconds", "must be a whole number from 2 to 120 seconds"],
        ["healthyThreshold", "must be a whole number from 2 to 10"],
        ["unhealthyThreshold", "must be a whole number from 2 to 10"],
        ["timeoutSeconds", timeoutNotBelow(3)],
      ],
    },
  ];
  for (const { name, changes, expected } of cases) {
    it(`rejects ${name}`, () => {
      assert.deepEqual(
        healthCheckProblems(check(changes)),
        expected.map(([field, message]) => ({ field, message })),
      );
    });
  }

  it("flags the timeout against the interval exactly when it is not below it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 300 }), fc.integer({ min: 2, max: 120 }), (intervalSeconds, timeoutSeconds) => {
        const problems = healthCheckProblems(check({ intervalSeconds, timeoutSeconds }));
        assert.deepEqual(problems, timeoutSeconds < intervalSeconds ? [] : [{ field: "timeoutSeconds", message: timeoutNotBelow(intervalSeconds) }]);
      }),
    );
  });
});

describe("tlsPolicyProblem", () => {
  it("knows which policies still offer TLS 1.2: every one but the two TLS 1.3-only policies", () => {
    assert.deepEqual(
      TLS_POLICIES.filter((policy) => !TLS12_POLICIES.includes(policy)),
      ["ELBSecurityPolicy-TLS13-1-3-2021-06", "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04"],
    );
  });

  it("accepts any policy when no TLS 1.2-only client connects", () => {
    for (const policy of TLS_POLICIES) assert.equal(tlsPolicyProblem(policy, []), undefined, policy);
  });

  it("rejects a TLS 1.3-only policy in front of CloudFront or Route 53's HTTPS health checks, naming the alternatives", () => {
    for (const policy of TLS12_POLICIES) assert.equal(tlsPolicyProblem(policy, ["CloudFront", "Route 53 health checks"]), undefined, policy);
    assert.equal(
      tlsPolicyProblem("ELBSecurityPolicy-TLS13-1-3-2021-06", ["CloudFront", "Route 53 health checks"]),
      "ELBSecurityPolicy-TLS13-1-3-2021-06 offers only TLS 1.3, but CloudFront and Route 53 health checks connect with at most TLS 1.2; use one of ELBSecurityPolicy-TLS13-1-2-2021-06, ELBSecurityPolicy-TLS13-1-2-Res-2021-06, ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
    );
    assert.match(
      tlsPolicyProblem("ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04", ["CloudFront"])!,
      /^ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04 offers only TLS 1\.3, but CloudFront connects with at most TLS 1\.2;/,
    );
  });
});

describe("health checkers' listener rule", () => {
  it("keeps ALB's path-condition limits and admits only the read methods", () => {
    assert.deepEqual(PATH_CONDITION_LIMITS, { maxLength: 128, valuesPerCondition: 3, valuesPerRule: 5 });
    assert.deepEqual(HEALTH_CHECKER_METHODS, ["GET", "HEAD"]);
  });

  it("matches the path without its query string (ALB never compares the query, and ? is a wildcard)", () => {
    assert.equal(healthPathPattern("/health"), "/health");
    assert.equal(healthPathPattern("/health?deep=1&x=2"), "/health");
    assert.equal(healthPathPattern("/"), "/");
  });

  it("accepts up to three exact paths of up to 128 characters, counting paths that differ only in their query once", () => {
    assert.deepEqual(unverifiedHealthPathProblems([]), []);
    assert.deepEqual(unverifiedHealthPathProblems(["/a", "/b", "/c", "/a?x=1"]), []);
    assert.deepEqual(unverifiedHealthPathProblems([`/${"h".repeat(127)}?${"q".repeat(200)}`]), []);
  });

  it("names every problem: too many paths, no leading /, too long, a wildcard", () => {
    const long = `/${"h".repeat(128)}`;
    assert.deepEqual(unverifiedHealthPathProblems(["health", long, "/live*", "/ok"]), [
      { message: "must list at most 3 paths, got 4: an ALB rule condition takes 3 values and a rule 5, 2 of them the methods" },
      { pattern: "health", message: "must start with /" },
      {
        pattern: long,
        message:
          "is 129 characters without its query string; the load balancers' health-checker rule matches it as an ALB path pattern, which allows at most 128",
      },
      {
        pattern: "/live*",
        message:
          "must not contain *: the load balancers' health-checker rule matches it as an ALB path pattern, where * is a wildcard that would admit other paths without CloudFront's header",
      },
    ]);
  });
});
