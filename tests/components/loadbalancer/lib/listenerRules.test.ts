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
import { rangeProblem as rangeOf } from "../../../../components/lib/ranges";
import { frame, resolveSection } from "../../../support/sections";

/** The health check every environment's web tier gets by default. */
const DEFAULT_HEALTH_CHECK: HealthCheckSettings = resolveSection(webSection, undefined, frame("prod", ["eu-west-1"]))["eu-west-1"]!.healthCheck;
const rangeProblem = (field: string, value: number, min: number, max: number, unit?: string) => rangeOf(field, value, { min, max }, unit);
import {
  ACCESS_LOG_PREFIX,
  ELB_LOG_DELIVERY_ACCOUNTS,
  ELB_LOG_DELIVERY_SERVICE,
  accessLogBucketPolicy,
  logDeliveryPrincipal,
} from "../../../../components/loadbalancer/lib/logDelivery";
import { AUTO_NAME_SUFFIX_LENGTH, MAX_ELB_NAME_LENGTH, elbNameProblem, loadBalancerArgProblems } from "../../../../components/loadbalancer/lib/validate";
import { REGION_NAMES } from "../../../../components/lib/regions";

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

describe("rangeProblem", () => {
  it("accepts whole numbers within the bounds, inclusive", () => {
    assert.equal(rangeProblem("intervalSeconds", 5, 5, 300, "seconds"), undefined);
    assert.equal(rangeProblem("intervalSeconds", 300, 5, 300, "seconds"), undefined);
    assert.equal(rangeProblem("delay", 0, 0, 0), undefined);
  });

  it("names the field, the bounds and the unit", () => {
    assert.deepEqual(rangeProblem("intervalSeconds", 4, 5, 300, "seconds"), {
      field: "intervalSeconds",
      message: "must be a whole number from 5 to 300 seconds",
    });
    assert.deepEqual(rangeProblem("healthyThreshold", 11, 2, 10), { field: "healthyThreshold", message: "must be a whole number from 2 to 10" });
  });

  it("rejects fractions, NaN and infinities", () => {
    for (const value of [5.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      assert.deepEqual(rangeProblem("x", value, 0, 10), { field: "x", message: "must be a whole number from 0 to 10" }, String(value));
    }
  });

  it("accepts exactly the integers in [min, max]", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1100, max: 1100 }), (a, b, value) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        assert.equal(rangeProblem("f", value, min, max) === undefined, value >= min && value <= max);
      }),
    );
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
    { name: "an interval below 5", changes: { intervalSeconds: 4, timeoutSeconds: 2 }, expected: [["intervalSeconds", "must be a whole number from 5 to 300 seconds"]] },
    { name: "an interval above 300", changes: { intervalSeconds: 301 }, expected: [["intervalSeconds", "must be a whole number from 5 to 300 seconds"]] },
    { name: "a timeout below 2", changes: { timeoutSeconds: 1 }, expected: [["timeoutSeconds", "must be a whole number from 2 to 120 seconds"]] },
    { name: "a fractional timeout", changes: { timeoutSeconds: 2.5 }, expected: [["timeoutSeconds", "must be a whole number from 2 to 120 seconds"]] },
    { name: "a healthy threshold of 1", changes: { healthyThreshold: 1 }, expected: [["healthyThreshold", "must be a whole number from 2 to 10"]] },
    { name: "an unhealthy threshold of 11", changes: { unhealthyThreshold: 11 }, expected: [["unhealthyThreshold", "must be a whole number from 2 to 10"]] },
    { name: "a timeout equal to the interval", changes: { intervalSeconds: 15, timeoutSeconds: 15 }, expected: [["timeoutSeconds", timeoutNotBelow(15)]] },
    { name: "a timeout above the interval", changes: { intervalSeconds: 10, timeoutSeconds: 30 }, expected: [["timeoutSeconds", timeoutNotBelow(10)]] },
    { name: "the largest timeout at the smallest interval", changes: { intervalSeconds: 5, timeoutSeconds: 5 }, expected: [["timeoutSeconds", timeoutNotBelow(5)]] },
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
    assert.match(tlsPolicyProblem("ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04", ["CloudFront"])!, /^ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04 offers only TLS 1\.3, but CloudFront connects with at most TLS 1\.2;/);
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
        message: "is 129 characters without its query string; the load balancers' health-checker rule matches it as an ALB path pattern, which allows at most 128",
      },
      {
        pattern: "/live*",
        message: "must not contain *: the load balancers' health-checker rule matches it as an ALB path pattern, where * is a wildcard that would admit other paths without CloudFront's header",
      },
    ]);
  });
});

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
        assert.ok(name.length + AUTO_NAME_SUFFIX_LENGTH <= MAX_ELB_NAME_LENGTH, `${name} is ${name.length + AUTO_NAME_SUFFIX_LENGTH} characters with the suffix`);
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
    assert.deepEqual(loadBalancerArgProblems("eu-west-1", { ...settings, appPort: 1, idleTimeoutSeconds: 1, accessLogRetentionDays: 1, deregistrationDelaySeconds: 0 }), []);
    assert.deepEqual(
      loadBalancerArgProblems("eu-west-1", { ...settings, appPort: 65535, idleTimeoutSeconds: 4000, accessLogRetentionDays: 3650, deregistrationDelaySeconds: 3600 }),
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
      'unverifiedHealthPaths "/d*" must not contain *: the load balancers\' health-checker rule matches it as an ALB path pattern, where * is a wildcard that would admit other paths without CloudFront\'s header',
    ]);
  });

  it("rejects a component name ELB refuses", () => {
    assert.deepEqual(loadBalancerArgProblems("internal", settings), [
      "name internal-alb must use letters, digits and -, not start with - or internal-",
      "name internal-web must use letters, digits and -, not start with - or internal-",
    ]);
  });
});

describe("logDeliveryPrincipal", () => {
  const legacy: Array<[string, string]> = [
    ["us-east-1", "127311923021"],
    ["us-east-2", "033677994240"],
    ["us-west-2", "797873946194"],
    ["eu-west-1", "156460612806"],
    ["eu-central-1", "054676820928"],
    ["eu-west-3", "009996457667"],
    ["ap-southeast-2", "783225319266"],
    ["ap-northeast-1", "582318560864"],
    ["sa-east-1", "507241528517"],
    ["af-south-1", "098369216593"],
  ];
  for (const [region, account] of legacy) {
    it(`lets ELB account ${account} deliver in ${region}`, () => {
      assert.deepEqual(logDeliveryPrincipal(region), { AWS: `arn:aws:iam::${account}:root` });
    });
  }

  it("uses the given partition in the account ARN", () => {
    assert.deepEqual(logDeliveryPrincipal("us-east-1", "aws-us-gov"), { AWS: "arn:aws-us-gov:iam::127311923021:root" });
  });

  // regions opened from August 2022 on
  const newer = ["eu-central-2", "eu-south-2", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ap-south-2", "me-central-1", "il-central-1", "ca-west-1", "mx-central-1"];
  for (const region of newer) {
    it(`uses the log-delivery service principal in ${region}`, () => {
      assert.deepEqual(logDeliveryPrincipal(region), { Service: "logdelivery.elasticloadbalancing.amazonaws.com" });
    });
  }

  it("gives every known region a principal: an ELB account for the older regions, the service for the newer ones", () => {
    assert.equal(ELB_LOG_DELIVERY_SERVICE, "logdelivery.elasticloadbalancing.amazonaws.com");
    const withService: string[] = [];
    for (const region of REGION_NAMES) {
      const principal = logDeliveryPrincipal(region);
      if ("AWS" in principal) assert.match(principal.AWS, /^arn:aws:iam::\d{12}:root$/, region);
      else {
        assert.deepEqual(principal, { Service: ELB_LOG_DELIVERY_SERVICE }, region);
        withService.push(region);
      }
    }
    assert.deepEqual([...withService].sort(), [...newer].sort());
  });

  it("lists only known regions, each with its own 12-digit account", () => {
    const regions = Object.keys(ELB_LOG_DELIVERY_ACCOUNTS);
    assert.equal(regions.length, 22);
    for (const region of regions) assert.ok(REGION_NAMES.includes(region), region);
    const accounts = Object.values(ELB_LOG_DELIVERY_ACCOUNTS);
    for (const account of accounts) assert.match(account, /^\d{12}$/);
    assert.equal(new Set(accounts).size, accounts.length);
  });
});

describe("accessLogBucketPolicy", () => {
  const bucketArn = "arn:aws:s3:::blueprint-prod-alb-logs-eu-west-1-123456789012";

  it("lets the region's ELB account put logs for this account only, and denies plain HTTP", () => {
    assert.equal(ACCESS_LOG_PREFIX, "alb");
    const policy = accessLogBucketPolicy({ bucketArn, region: "eu-west-1", accountId: "123456789012", partition: "aws" });
    assert.deepEqual(JSON.parse(policy), {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "AllowLoadBalancerLogDelivery",
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::156460612806:root" },
          Action: "s3:PutObject",
          Resource: `${bucketArn}/alb/AWSLogs/123456789012/*`,
        },
        {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: [bucketArn, `${bucketArn}/*`],
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ],
    });
  });

  it("names the service principal in a newer region", () => {
    const arn = "arn:aws:s3:::blueprint-prod-alb-logs-ap-southeast-4-123456789012";
    const policy = JSON.parse(accessLogBucketPolicy({ bucketArn: arn, region: "ap-southeast-4", accountId: "123456789012", partition: "aws" }));
    assert.deepEqual(policy.Statement[0], {
      Sid: "AllowLoadBalancerLogDelivery",
      Effect: "Allow",
      Principal: { Service: "logdelivery.elasticloadbalancing.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `${arn}/alb/AWSLogs/123456789012/*`,
    });
  });

  it("allows nothing but PutObject, and only under the account's log prefix, in every region", () => {
    for (const region of REGION_NAMES) {
      const policy = JSON.parse(accessLogBucketPolicy({ bucketArn, region, accountId: "210987654321", partition: "aws" }));
      const allows = policy.Statement.filter((statement: { Effect: string }) => statement.Effect === "Allow");
      assert.equal(allows.length, 1, region);
      assert.equal(allows[0].Action, "s3:PutObject", region);
      assert.equal(allows[0].Resource, `${bucketArn}/alb/AWSLogs/210987654321/*`, region);
      assert.notEqual(allows[0].Principal, "*", region);
      assert.deepEqual(allows[0].Principal, logDeliveryPrincipal(region), region);
    }
  });
});
