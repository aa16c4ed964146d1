/**
 * The scalable-system patterns on the shipped stacks, planned end to end: prod's RDS proxy, table
 * replicas and topic subscriptions in every region, and database sharding on copies of prod (two
 * shards plan two global clusters and a shard map per region; going from two to three shards,
 * like going from one to two, only adds resources, checked with the plan diff engine).
 */
import * as assert from "node:assert/strict";
import { shardTableSection } from "../../components/database/plan";
import { planGraph } from "../../components/lib/plan/planGraph";
import { diffPlans } from "../../tools/plan/diff/planDiff";
import type { PlanFile } from "../../tools/plan/planFile";
import { shippedPlan, shippedVariantPlan } from "../support/shippedPlans";
import { countTypes, ofType } from "../support/resources";

const PROD_REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2"];
const mandatory = (plan: PlanFile) => plan.policies.violations.filter((violation) => violation.enforcementLevel === "mandatory");
const inRegion = (plan: PlanFile, type: string, region: string) => ofType(plan.resources, type).filter((r) => r.region === region);
/** A region's shard maps (the region's other SSM parameters are the telemetry agents' configurations). */
const shardMaps = (plan: PlanFile, region?: string) =>
  ofType(plan.resources, "aws:ssm/parameter:Parameter").filter(
    (r) => String(r.inputs.name).endsWith("/database/shard-map") && (region === undefined || r.region === region),
  );

describe("scalable-system patterns on the shipped stacks", function () {
  this.timeout(120_000);
  let prod: PlanFile;
  let staging: PlanFile;
  before(async () => {
    prod = await shippedPlan("prod");
    staging = await shippedPlan("staging");
  });

  it("prod: an RDS proxy in every region (IAM auth and TLS required, the region's secret replica) and a read-only endpoint", () => {
    for (const region of PROD_REGIONS) {
      const [proxy] = inRegion(prod, "aws:rds/proxy:Proxy", region);
      assert.ok(proxy, region);
      assert.equal(proxy.inputs.name, `blueprint-prod-${region}`);
      assert.equal(proxy.inputs.engineFamily, "POSTGRESQL");
      assert.equal(proxy.inputs.requireTls, true);
      const [auth] = proxy.inputs.auths as Array<Record<string, unknown>>;
      assert.deepEqual([auth.authScheme, auth.iamAuth], ["SECRETS", "REQUIRED"]);
      assert.match(String(auth.secretArn), new RegExp(`^arn:aws:secretsmanager:${region}:`), "the region's copy of the secret");
      assert.equal(inRegion(prod, "aws:rds/proxyTarget:ProxyTarget", region).length, 1);
      const endpoints = inRegion(prod, "aws:rds/proxyEndpoint:ProxyEndpoint", region);
      assert.deepEqual(
        endpoints.map((endpoint) => [endpoint.inputs.dbProxyEndpointName, endpoint.inputs.targetRole]),
        [[`blueprint-prod-${region}-ro`, "READ_ONLY"]],
      );
    }
  });

  it("prod: a copy of each table in every region, under that region's key, with point-in-time recovery", () => {
    const tables = ofType(prod.resources, "aws:dynamodb/table:Table");
    assert.deepEqual(
      tables.map((table) => [table.inputs.name, table.region]),
      [
        ["blueprint-prod-sessions", "us-east-1"],
        ["blueprint-prod-idempotency", "us-east-1"],
      ],
    );
    for (const region of PROD_REGIONS.slice(1)) {
      const replicas = inRegion(prod, "aws:dynamodb/tableReplica:TableReplica", region);
      assert.equal(replicas.length, 2, region);
      for (const replica of replicas) {
        assert.match(String(replica.inputs.kmsKeyArn), new RegExp(`^arn:aws:kms:${region}:`));
        assert.equal(replica.inputs.pointInTimeRecovery, true);
        assert.equal(replica.inputs.deletionProtectionEnabled, true);
      }
    }
  });

  it("prod: the topics in every region, encrypted, each subscription with its own dead-letter queue", () => {
    for (const region of PROD_REGIONS) {
      const topics = inRegion(prod, "aws:sns/topic:Topic", region).filter((topic) => String(topic.inputs.name).includes("-events"));
      assert.deepEqual(topics.map((topic) => topic.inputs.name).sort(), ["blueprint-prod-jobs-events", "blueprint-prod-order-events.fifo"]);
      for (const topic of topics) assert.match(String(topic.inputs.kmsMasterKeyId), new RegExp(`^arn:aws:kms:${region}:`));
      const subscriptions = inRegion(prod, "aws:sns/topicSubscription:TopicSubscription", region).filter((s) => s.inputs.protocol === "sqs");
      assert.equal(subscriptions.length, 2, region);
      for (const subscription of subscriptions) {
        assert.equal(subscription.inputs.rawMessageDelivery, true);
        const target = JSON.parse(String(subscription.inputs.redrivePolicy)) as { deadLetterTargetArn: string };
        assert.match(target.deadLetterTargetArn, new RegExp(`^arn:aws:sqs:${region}:\\d+:blueprint-prod-.*-sub-dlq`));
      }
      const filtered = subscriptions.find((s) => s.inputs.filterPolicy !== undefined)!;
      assert.deepEqual(JSON.parse(String(filtered.inputs.filterPolicy)), { kind: ["email", "report"] });
    }
  });

  it("prod: an EventBridge bus in every region whose rule delivers to the region's jobs queue, with a dead-letter queue", () => {
    for (const region of PROD_REGIONS) {
      const [bus] = inRegion(prod, "aws:cloudwatch/eventBus:EventBus", region);
      assert.equal(bus.inputs.name, "blueprint-prod-events");
      const [target] = inRegion(prod, "aws:cloudwatch/eventTarget:EventTarget", region);
      assert.match(String(target.inputs.arn), new RegExp(`^arn:aws:sqs:${region}:\\d+:blueprint-prod-jobs$`));
      assert.match(
        String((target.inputs.deadLetterConfig as { arn: string }).arn),
        new RegExp(`^arn:aws:sqs:${region}:\\d+:blueprint-prod-reports-requested-rule-dlq$`),
      );
      const policy = inRegion(prod, "aws:sqs/queuePolicy:QueuePolicy", region).find((p) => p.name === `${region}-jobs`)!;
      const principals = (JSON.parse(String(policy.inputs.policy)) as { Statement: Array<{ Principal: unknown }> }).Statement.map(
        (statement) => statement.Principal,
      );
      assert.deepEqual(principals, ["*", { Service: "sns.amazonaws.com" }, { Service: "events.amazonaws.com" }]);
    }
  });

  it("staging and prod plan the new types with zero mandatory violations, and no new type is behind an advisory one", () => {
    const newTypes =
      /^aws:(rds\/proxy|dynamodb\/|sns\/topicSubscription|ssm\/parameter|cloudwatch\/event|appautoscaling\/|serverlessrepository\/|secretsmanager\/secretRotation|lambda\/)/;
    for (const plan of [prod, staging]) {
      assert.deepEqual(mandatory(plan), [], plan.stack);
      const urns = new Set(plan.resources.filter((r) => newTypes.test(r.type)).map((r) => r.urn));
      assert.ok(urns.size > 10, plan.stack);
      assert.deepEqual(
        plan.policies.violations.filter((violation) => typeof violation.urn === "string" && urns.has(violation.urn)),
        [],
        plan.stack,
      );
    }
  });

  it("staging and prod rotate the cache AUTH token: one function in the primary region on the primary secret, the database's rotation beside it; dev rotates nothing", async () => {
    const dev = await shippedPlan("dev");
    const rotationTypes = (plan: PlanFile) => countTypes(plan.resources.filter((r) => r.urn.includes("blueprint:cache:AuthRotation$") && r.custom));
    for (const plan of [prod, staging]) {
      assert.deepEqual(
        rotationTypes(plan),
        {
          "aws:cloudwatch/logGroup:LogGroup": 1,
          "aws:iam/role:Role": 1,
          "aws:iam/rolePolicy:RolePolicy": 1,
          "aws:lambda/function:Function": 1,
          "aws:lambda/permission:Permission": 1,
          "aws:secretsmanager/secretRotation:SecretRotation": 1,
        },
        plan.stack,
      );
      assert.deepEqual(
        ofType(plan.resources, "aws:lambda/function:Function").map((r) => r.region),
        [plan.primaryRegion],
        plan.stack,
      );
      const schedules = ofType(plan.resources, "aws:secretsmanager/secretRotation:SecretRotation");
      const cacheSecret = ofType(plan.resources, "aws:secretsmanager/secret:Secret").find((r) => String(r.inputs.name).endsWith("/cache/auth"))!;
      const cacheSchedule = schedules.find((r) => r.inputs.secretId === cacheSecret.outputs.arn)!;
      assert.deepEqual([cacheSchedule.region, cacheSchedule.inputs.rotationRules], [plan.primaryRegion, { automaticallyAfterDays: 30 }], plan.stack);
      // the database shard's schedule and the cache's
      assert.equal(schedules.length, 2, plan.stack);
      // the function modifies every group of the stack, and the rotated secrets keep Pulumi from writing their first value back
      const groups = ofType(plan.resources, "aws:elasticache/replicationGroup:ReplicationGroup").map((r) => r.inputs.replicationGroupId);
      const env = ofType(plan.resources, "aws:lambda/function:Function")[0].inputs.environment as { variables: Record<string, string> };
      assert.deepEqual(
        (JSON.parse(env.variables.CACHE_GROUPS) as { replicationGroupId: string }[]).map((g) => g.replicationGroupId).sort(),
        [...groups].sort(),
      );
      for (const version of ofType(plan.resources, "aws:secretsmanager/secretVersion:SecretVersion"))
        assert.deepEqual(version.ignoreChanges, ["secretString", "versionStages"], version.urn);
    }
    assert.deepEqual(rotationTypes(dev), {});
    assert.deepEqual(ofType(dev.resources, "aws:lambda/function:Function"), []);
  });

  describe("sharding a copy of prod", () => {
    let two: PlanFile;
    let three: PlanFile;
    before(async () => {
      two = await shippedVariantPlan("prod", { "blueprint:database": { shards: 2 } });
      three = await shippedVariantPlan("prod", { "blueprint:database": { shards: 3 } });
    });

    it("shards: 2 plans two global clusters, their members and proxies in every region, and a shard map per region", () => {
      assert.deepEqual(mandatory(two), []);
      const counts = countTypes(two.resources);
      assert.equal(counts["aws:rds/globalCluster:GlobalCluster"], 2);
      assert.equal(counts["aws:rds/cluster:Cluster"], 2 * 3);
      assert.equal(counts["aws:rds/proxy:Proxy"], 2 * 3);
      assert.equal(shardMaps(two).length, 3);
      // each shard's databases in a backup selection of their own, so that adding a shard replaces no selection
      assert.equal(counts["aws:backup/selection:Selection"], 2 * 3);
      const globals = ofType(two.resources, "aws:rds/globalCluster:GlobalCluster").map((g) => g.inputs.globalClusterIdentifier);
      assert.deepEqual(globals, ["blueprint-prod-global", "blueprint-prod-s1-global"]);
      for (const region of PROD_REGIONS) {
        const [parameter] = shardMaps(two, region);
        assert.equal(parameter.inputs.name, "/blueprint-prod/database/shard-map");
        const map = JSON.parse(String(parameter.inputs.insecureValue)) as {
          version: number;
          region: string;
          shards: Array<{ shard: number; range: number[]; writerEndpoint: string; proxyEndpoint: string }>;
        };
        assert.deepEqual([map.version, map.region], [2, region]);
        assert.deepEqual(
          map.shards.map((shard) => [shard.shard, shard.range]),
          [
            [0, [0, 2 ** 31 - 1]],
            [1, [2 ** 31, 2 ** 32 - 1]],
          ],
        );
        assert.match(map.shards[1].writerEndpoint, new RegExp(`^blueprint-prod-s1-${region}\\.`));
        assert.match(map.shards[1].proxyEndpoint, new RegExp(`^blueprint-prod-${region}-s1\\.`));
        assert.ok(!String(parameter.inputs.insecureValue).includes("password"), "the map holds endpoints and ARNs only");
      }
    });

    it("shards 1 → 2 → 3 replaces nothing and deletes nothing: the diffs only add resources and change the tiers' environment, grants and shard map", () => {
      for (const [base, head, changedTypes] of [
        // the AZ power-interruption drill fails every shard's writer over too (its cluster target and role list them)
        [prod, two, ["aws:ec2/launchTemplate:LaunchTemplate", "aws:fis/experimentTemplate:ExperimentTemplate", "aws:iam/rolePolicy:RolePolicy"]],
        // the map gets the new shard and a new version
        [
          two,
          three,
          [
            "aws:ec2/launchTemplate:LaunchTemplate",
            "aws:fis/experimentTemplate:ExperimentTemplate",
            "aws:iam/rolePolicy:RolePolicy",
            "aws:ssm/parameter:Parameter",
          ],
        ],
      ] as const) {
        const diff = diffPlans(base, head);
        assert.deepEqual(diff.removed, []);
        assert.deepEqual(diff.dataLoss, []);
        assert.ok(diff.added.length > 80);
        assert.deepEqual([...new Set(diff.changed.map((change) => change.type))].sort(), changedTypes);
        // the existing shards' databases keep every input
        const databaseTypes = new Set([
          "aws:rds/globalCluster:GlobalCluster",
          "aws:rds/cluster:Cluster",
          "aws:rds/clusterInstance:ClusterInstance",
          "aws:rds/proxy:Proxy",
        ]);
        assert.deepEqual(
          diff.changed.filter((change) => databaseTypes.has(change.type)),
          [],
        );
      }
      assert.equal(countTypes(three.resources)["aws:rds/globalCluster:GlobalCluster"], 3);
    });

    it("the report shows the shard table: each shard's hash range and the cluster each region's map points at", () => {
      const lines = shardTableSection({ graph: planGraph(two), regions: two.regions, primaryRegion: two.primaryRegion });
      assert.equal(lines[0], "### Database shards");
      assert.ok(lines.includes("| shard | hash range | us-east-1 | eu-west-1 | ap-southeast-2 |"));
      assert.ok(
        lines.includes("| 1 | 2147483648–4294967295 | `blueprint-prod-s1-us-east-1` | `blueprint-prod-s1-eu-west-1` | `blueprint-prod-s1-ap-southeast-2` |"),
      );
      assert.deepEqual(shardTableSection({ graph: planGraph(prod), regions: prod.regions, primaryRegion: prod.primaryRegion }), [], "one shard: no table");
    });

    it("staging with two shards: the database failover experiment of each region targets both shards' clusters", async () => {
      const sharded = await shippedVariantPlan("staging", { "blueprint:database": { shards: 2 } });
      assert.deepEqual(mandatory(sharded), []);
      const regions = ["us-east-1", "eu-west-1"].filter((region) =>
        inRegion(sharded, "aws:fis/experimentTemplate:ExperimentTemplate", region).some((t) =>
          JSON.stringify(t.inputs.actions).includes("aws:rds:failover-db-cluster"),
        ),
      );
      assert.ok(regions.length > 0, "staging runs the database failover experiment somewhere");
      for (const region of regions) {
        const template = inRegion(sharded, "aws:fis/experimentTemplate:ExperimentTemplate", region).find((t) =>
          JSON.stringify(t.inputs.actions).includes("aws:rds:failover-db-cluster"),
        )!;
        const [target] = template.inputs.targets as Array<{ resourceArns: string[] }>;
        assert.deepEqual(
          target.resourceArns.map((arn) => arn.split(":").pop()),
          [`blueprint-staging-${region}`, `blueprint-staging-s1-${region}`],
        );
      }
    });

    it("activeShards keeps a new shard out of the map until its data is copied", async () => {
      const staged = await shippedVariantPlan("prod", { "blueprint:database": { shards: 3, activeShards: 2 } });
      const [parameter] = shardMaps(staged, "eu-west-1");
      const map = JSON.parse(String(parameter.inputs.insecureValue)) as { version: number; shards: Array<{ shard: number; range?: number[] }> };
      assert.equal(map.version, 2);
      assert.deepEqual(
        map.shards.map((shard) => shard.range !== undefined),
        [true, true, false],
      );
    });
  });
});
