import * as assert from "node:assert/strict";
import fc from "fast-check";
import {
  defaultExperiments,
  isoDurationSeconds,
  selectedInstances,
  smallestSelectingPercentage,
  type ChaosStackFacts,
} from "../../components/chaos/lib/chaosRules";
import { chaosNameProblems } from "../../components/chaos/lib/chaosNames";
import { cacheFailoverSpec, databaseFailoverSpec, terminateWebInstancesSpec } from "../../components/chaos/lib/experiments";
import { experimentSpecProblems } from "../../components/chaos/lib/validate";
import { CHAOS_NESTED_KEYS, CHAOS_PROFILES, chaosSchema, checkChaos, resolveChaos } from "../../infra/chaosConfig";
import { formatIssue } from "../../infra/configIssues";
import { ENVIRONMENTS, type Environment } from "../../infra/profiles";
import type { SectionContext } from "../../infra/sectionContext";

const context = (environment: Environment | undefined): SectionContext => ({
  ...(environment ? { environment } : {}),
  regions: [
    { name: "us-east-1", azCount: 3, primary: true },
    { name: "eu-west-1", azCount: 3, primary: false },
  ],
  primaryRegion: "us-east-1",
  namePrefix: "blueprint-prod",
});

/** A prod-like stack: a 3-instance Aurora writer cluster, a Multi-AZ cache with 2 replicas, 3 web instances. */
const PROD_FACTS: ChaosStackFacts = {
  database: { service: "aurora", instanceCount: 3, multiAz: true, mode: "aurora-global" },
  cache: { mode: "global", replicasPerNodeGroup: 2, automaticFailover: true, multiAz: true },
  web: { minSize: 3 },
};

/** A dev-like stack: one Aurora instance, a single cache node, one web instance. */
const DEV_FACTS: ChaosStackFacts = {
  database: { service: "aurora", instanceCount: 1, multiAz: false, mode: "single-region" },
  cache: { mode: "regional", replicasPerNodeGroup: 0, automaticFailover: false, multiAz: false },
  web: { minSize: 1 },
};

/** The printed lines, as the stack's config error shows them. */
const lines = (raw: unknown, ctx: SectionContext, facts: ChaosStackFacts = {}) => checkChaos(raw, ctx, facts).map((issue) => formatIssue(issue, { chaos: raw }));

describe("chaos config: schema", () => {
  it("accepts every key and refuses unknown keys, unknown experiments and wrong types", () => {
    const full = {
      enabled: true,
      experiments: ["terminate-web-instances", "failover-database", "failover-cache"],
      terminatePercentage: 50,
      cacheInterruptionDuration: "PT5M",
      logRetentionDays: 30,
    };
    assert.equal(chaosSchema.safeParse(full).success, true);
    assert.equal(chaosSchema.safeParse({}).success, true);
    assert.equal(chaosSchema.safeParse({ stopConditions: "none" }).success, false);
    assert.equal(chaosSchema.safeParse({ experiments: ["reboot-everything"] }).success, false);
    assert.equal(chaosSchema.safeParse({ terminatePercentage: 33.5 }).success, false);
    assert.equal(chaosSchema.safeParse({ enabled: "yes" }).success, false);
  });

  it("lists the allowed keys and describes every key", () => {
    assert.deepEqual(CHAOS_NESTED_KEYS, { "": ["enabled", "experiments", "terminatePercentage", "cacheInterruptionDuration", "logRetentionDays"] });
    for (const [key, schema] of Object.entries(chaosSchema.shape)) {
      assert.ok(schema.description && schema.description.length > 20, `${key} has no description`);
      assert.match(schema.description, /Default/, `${key} does not document its default`);
    }
  });
});

describe("chaos config: profiles and resolution", () => {
  it("is off in every environment, with a share that selects one web instance at each profile's minimum", () => {
    const minimum: Record<Environment, number> = { dev: 1, staging: 2, prod: 3 };
    for (const environment of ENVIRONMENTS) {
      const profile = CHAOS_PROFILES[environment];
      assert.equal(profile.enabled, false, environment);
      assert.equal(selectedInstances(minimum[environment], profile.terminatePercentage), 1, environment);
    }
    assert.deepEqual(
      ENVIRONMENTS.map((environment) => [CHAOS_PROFILES[environment].terminatePercentage, CHAOS_PROFILES[environment].logRetentionDays]),
      [
        [100, 7],
        [50, 30],
        [34, 365],
      ],
    );
  });

  it("defaults to every experiment the stack can take", () => {
    assert.deepEqual(resolveChaos(undefined, { ...context("prod"), environment: "prod" }, PROD_FACTS), {
      enabled: false,
      experiments: ["terminate-web-instances", "failover-database", "failover-cache"],
      terminatePercentage: 34,
      cacheInterruptionDuration: "PT10M",
      logRetentionDays: 365,
    });
    assert.deepEqual(resolveChaos({ enabled: true }, { ...context("dev"), environment: "dev" }, DEV_FACTS).experiments, ["terminate-web-instances"]);
    // without facts every experiment is listed; the component declares those whose target a region has
    assert.deepEqual(resolveChaos({}, { ...context("dev"), environment: "dev" }).experiments, ["terminate-web-instances", "failover-database", "failover-cache"]);
  });

  it("takes the written values, drops unknown or repeated experiment names and ignores wrong types", () => {
    assert.deepEqual(
      resolveChaos(
        { enabled: true, experiments: ["failover-cache", "bogus", "failover-cache"], terminatePercentage: 25, cacheInterruptionDuration: "PT2M", logRetentionDays: 14 },
        { ...context("prod"), environment: "prod" },
        PROD_FACTS,
      ),
      { enabled: true, experiments: ["failover-cache"], terminatePercentage: 25, cacheInterruptionDuration: "PT2M", logRetentionDays: 14 },
    );
    assert.deepEqual(
      resolveChaos({ enabled: "yes", experiments: "all", terminatePercentage: "33" }, { ...context("staging"), environment: "staging" }, PROD_FACTS),
      {
        enabled: false,
        experiments: ["terminate-web-instances", "failover-database", "failover-cache"],
        terminatePercentage: 50,
        cacheInterruptionDuration: "PT10M",
        logRetentionDays: 30,
      },
    );
  });
});

describe("chaos config: rules", () => {
  it("accepts every profile's defaults, enabled or not, on a stack whose tiers can take the experiments", () => {
    for (const environment of ENVIRONMENTS) {
      const minSize = { dev: 1, staging: 2, prod: 3 }[environment];
      assert.deepEqual(lines({ enabled: true }, context(environment), { ...PROD_FACTS, web: { minSize } }), [], environment);
      assert.deepEqual(lines(undefined, context(environment), DEV_FACTS), [], environment);
    }
  });

  it("reports a share that rounds down to no web instance, default or written, with the smallest share that works", () => {
    assert.deepEqual(lines({ enabled: true }, context("prod"), { web: { minSize: 2 } }), [
      "blueprint:chaos.terminatePercentage: selects no web instance: 34% of the web tier's minimum of 2 instance(s) rounds down to none (FIS rounds down and fails when no instance is selected); use at least 50 (or leave terminate-web-instances out of experiments)",
    ]);
    assert.deepEqual(lines({ enabled: true, terminatePercentage: 33 }, context("prod"), { web: { minSize: 3 } }), [
      "blueprint:chaos.terminatePercentage: selects no web instance: 33% of the web tier's minimum of 3 instance(s) rounds down to none (FIS rounds down and fails when no instance is selected); use at least 34 (or leave terminate-web-instances out of experiments)",
    ]);
    assert.deepEqual(lines({ enabled: true }, context("dev"), { web: { minSize: 0 } }), [
      "blueprint:chaos.terminatePercentage: selects no web instance: the web tier may run no instance (its minSize is 0), and FIS fails an experiment whose target resolves to none (or leave terminate-web-instances out of experiments)",
    ]);
    // not run, not checked: disabled, or the experiment is left out
    assert.deepEqual(lines({ terminatePercentage: 10 }, context("prod"), { web: { minSize: 3 } }), []);
    assert.deepEqual(lines({ enabled: true, experiments: ["failover-database"], terminatePercentage: 10 }, context("prod"), PROD_FACTS), []);
  });

  it("reports each listed experiment the database or cache cannot take, saying what it needs", () => {
    assert.deepEqual(lines({ enabled: true, experiments: ["terminate-web-instances", "failover-database", "failover-cache"] }, context("dev"), DEV_FACTS), [
      'blueprint:chaos.experiments[1]: "failover-database" cannot run on this stack: it needs an Aurora cluster of at least 2 instances (a writer and a reader to promote); database.instanceCount is 1',
      'blueprint:chaos.experiments[2]: "failover-cache" cannot run on this stack: it needs a replica to promote (cache.replicasPerNodeGroup is 0), automatic failover (cache.automaticFailover is false) and Multi-AZ (cache.multiAz is false; FIS interrupts AZ power only on Multi-AZ replication groups)',
    ]);
    const rdsSingleAz: ChaosStackFacts = { database: { service: "rds", instanceCount: 1, multiAz: false, mode: "rds-replicas" }, cache: { mode: "none", replicasPerNodeGroup: 0, automaticFailover: false } };
    assert.deepEqual(lines({ enabled: true, experiments: ["failover-database", "failover-cache"] }, context("staging"), rdsSingleAz), [
      'blueprint:chaos.experiments[0]: "failover-database" cannot run on this stack: it needs a Multi-AZ RDS instance (RebootDBInstance refuses a forced failover without a standby); database.multiAz is false',
      'blueprint:chaos.experiments[1]: "failover-cache" cannot run on this stack: it needs a cache; cache.mode is none',
    ]);
    // a Multi-AZ RDS instance takes the failover whatever its instance count
    assert.deepEqual(lines({ enabled: true, experiments: ["failover-database"] }, context("staging"), { database: { ...rdsSingleAz.database!, multiAz: true } }), []);
  });

  it("checks the listed names, repeats and an empty list; unknown names are the schema's to report", () => {
    assert.deepEqual(lines({ enabled: true, experiments: ["failover-cache", "reboot-everything", "failover-cache"] }, context("prod"), PROD_FACTS), [
      'blueprint:chaos.experiments[2]: "failover-cache" is listed twice; list each experiment once',
    ]);
    assert.deepEqual(lines({ enabled: true, experiments: [] }, context("prod"), PROD_FACTS), [
      "blueprint:chaos.experiments: lists no experiment while enabled is true; list one or more of terminate-web-instances, failover-database, failover-cache (or leave the key out for every one that applies)",
    ]);
    assert.deepEqual(lines({ experiments: [] }, context("prod"), PROD_FACTS), []);
  });

  it("reports ranges and durations whether chaos is enabled or not", () => {
    assert.deepEqual(lines({ terminatePercentage: 101, cacheInterruptionDuration: "10 minutes", logRetentionDays: 10 }, context("prod")), [
      "blueprint:chaos.terminatePercentage: must be a whole number from 1 to 100 percent; got 101",
      'blueprint:chaos.cacheInterruptionDuration: must be an ISO 8601 duration from PT1M to PT12H, such as PT10M or PT1H30M; got "10 minutes"',
      "blueprint:chaos.logRetentionDays: must be one of CloudWatch Logs' retention periods (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653); got 10",
    ]);
    assert.deepEqual(lines({ terminatePercentage: 0, cacheInterruptionDuration: "PT30S" }, context("dev")), [
      "blueprint:chaos.terminatePercentage: must be a whole number from 1 to 100 percent; got 0",
      "blueprint:chaos.cacheInterruptionDuration: must be an ISO 8601 duration from PT1M to PT12H, such as PT10M or PT1H30M (FIS runs an action for one minute to 12 hours); got PT30S",
    ]);
    assert.deepEqual(lines({ cacheInterruptionDuration: "PT12H" }, context("dev")), []);
    assert.deepEqual(lines({ cacheInterruptionDuration: "PT12H1S" }, context("dev")).length, 1);
  });

  it("without a known environment reports only problems at written keys", () => {
    assert.deepEqual(lines({ enabled: true }, context(undefined), { web: { minSize: 2 } }), []);
    assert.deepEqual(lines({ enabled: true, terminatePercentage: 40 }, context(undefined), { web: { minSize: 2 } }), [
      "blueprint:chaos.terminatePercentage: selects no web instance: 40% of the web tier's minimum of 2 instance(s) rounds down to none (FIS rounds down and fails when no instance is selected); use at least 50 (or leave terminate-web-instances out of experiments)",
    ]);
    assert.deepEqual(lines({ enabled: true, experiments: ["failover-database"] }, context(undefined), DEV_FACTS).length, 1);
  });

  it("leaves a section of the wrong type to the schema", () => {
    assert.deepEqual(checkChaos("on", context("prod"), PROD_FACTS), []);
    assert.deepEqual(checkChaos([], context("prod"), PROD_FACTS), []);
  });
});

describe("chaos rules: FIS selection and durations", () => {
  it("parses the ISO 8601 durations FIS takes and nothing else", () => {
    const cases: Array<[string, number | undefined]> = [
      ["PT1M", 60],
      ["PT10M", 600],
      ["PT1H30M", 5_400],
      ["PT90S", 90],
      ["PT12H", 43_200],
      ["PT", undefined],
      ["P1D", undefined],
      ["PT1.5H", undefined],
      ["pt10m", undefined],
      ["10M", undefined],
    ];
    for (const [text, seconds] of cases) assert.equal(isoDurationSeconds(text), seconds, text);
  });

  it("selects floor(count × percentage / 100) instances, and the smallest selecting share always selects one", () => {
    assert.deepEqual([selectedInstances(3, 33), selectedInstances(3, 34), selectedInstances(5, 50), selectedInstances(12, 34)], [0, 1, 2, 4]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), (count) => {
        const share = smallestSelectingPercentage(count);
        return share >= 1 && share <= 100 && selectedInstances(count, share) >= 1 && (share === 1 || selectedInstances(count, share - 1) === 0);
      }),
    );
  });

  it("defaults to the experiments whose prerequisites hold", () => {
    assert.deepEqual(defaultExperiments(PROD_FACTS), ["terminate-web-instances", "failover-database", "failover-cache"]);
    assert.deepEqual(defaultExperiments(DEV_FACTS), ["terminate-web-instances"]);
    assert.deepEqual(defaultExperiments({ database: { service: "rds", instanceCount: 1, multiAz: true, mode: "single-region" } }), ["terminate-web-instances", "failover-database", "failover-cache"]);
  });

  it("keeps names and descriptions within FIS's and IAM's limits for the longest prefix and region", () => {
    const prefix = "a".repeat(40);
    const region = "ap-southeast-2";
    assert.deepEqual(chaosNameProblems(prefix, region), []);
    const place = { namePrefix: prefix, region, stopAlarmCount: 5 };
    const specs = [
      terminateWebInstancesSpec("asg", 100, place),
      databaseFailoverSpec("aurora-cluster", "arn", place),
      databaseFailoverSpec("rds-instance", "arn", place),
      cacheFailoverSpec("group", `${region}a`, "PT12H", place),
    ];
    assert.deepEqual(experimentSpecProblems(specs), []);
    assert.deepEqual(chaosNameProblems("a".repeat(60), "us-east-1"), [
      `the experiment role name "${"a".repeat(60)}-us-east-1-fis" is 74 characters long (IAM allows 64)`,
    ]);
  });
});
