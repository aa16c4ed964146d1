import * as assert from "node:assert/strict";
import { defaultExperiments, selectedInstances } from "../../../components/chaos/lib/chaosRules";
import { chaosSection } from "../../../components/chaos/section";
import { ENVIRONMENTS, type Environment } from "../../../components/lib/settings";
import { allowedKeysAt } from "../../../components/lib/settings/keys";
import { settingSchema } from "../../../components/lib/settings/schema";
import { ENVIRONMENT_FACTS } from "../../../infra/environments";
import { DEV_FACTS, PROD_FACTS } from "../../support/chaosFacts";
import { frame, resolveSection, sectionIssues, sectionLines } from "../../support/sections";

const REGIONS = ["us-east-1", "eu-west-1"];
const schema = settingSchema(chaosSection.setting, ENVIRONMENT_FACTS);

/** The chaos section's printed problems in a stack of `environment` whose other sections are `others`. */
const lines = (raw: unknown, environment: Environment | undefined, others: Record<string, unknown> = {}) =>
  sectionLines(chaosSection, raw, frame(environment, REGIONS), others);
const resolved = (raw: unknown, environment: Environment, others: Record<string, unknown> = {}) =>
  resolveSection(chaosSection, raw, frame(environment, REGIONS), others);

/** A staging stack on RDS without a standby and without a cache. */
const RDS_SINGLE_AZ = { database: { mode: "rds-replicas", multiAz: false }, cache: { mode: "none" } };

describe("chaos config: schema", () => {
  it("accepts every key and refuses unknown keys, unknown experiments and wrong types", () => {
    const full = {
      enabled: true,
      experiments: ["terminate-web-instances", "failover-database", "failover-cache"],
      terminatePercentage: 50,
      cacheInterruptionDuration: "PT5M",
      logRetentionDays: 30,
    };
    assert.equal(schema.safeParse(full).success, true);
    assert.equal(schema.safeParse({}).success, true);
    assert.equal(schema.safeParse({ stopConditions: "none" }).success, false);
    assert.equal(schema.safeParse({ experiments: ["reboot-everything"] }).success, false);
    assert.equal(schema.safeParse({ terminatePercentage: 33.5 }).success, false);
    assert.equal(schema.safeParse({ enabled: "yes" }).success, false);
  });

  it("lists the allowed keys", () => {
    assert.deepEqual(allowedKeysAt(chaosSection.setting, []), [
      "enabled",
      "experiments",
      "terminatePercentage",
      "cacheInterruptionDuration",
      "logRetentionDays",
    ]);
  });
});

describe("chaos config: defaults and resolution", () => {
  it("is off in every environment, with a share that selects one web instance at each environment's minimum", () => {
    const minimum: Record<Environment, number> = { dev: 1, staging: 2, prod: 3 };
    for (const environment of ENVIRONMENTS) {
      const settings = resolved(undefined, environment);
      assert.equal(settings.enabled, false, environment);
      assert.equal(selectedInstances(minimum[environment], settings.terminatePercentage), 1, environment);
    }
    assert.deepEqual(
      ENVIRONMENTS.map((environment) => [resolved(undefined, environment).terminatePercentage, resolved(undefined, environment).logRetentionDays]),
      [
        [100, 7],
        [50, 365],
        [34, 365],
      ],
    );
  });

  it("defaults to every experiment the stack can take", () => {
    assert.deepEqual(resolved(undefined, "prod"), {
      enabled: false,
      experiments: ["terminate-web-instances", "failover-database", "failover-cache"],
      terminatePercentage: 34,
      cacheInterruptionDuration: "PT10M",
      logRetentionDays: 365,
    });
    assert.deepEqual(resolved({ enabled: true }, "dev").experiments, ["terminate-web-instances"]);
    assert.deepEqual(resolved({}, "staging", RDS_SINGLE_AZ).experiments, ["terminate-web-instances"]);
  });

  it("takes the written values, drops unknown or repeated experiment names and ignores wrong types", () => {
    assert.deepEqual(
      resolved(
        {
          enabled: true,
          experiments: ["failover-cache", "bogus", "failover-cache"],
          terminatePercentage: 25,
          cacheInterruptionDuration: "PT2M",
          logRetentionDays: 14,
        },
        "prod",
      ),
      { enabled: true, experiments: ["failover-cache"], terminatePercentage: 25, cacheInterruptionDuration: "PT2M", logRetentionDays: 14 },
    );
    assert.deepEqual(resolved({ enabled: "yes", experiments: "all", terminatePercentage: "33" }, "staging", { cache: { replicasPerNodeGroup: 2 } }), {
      enabled: false,
      experiments: ["terminate-web-instances", "failover-database", "failover-cache"],
      terminatePercentage: 50,
      cacheInterruptionDuration: "PT10M",
      logRetentionDays: 365,
    });
  });
});

describe("chaos config: rules", () => {
  it("accepts every environment's defaults, enabled or not", () => {
    for (const environment of ENVIRONMENTS) {
      assert.deepEqual(lines({ enabled: true }, environment), [], environment);
      assert.deepEqual(lines(undefined, environment), [], environment);
    }
  });

  it("reports a share that rounds down to no web instance, default or written, with the smallest share that works", () => {
    const twoWeb = { web: { minSize: 2 } };
    assert.deepEqual(lines({ enabled: true }, "prod", twoWeb), [
      "blueprint:chaos.terminatePercentage: selects no web instance: 34% of the web tier's minimum of 2 instance(s) rounds down to none (FIS rounds down and fails when no instance is selected); use at least 50 (or leave terminate-web-instances out of experiments)",
    ]);
    assert.deepEqual(lines({ enabled: true, terminatePercentage: 33 }, "prod"), [
      "blueprint:chaos.terminatePercentage: selects no web instance: 33% of the web tier's minimum of 3 instance(s) rounds down to none (FIS rounds down and fails when no instance is selected); use at least 34 (or leave terminate-web-instances out of experiments)",
    ]);
    assert.deepEqual(lines({ enabled: true }, "dev", { web: { minSize: 0 } }), [
      "blueprint:chaos.terminatePercentage: selects no web instance: the web tier may run no instance (its minSize is 0), and FIS fails an experiment whose target resolves to none (or leave terminate-web-instances out of experiments)",
    ]);
    // not run, not checked: disabled, or the experiment is left out
    assert.deepEqual(lines({ terminatePercentage: 10 }, "prod"), []);
    assert.deepEqual(lines({ enabled: true, experiments: ["failover-database"], terminatePercentage: 10 }, "prod"), []);
  });

  it("reports each listed experiment the database or cache cannot take, saying what it needs", () => {
    assert.deepEqual(lines({ enabled: true, experiments: ["terminate-web-instances", "failover-database", "failover-cache"] }, "dev"), [
      'blueprint:chaos.experiments[1]: "failover-database" cannot run on this stack: it needs an Aurora cluster of at least 2 instances (a writer and a reader to promote); database.instanceCount is 1',
      'blueprint:chaos.experiments[2]: "failover-cache" cannot run on this stack: it needs a replica to promote (cache.replicasPerNodeGroup is 0), automatic failover (cache.automaticFailover is false) and Multi-AZ (cache.multiAz is false; FIS interrupts AZ power only on Multi-AZ replication groups)',
    ]);
    assert.deepEqual(lines({ enabled: true, experiments: ["failover-database", "failover-cache"] }, "staging", RDS_SINGLE_AZ), [
      'blueprint:chaos.experiments[0]: "failover-database" cannot run on this stack: it needs a Multi-AZ RDS instance (RebootDBInstance refuses a forced failover without a standby); database.multiAz is false',
      'blueprint:chaos.experiments[1]: "failover-cache" cannot run on this stack: it needs a cache; cache.mode is none',
    ]);
    // a Multi-AZ RDS instance takes the failover whatever its instance count
    assert.deepEqual(lines({ enabled: true, experiments: ["failover-database"] }, "staging", { database: { mode: "rds-replicas", multiAz: true } }), []);
  });

  it("checks the listed names, repeats and an empty list; unknown names are the schema's to report", () => {
    assert.deepEqual(lines({ enabled: true, experiments: ["failover-cache", "reboot-everything", "failover-cache"] }, "prod"), [
      'blueprint:chaos.experiments[2]: "failover-cache" is listed twice; list each experiment once',
    ]);
    assert.deepEqual(lines({ enabled: true, experiments: [] }, "prod"), [
      "blueprint:chaos.experiments: lists no experiment while enabled is true; list one or more of terminate-web-instances, failover-database, failover-cache (or leave the key out for every one that applies)",
    ]);
    assert.deepEqual(lines({ experiments: [] }, "prod"), []);
  });

  it("reports ranges and durations whether chaos is enabled or not", () => {
    assert.deepEqual(lines({ terminatePercentage: 101, cacheInterruptionDuration: "10 minutes", logRetentionDays: 10 }, "prod"), [
      "blueprint:chaos.terminatePercentage: must be a whole number from 1 to 100 percent; got 101",
      'blueprint:chaos.cacheInterruptionDuration: must be an ISO 8601 duration from PT1M to PT12H, such as PT10M or PT1H30M; got "10 minutes"',
      "blueprint:chaos.logRetentionDays: must be one of CloudWatch Logs' retention periods (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653); got 10",
    ]);
    assert.deepEqual(lines({ terminatePercentage: 0, cacheInterruptionDuration: "PT30S" }, "dev"), [
      "blueprint:chaos.terminatePercentage: must be a whole number from 1 to 100 percent; got 0",
      "blueprint:chaos.cacheInterruptionDuration: must be an ISO 8601 duration from PT1M to PT12H, such as PT10M or PT1H30M (FIS runs an action for one minute to 12 hours); got PT30S",
    ]);
    assert.deepEqual(lines({ cacheInterruptionDuration: "PT12H" }, "dev"), []);
    assert.deepEqual(lines({ cacheInterruptionDuration: "PT12H1S" }, "dev").length, 1);
  });

  it("without a known environment checks the written values alone: the data tier's and web tier's sizes are not known", () => {
    assert.deepEqual(lines({ enabled: true, terminatePercentage: 40 }, undefined, { web: { minSize: 2 } }), []);
    assert.deepEqual(lines({ enabled: true, experiments: ["failover-database"] }, undefined), []);
    assert.deepEqual(lines({ enabled: true, terminatePercentage: 0 }, undefined), [
      "blueprint:chaos.terminatePercentage: must be a whole number from 1 to 100 percent; got 0",
    ]);
  });

  it("leaves a section of the wrong type to the schema", () => {
    assert.deepEqual(sectionIssues(chaosSection, "on", frame("prod", REGIONS)), []);
    assert.deepEqual(sectionIssues(chaosSection, [], frame("prod", REGIONS)), []);
  });

  it("reads the same facts the test tables describe from each environment's defaults", () => {
    assert.deepEqual(defaultExperiments(PROD_FACTS), resolved(undefined, "prod").experiments);
    assert.deepEqual(defaultExperiments(DEV_FACTS), resolved(undefined, "dev").experiments);
  });
});
