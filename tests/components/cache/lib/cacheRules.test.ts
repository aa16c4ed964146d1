import * as assert from "node:assert/strict";
import {
  AUTH_TOKEN_SPECIALS,
  authTokenProblems,
  authTokenRules,
  cacheSettingsProblems,
  GLOBAL_DATASTORE_REGIONS,
  partialCacheSettingsProblems,
  type CacheSettings,
  type CacheSettingsContext,
} from "../../../../components/cache/lib/cacheRules";
import { REGION_NAMES } from "../../../../components/lib/regions";
import { PROD_CACHE_SETTINGS } from "../../../support/settings";

const PROD: CacheSettings = PROD_CACHE_SETTINGS;
const CTX: CacheSettingsContext = { regions: ["us-east-1", "eu-west-1", "ap-southeast-2"], primaryRegion: "us-east-1", namePrefix: "blueprint-prod" };

const problemsOf = (settings: Partial<CacheSettings>, ctx: CacheSettingsContext = CTX) =>
  cacheSettingsProblems({ ...PROD, ...settings }, ctx).map((problem) => [problem.field, problem.message]);

describe("cache settings rules", () => {
  it("accept the prod settings, the dev settings and the edges of every range", () => {
    assert.deepEqual(problemsOf({}), []);
    const dev = { mode: "regional", nodeType: "cache.t4g.micro", replicasPerNodeGroup: 0, automaticFailover: false, multiAz: false } as const;
    assert.deepEqual(problemsOf(dev, { ...CTX, regions: ["eu-west-1"] }), []);
    assert.deepEqual(problemsOf({ replicasPerNodeGroup: 5, port: 1, snapshotRetentionDays: 35, slowLogRetentionDays: 1 }), []);
    assert.deepEqual(
      problemsOf({ port: 65_535, snapshotRetentionDays: 0, alarms: { cpuPercent: 100, memoryPercent: 0.5, replicationLagSeconds: 86_400 } }),
      [],
    );
    // the oldest Redis OSS that delivers the slow log (every group does)
    assert.deepEqual(problemsOf({ engine: "redis", engineVersion: "6.0", nodeType: "cache.m6g.large" }), []);
    assert.deepEqual(
      problemsOf({ mode: "none", nodeType: "cache.t3.small", replicasPerNodeGroup: 0, automaticFailover: false, multiAz: false, authRotationDays: 0 }),
      [],
    );
    assert.deepEqual(problemsOf({ authRotationDays: 1000 }), []);
  });

  const cases: Array<{ name: string; settings: Partial<CacheSettings>; ctx?: CacheSettingsContext; expected: Array<[string, string]> }> = [
    {
      name: "a Global Datastore in more regions than AWS allows",
      settings: {},
      ctx: { ...CTX, regions: [...CTX.regions, "us-west-2"] },
      expected: [
        [
          "mode",
          'is "global" but the stack has 4 regions (us-east-1, eu-west-1, ap-southeast-2, us-west-2); a Global Datastore has one primary region and at most 2 secondary regions (run at most 3 regions, or use mode "regional")',
        ],
      ],
    },
    {
      name: "a burstable node type in a Global Datastore",
      settings: { nodeType: "cache.t4g.medium" },
      expected: [
        [
          "nodeType",
          'cache.t4g.medium cannot join a Global Datastore: burstable (T) nodes are not supported; use m8g, m7g, m6g, m5, r8g, r7g, r6g, r5, c8gn, c7gn at size large or above (mode "global")',
        ],
      ],
    },
    {
      name: "a previous-generation node type in a Global Datastore",
      settings: { nodeType: "cache.r4.large" },
      expected: [
        [
          "nodeType",
          'cache.r4.large cannot join a Global Datastore: previous-generation nodes are not supported; use m8g, m7g, m6g, m5, r8g, r7g, r6g, r5, c8gn, c7gn at size large or above (mode "global")',
        ],
      ],
    },
    {
      name: "a Redis OSS version older than a Global Datastore needs",
      settings: { engine: "redis", engineVersion: "4.0.10", nodeType: "cache.r5.large" },
      expected: [
        [
          "engineVersion",
          "Redis OSS 4.0.10 cannot deliver its slow log to CloudWatch Logs, which every replication group of the blueprint does; ElastiCache delivers logs from Redis OSS 6.0 on (choose 6.0 or later)",
        ],
        ["engineVersion", 'Redis OSS 4.0.10 cannot form a Global Datastore (mode "global"), which needs Redis OSS 5.0.6 or later'],
      ],
    },
    {
      name: "a Redis OSS version without slow-log delivery, in any mode",
      settings: { mode: "regional", engine: "redis", engineVersion: "5.0.6", nodeType: "cache.m6g.large" },
      expected: [
        [
          "engineVersion",
          "Redis OSS 5.0.6 cannot deliver its slow log to CloudWatch Logs, which every replication group of the blueprint does; ElastiCache delivers logs from Redis OSS 6.0 on (choose 6.0 or later)",
        ],
      ],
    },
    {
      name: "an engine version ElastiCache does not offer",
      settings: { engineVersion: "7.0" },
      expected: [["engineVersion", 'Valkey "7.0" is not a version ElastiCache creates; choose one of 7.2, 8.0, 8.1, 8.2, 9.0, 9.1']],
    },
    {
      name: "a node type too new for the Redis OSS version",
      settings: { mode: "regional", engine: "redis", engineVersion: "6.0", nodeType: "cache.r7g.large" },
      expected: [["nodeType", "cache.r7g.large needs Redis OSS 6.2 or later; the engine version is 6.0"]],
    },
    {
      name: "a Graviton4 node type with Redis OSS",
      settings: { engine: "redis", engineVersion: "7.1", nodeType: "cache.r8g.large" },
      expected: [["nodeType", "cache.r8g.large runs Valkey only, not Redis OSS"]],
    },
    {
      name: "a node type that is no node type",
      settings: { nodeType: "r7g.large" },
      expected: [["nodeType", '"r7g.large" is not an ElastiCache node type; write cache.<family>.<size>, e.g. cache.r7g.large']],
    },
    {
      name: "a size the family does not have",
      settings: { nodeType: "cache.r7g.24xlarge" },
      expected: [["nodeType", "cache.r7g.24xlarge does not exist: the r7g family comes in large, xlarge, 2xlarge, 4xlarge, 8xlarge, 12xlarge, 16xlarge"]],
    },
    {
      name: "T2, which AWS no longer creates",
      settings: { mode: "regional", nodeType: "cache.t2.micro" },
      expected: [["nodeType", "cache.t2.micro is a previous-generation node type AWS no longer creates; use cache.t4g"]],
    },
    {
      name: "a data-tiering node",
      settings: { nodeType: "cache.r6gd.xlarge" },
      expected: [
        [
          "nodeType",
          "cache.r6gd.xlarge is a data-tiering node, which needs dataTieringEnabled and keeps cold data on SSD; the blueprint does not offer data tiering (choose cache.r7g or cache.r6g)",
        ],
      ],
    },
    {
      name: "failover and Multi-AZ without a replica",
      settings: { replicasPerNodeGroup: 0 },
      expected: [
        [
          "automaticFailover",
          "is true but replicasPerNodeGroup is 0; failover promotes a replica, so it needs at least 1 (add a replica or set automaticFailover to false)",
        ],
        ["multiAz", "is true but replicasPerNodeGroup is 0; Multi-AZ needs a replica in another AZ (add a replica or set multiAz to false)"],
      ],
    },
    {
      name: "Multi-AZ without failover",
      settings: { automaticFailover: false },
      expected: [["multiAz", "is true but automaticFailover is false; ElastiCache enables Multi-AZ only with automatic failover"]],
    },
    {
      name: "replicas, port and retention out of range",
      settings: { replicasPerNodeGroup: 6, port: 70_000, snapshotRetentionDays: 36 },
      expected: [
        ["replicasPerNodeGroup", "must be a whole number from 0 to 5 (read replicas besides the primary node); got 6"],
        ["port", "must be a whole number from 1 to 65535 (a TCP port); got 70000"],
        ["snapshotRetentionDays", "must be a whole number from 0 to 35 (days; 0 turns automatic snapshots off); got 36"],
      ],
    },
    {
      name: "windows in the wrong format",
      settings: { snapshotWindow: "3:00-4:00", maintenanceWindow: "sunday:05:00-sunday:06:00" },
      expected: [
        ["snapshotWindow", '"3:00-4:00" is not a daily window; write hh24:mi-hh24:mi in UTC, e.g. "03:00-04:00"'],
        ["maintenanceWindow", '"sunday:05:00-sunday:06:00" is not a weekly window; write ddd:hh24:mi-ddd:hh24:mi in UTC, e.g. "sun:05:00-sun:06:00"'],
      ],
    },
    {
      name: "windows shorter than an hour",
      settings: { snapshotWindow: "03:00-03:59", maintenanceWindow: "sat:23:30-sun:00:15" },
      expected: [
        ["snapshotWindow", "03:00-03:59 lasts 59 minutes; ElastiCache needs a window of at least 60 minutes"],
        ["maintenanceWindow", "sat:23:30-sun:00:15 lasts 45 minutes; ElastiCache needs a window of at least 60 minutes"],
      ],
    },
    {
      name: "a snapshot window that overlaps the maintenance window",
      settings: { snapshotWindow: "05:30-06:30" },
      expected: [
        [
          "snapshotWindow",
          "05:30-06:30 overlaps the maintenance window sun:05:00-sun:06:00 (the snapshot window recurs daily); ElastiCache requires the two not to overlap (move one of them)",
        ],
      ],
    },
    {
      name: "a slow-log retention CloudWatch Logs does not offer",
      settings: { slowLogRetentionDays: 10 },
      expected: [
        [
          "slowLogRetentionDays",
          "must be one of CloudWatch Logs' retention periods (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 days); got 10",
        ],
      ],
    },
    {
      name: "alarm thresholds out of range",
      settings: { alarms: { cpuPercent: 0, memoryPercent: 101, replicationLagSeconds: 0.5 } },
      expected: [
        ["alarms.cpuPercent", "must be a percentage above 0 and at most 100; got 0"],
        ["alarms.memoryPercent", "must be a percentage above 0 and at most 100; got 101"],
        ["alarms.replicationLagSeconds", "must be a whole number from 1 to 86400 (seconds, at most a day); got 0.5"],
      ],
    },
    {
      name: "an unknown mode and engine",
      settings: { mode: "cluster" as never, engine: "memcached" as never },
      expected: [
        ["mode", 'must be "global", "regional", "none"; got "cluster"'],
        ["engine", 'must be "valkey" or "redis"; got "memcached"'],
      ],
    },
    {
      name: "names derived from a prefix that starts with a digit, once per rule",
      settings: {},
      ctx: { ...CTX, regions: ["us-east-1", "eu-west-1"], namePrefix: "9lives-prod" },
      expected: [
        [
          "",
          'the replication group IDs "9lives-prod-us-east-1", "9lives-prod-eu-west-1" derived from the name prefix "9lives-prod" must begin with a letter (rename the project or stack)',
        ],
        [
          "",
          'the Global Datastore ID suffix "9lives-prod-cache" derived from the name prefix "9lives-prod" must begin with a letter (rename the project or stack)',
        ],
      ],
    },
  ];
  for (const c of cases) {
    it(`rejects ${c.name}`, () => assert.deepEqual(problemsOf(c.settings, c.ctx), c.expected));
  }

  it("rejects a region without Global Datastores, and lets regional mode run anywhere", () => {
    // every region of the blueprint's table offers Global Datastores today; a future one may not
    assert.deepEqual(
      REGION_NAMES.filter((region) => !GLOBAL_DATASTORE_REGIONS.has(region)),
      [],
    );
    assert.deepEqual(problemsOf({}, { ...CTX, regions: ["us-east-1", "cn-north-1"] }), [
      ["mode", 'is "global" but cn-north-1 does not offer Global Datastores (use mode "regional")'],
    ]);
    assert.deepEqual(problemsOf({ mode: "regional" }, { ...CTX, regions: ["us-east-1", "cn-north-1"] }), []);
  });

  it("checks only what is known when the profile is missing", () => {
    assert.deepEqual(partialCacheSettingsProblems({ engine: "valkey", engineVersion: "9.1", replicasPerNodeGroup: 0 }, CTX), []);
    // failover is not known, so replicas 0 is not an error yet; a written failover makes it one
    assert.deepEqual(
      partialCacheSettingsProblems({ replicasPerNodeGroup: 0, automaticFailover: true }, CTX).map((p) => p.field),
      ["automaticFailover"],
    );
    // the Global Datastore node rules need the mode
    assert.deepEqual(partialCacheSettingsProblems({ nodeType: "cache.t4g.micro" }, CTX), []);
    assert.deepEqual(
      partialCacheSettingsProblems({ alarms: { memoryPercent: 0 } }, CTX).map((p) => p.field),
      ["alarms.memoryPercent"],
    );
  });
});

describe("cache AUTH token", () => {
  it("generates only characters ElastiCache accepts, within its length limits", () => {
    const rules = authTokenRules();
    assert.ok(rules.length >= 16 && rules.length <= 128);
    for (const char of rules.overrideSpecial) assert.ok(AUTH_TOKEN_SPECIALS.includes(char), char);
    assert.deepEqual(authTokenProblems(`Ab1${rules.overrideSpecial}`.padEnd(rules.length, "x")), []);
  });

  it("names what ElastiCache refuses", () => {
    assert.deepEqual(authTokenProblems("short@/"), [
      "must be 16 to 128 characters, is 7",
      'contains "@", "/"; the only special characters allowed are ! & # $ ^ < > -',
    ]);
  });
});
