import * as assert from "node:assert/strict";
import fc from "fast-check";
import { problems } from "../support/config";
import { parseConfig } from "../../infra/config";

/** 45 distinct arm64 type names (nine Graviton families, five sizes each). */
const MANY_GRAVITON_TYPES = ["m6g", "m7g", "m8g", "c6g", "c7g", "c8g", "r6g", "r7g", "r8g"].flatMap((family) =>
  ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge"].map((size) => `${family}.${size}`),
);

/** A valid prod config; tests change one thing at a time. */
function prodConfig(): Record<string, any> {
  return {
    environment: "prod",
    owner: "platform-team",
    costCenter: "CC-2001",
    regions: [
      { name: "us-east-1", primary: true, vpcCidr: "10.128.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"] },
      { name: "eu-west-1", vpcCidr: "10.129.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"] },
    ],
  };
}

function devConfig(): Record<string, any> {
  return {
    environment: "dev",
    owner: "platform-team",
    costCenter: "CC-1001",
    regions: [{ name: "us-east-1", vpcCidr: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] }],
  };
}

describe("application-tier config", () => {
  describe("profile defaults", () => {
    it("sizes prod's web tier at one instance per AZ of each region, on demand", () => {
      const raw = prodConfig();
      raw.regions[1].availabilityZones = ["eu-west-1a", "eu-west-1b", "eu-west-1c"];
      const config = parseConfig(raw);
      const capacity = (region: string) => ({ minSize: config.web[region]!.minSize, maxSize: config.web[region]!.maxSize, desiredCapacity: config.web[region]!.desiredCapacity });
      assert.deepEqual(capacity("us-east-1"), { minSize: 3, maxSize: 12, desiredCapacity: 3 });
      assert.deepEqual(capacity("eu-west-1"), { minSize: 3, maxSize: 12, desiredCapacity: 3 });
      assert.equal(config.web["us-east-1"]!.spot.spotPercentage, 0);
      assert.deepEqual(config.web["us-east-1"]!.instanceTypes, ["m7g.large", "m6g.large"]);
      assert.equal(config.loadBalancer.deletionProtection, true);
      assert.equal(config.loadBalancer.accessLogRetentionDays, 365);
      assert.equal(config.loadBalancer.sslPolicy, "ELBSecurityPolicy-TLS13-1-2-2021-06");
    });

    it("lets dev run Spot and scale the worker to zero", () => {
      const config = parseConfig(devConfig());
      const worker = config.worker["us-east-1"]!;
      assert.deepEqual([worker.minSize, worker.maxSize, worker.desiredCapacity], [0, 2, 0]);
      assert.equal(config.web["us-east-1"]!.spot.spotPercentage, 100);
      assert.equal(config.loadBalancer.deletionProtection, false);
      assert.equal(config.domain, undefined);
    });

    it("gives a stack without queues the default standard queue with a maximal dead-letter retention", () => {
      assert.deepEqual(parseConfig(devConfig()).queues, [
        {
          name: "jobs",
          type: "standard",
          visibilityTimeoutSeconds: 60,
          messageRetentionSeconds: 345600,
          delaySeconds: 0,
          receiveWaitTimeSeconds: 20,
          maxMessageSizeBytes: 262144,
          maxReceiveCount: 5,
          contentBasedDeduplication: false,
          deadLetter: { type: "standard", messageRetentionSeconds: 1209600 },
        },
      ]);
    });

    it("makes a FIFO queue's dead-letter queue FIFO by default", () => {
      const raw = devConfig();
      raw.queues = [{ name: "orders", type: "fifo" }];
      assert.equal(parseConfig(raw).queues[0]!.deadLetter.type, "fifo");
    });

    it("derives the API and app names from the domain", () => {
      const raw = prodConfig();
      raw.domain = { name: "example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ" };
      assert.deepEqual(parseConfig(raw).domain, {
        name: "example.com",
        hostedZoneId: "Z0123456789ABCDEFGHIJ",
        apiName: "api.example.com",
        appName: "www.example.com",
        certificateArns: {},
      });
    });
  });

  describe("the issue's three deploy-time failures, reported together", () => {
    it("names minSize above maxSize, a FIFO queue with a standard DLQ and a timeout not below its interval", () => {
      const raw = prodConfig();
      raw.web = { minSize: 5, maxSize: 4 };
      raw.queues = [{ name: "orders", type: "fifo", deadLetter: { type: "standard" } }];
      raw.web.healthCheck = { intervalSeconds: 10, timeoutSeconds: 10 };
      const lines = problems(raw);
      assert.deepEqual(lines, [
        // in the order of the stack file's sections: web before queues
        "blueprint:web.minSize: is above maxSize (4); AWS requires minSize <= desiredCapacity <= maxSize (got 5)",
        "blueprint:web.healthCheck.timeoutSeconds: must be less than intervalSeconds (10); AWS rejects a health-check timeout that is not below its interval (got 10)",
        "blueprint:queues[0].deadLetter.type: is standard but the queue is fifo; a FIFO queue's dead-letter queue must also be FIFO (got \"standard\")",
      ]);
    });
  });

  describe("rules", () => {
    const cases: Array<[string, (raw: Record<string, any>) => void, string]> = [
      ["desired outside the range", (raw) => (raw.web = { minSize: 3, maxSize: 6, desiredCapacity: 7 }), "blueprint:web.desiredCapacity: must lie between minSize (3) and maxSize (6) (got 7)"],
      ["prod web below the AZ count", (raw) => (raw.web = { minSize: 2 }), "blueprint:web.minSize: is 2, below us-east-1's 3 AZs; prod keeps an instance per AZ (or set resilienceWaiver.reason)"],
      ["a worker at zero outside dev", (raw) => (raw.worker = { minSize: 0 }), "blueprint:worker.minSize: may only be 0 in dev; prod keeps a worker running so queues drain without a cold start (got 0)"],
      ["an x86 type on an arm64 tier", (raw) => (raw.web = { instanceTypes: ["m7g.large", "m7i.large"] }), "blueprint:web.instanceTypes[1]: runs x86_64 but the tier's architecture is arm64; every type must run the tier's AMI (set web.architecture or pick arm64 types) (got \"m7i.large\")"],
      ["more instance types than an auto-scaling group takes", (raw) => (raw.worker = { instanceTypes: MANY_GRAVITON_TYPES.slice(0, 41) }), "blueprint:worker.instanceTypes: lists 41 types; list 1 to 40 (an auto-scaling group's limit)"],
      ["a made-up instance type", (raw) => (raw.worker = { instanceTypes: ["large"] }), "blueprint:worker.instanceTypes[0]: is not an EC2 instance type name such as m7g.large or t3.small (got \"large\")"],
      ["Spot in prod", (raw) => (raw.web = { spot: { spotPercentage: 50 } }), "blueprint:web.spot.spotPercentage: is above prod's limit of 0; prod runs on demand so a Spot reclaim never removes capacity (got 50)"],
      ["a root volume below the image", (raw) => (raw.web = { rootVolumeGiB: 4 }), "blueprint:web.rootVolumeGiB: must be a whole number from 8 to 16384 GiB (got 4)"],
      ["a health-check path without a slash", (raw) => (raw.web = { healthCheck: { path: "health" } }), "blueprint:web.healthCheck.path: must start with / (got \"health\")"],
      ["a matcher outside 200-499", (raw) => (raw.web = { healthCheck: { matcher: "200-502" } }), "blueprint:web.healthCheck.matcher: may only use codes from 200 to 499 (the ALB API rejects others) (got \"200-502\")"],
      ["a health-check interval too long", (raw) => (raw.web = { healthCheck: { intervalSeconds: 301 } }), "blueprint:web.healthCheck.intervalSeconds: must be a whole number from 5 to 300 seconds (got 301)"],
      ["a TLS 1.3-only policy behind CloudFront and Route 53", (raw) => {
        raw.domain = { name: "example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ" };
        raw.loadBalancer = { sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06" };
      }, "blueprint:loadBalancer.sslPolicy: ELBSecurityPolicy-TLS13-1-3-2021-06 offers only TLS 1.3, but CloudFront and Route 53 health checks connect with at most TLS 1.2; use one of ELBSecurityPolicy-TLS13-1-2-2021-06, ELBSecurityPolicy-TLS13-1-2-Res-2021-06, ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04 (got \"ELBSecurityPolicy-TLS13-1-3-2021-06\")"],
      ["an idle timeout too long", (raw) => (raw.loadBalancer = { idleTimeoutSeconds: 5000 }), "blueprint:loadBalancer.idleTimeoutSeconds: must be a whole number from 1 to 4000 seconds (got 5000)"],
      ["a secret in user data", (raw) => (raw.worker = { userData: "export DB_PASSWORD=hunter2hunter2" }), "blueprint:worker.userData: contains what looks like a literal password, secret, token or API key; user data is readable by anyone who can describe the instance, so read secrets from Secrets Manager at boot (got \"export DB_PASSWORD=hunter2hunter2\")"],
      ["duplicate queue names", (raw) => (raw.queues = [{ name: "jobs" }, { name: "jobs" }]), "blueprint:queues[1].name: duplicates queues[0].name once case, - and _ are ignored (both would be BLUEPRINT_QUEUE_JOBS_URL); queue names must be unique (got \"jobs\")"],
      ["no queues", (raw) => (raw.queues = []), "blueprint:queues: must list at least one queue: the worker tier consumes them (omit the key for the default queue) (got [])"],
      ["an alarm age above the retention", (raw) => { raw.queues = [{ name: "jobs", messageRetentionSeconds: 600 }]; raw.alarms = { queueOldestMessageAgeSeconds: 900 }; }, "blueprint:alarms.queueOldestMessageAgeSeconds: must be below the shortest queue retention (600 s); messages expire before the alarm could fire (got 900)"],
      ["a bad alarm email", (raw) => (raw.alarms = { email: "oncall" }), "blueprint:alarms.email: must be an email address such as ops@example.com (got \"oncall\")"],
      ["an unknown key inside web", (raw) => (raw.web = { minsize: 2 }), "blueprint:web.minsize: is not a known key; allowed here: instanceTypes, architecture, os, minSize, maxSize, desiredCapacity, rootVolumeGiB, spot, instanceRefreshMinHealthyPercent, userData, healthCheck, healthCheckGracePeriodSeconds, targetRequestsPerInstance, targetCpuPercent"],
      ["a domain with a trailing dot", (raw) => (raw.domain = { name: "example.com.", hostedZoneId: "Z0123456789ABCDEFGHIJ" }), "blueprint:domain.name: must not end with a dot (got \"example.com.\")"],
      ["a hosted zone ID with its path", (raw) => (raw.domain = { name: "example.com", hostedZoneId: "/hostedzone/Z0123" }), "blueprint:domain.hostedZoneId: must be a Route 53 hosted zone ID such as Z0123456789ABCDEFGHIJ (without /hostedzone/) (got \"/hostedzone/Z0123\")"],
      ["a domain with neither zone nor certificates", (raw) => {
        raw.domain = { name: "example.com", certificateArns: { "us-east-1": "arn:aws:acm:us-east-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a" } };
        // CloudFront's own certificate is given, so only the load balancers' is missing
        raw.cdn = { certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a", certificateNames: ["www.example.com"] };
      }, "blueprint:domain: needs hostedZoneId (the stack then creates DNS-validated certificates) or certificateArns for every region; missing a certificate for eu-west-1"],
      ["a certificate from another region", (raw) => (raw.domain = { name: "example.com", hostedZoneId: "Z0123", certificateArns: { "eu-west-1": "arn:aws:acm:us-east-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a" } }), "blueprint:domain.certificateArns.eu-west-1: is a certificate in us-east-1; a load balancer can only use a certificate from its own region (eu-west-1) (got \"arn:aws:acm:us-east-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a\")"],
      ["a certificate for a region the stack lacks", (raw) => (raw.domain = { name: "example.com", hostedZoneId: "Z0123", certificateArns: { "ap-south-1": "arn:aws:acm:ap-south-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a" } }), "blueprint:domain.certificateArns.ap-south-1: names a region the stack does not run in; the stack's regions are us-east-1, eu-west-1 (got \"arn:aws:acm:ap-south-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a\")"],
      ["the same name for app and API", (raw) => (raw.domain = { name: "example.com", hostedZoneId: "Z0123", apiSubdomain: "www" }), "blueprint:domain.appSubdomain: must differ from apiSubdomain: CloudFront serves www.example.com and the load balancers serve www.example.com"],
    ];
    for (const [what, mutate, expected] of cases) {
      it(`rejects ${what}`, () => {
        const raw = prodConfig();
        mutate(raw);
        assert.deepEqual(problems(raw), [expected]);
      });
    }

    it("accepts a waiver for a prod web tier below the AZ count", () => {
      const raw = prodConfig();
      raw.web = { minSize: 2 };
      raw.resilienceWaiver = { reason: "load test environment, one instance per AZ is not needed" };
      assert.equal(parseConfig(raw).web["us-east-1"]!.minSize, 2);
    });
  });

  it("property: any in-range capacity triple parses and keeps min <= desired <= max", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 50 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), (min, extra, desiredOffset) => {
        const raw = prodConfig();
        const max = min + extra;
        raw.web = { minSize: min, maxSize: max, desiredCapacity: min + (desiredOffset % (extra + 1)) };
        const capacity = parseConfig(raw).web["eu-west-1"]!;
        return capacity.minSize <= capacity.desiredCapacity && capacity.desiredCapacity <= capacity.maxSize;
      }),
    );
  });

  it("property: a queue and its dead-letter queue of different kinds are always rejected", () => {
    fc.assert(
      fc.property(fc.constantFrom("standard", "fifo"), fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), (type, name) => {
        const raw = devConfig();
        raw.queues = [{ name, type, deadLetter: { type: type === "fifo" ? "standard" : "fifo" } }];
        return problems(raw).some((line) => line.startsWith("blueprint:queues[0].deadLetter.type:"));
      }),
    );
  });
});
