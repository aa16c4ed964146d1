import * as assert from "node:assert/strict";
import type { PlannedResource } from "../../../components/lib/plan/plannedResource";
import { switchoverSteps } from "../../../tools/switchover/steps";

const resource = (
  type: string,
  name: string,
  region: string | null,
  inputs: Record<string, unknown>,
  outputs: Record<string, unknown> = {},
): PlannedResource => ({
  urn: `urn:pulumi:prod::blueprint::${type}::${name}`,
  type,
  name,
  custom: true,
  parent: null,
  region,
  inputs,
  outputs,
  dependencies: [],
  propertyDependencies: {},
  protect: false,
  ignoreChanges: [],
  deleteBeforeReplace: false,
});

describe("switchover steps", () => {
  // two shards, each a global cluster with a member in both regions, a Global Datastore and a Region switch plan
  const shards = ["blueprint-prod-global", "blueprint-prod-s1-global"].flatMap((global, shard) => [
    resource("aws:rds/globalCluster:GlobalCluster", `global-${shard}`, "us-east-1", { globalClusterIdentifier: global }),
    ...["us-east-1", "eu-west-1"].map((region) =>
      resource("aws:rds/cluster:Cluster", `${region}-${shard}`, region, {
        globalClusterIdentifier: global,
        clusterIdentifier: `blueprint-prod${shard === 0 ? "" : `-s${shard}`}-${region}`,
      }),
    ),
  ]);
  const cache = [
    resource(
      "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup",
      "datastore",
      "us-east-1",
      {},
      { globalReplicationGroupId: "ldgnf-blueprint-prod" },
    ),
    resource("aws:elasticache/replicationGroup:ReplicationGroup", "cache-eu", "eu-west-1", { replicationGroupId: "blueprint-prod-eu-west-1" }),
  ];
  const plan = resource("aws:arcregionswitch/plan:Plan", "switchover", null, { name: "blueprint-prod-use1-euw1", regions: ["us-east-1", "eu-west-1"] });

  it("switches every shard's global cluster to its member in the target region, fails the datastore over, then runs pulumi up", () => {
    const steps = switchoverSteps([...shards, ...cache], "prod", "us-east-1", "eu-west-1");
    assert.deepEqual(steps, [
      "aws rds switchover-global-cluster --region eu-west-1 --global-cluster-identifier blueprint-prod-global --target-db-cluster-identifier arn:aws:rds:eu-west-1:<account>:cluster:blueprint-prod-eu-west-1",
      "aws rds switchover-global-cluster --region eu-west-1 --global-cluster-identifier blueprint-prod-s1-global --target-db-cluster-identifier arn:aws:rds:eu-west-1:<account>:cluster:blueprint-prod-s1-eu-west-1",
      "aws elasticache failover-global-replication-group --region eu-west-1 --global-replication-group-id ldgnf-blueprint-prod --primary-region eu-west-1 --primary-replication-group-id blueprint-prod-eu-west-1",
      "pulumi up --stack prod   # after the writer moved: the write routes and alarms follow the stack file",
    ]);
  });

  it("puts the Region switch plan's execution first, when the stack has one", () => {
    const steps = switchoverSteps([plan, ...shards], "prod", "us-east-1", "eu-west-1");
    assert.match(steps[0], /the Region switch plan blueprint-prod-use1-euw1 /);
    assert.match(steps[1], /^aws arc-region-switch start-plan-execution .*the ARN under "eu-west-1,us-east-1"> --target-region eu-west-1 --action activate$/);
    assert.equal(steps[2], "# or run its steps by hand:");
    assert.equal(steps.filter((step) => step.startsWith("aws rds switchover-global-cluster")).length, 2);
  });

  it("names no plan when none lists both regions, and has only pulumi up to run without global stores", () => {
    assert.equal(
      switchoverSteps([plan], "prod", "us-east-1", "ap-southeast-2")[0],
      "pulumi up --stack prod   # after the writer moved: the write routes and alarms follow the stack file",
    );
    assert.deepEqual(switchoverSteps([], "dev", "us-east-1", "us-east-1"), [
      "pulumi up --stack dev   # after the writer moved: the write routes and alarms follow the stack file",
    ]);
  });
});
