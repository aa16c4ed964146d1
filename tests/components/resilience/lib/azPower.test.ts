import * as assert from "node:assert/strict";
import { azPowerSpec } from "../../../../components/resilience/lib/azPower";

describe("az-power-interruption drill", () => {
  const inputs = {
    region: "us-east-1",
    availabilityZone: "us-east-1a",
    duration: "PT10M",
    autoScalingGroups: [
      { tier: "web" as const, name: "web-g", arn: "arn:web" },
      { tier: "worker" as const, name: "worker-g", arn: "arn:worker" },
    ],
    subnetArns: ["arn:subnet-1", "arn:subnet-2"],
  };

  it("does what FIS's AZ power-interruption scenario does: stop the AZ's tier instances, fail launches there, cut its subnets", () => {
    const spec = azPowerSpec(inputs);
    assert.deepEqual(
      spec.actions.map((a) => [a.name, a.actionId, a.target.key, a.target.name, a.parameters]),
      [
        [
          "stop-web-instances",
          "aws:ec2:stop-instances",
          "Instances",
          "web-instances-us-east-1a",
          { completeIfInstancesTerminated: "true", startInstancesAfterDuration: "PT10M" },
        ],
        [
          "stop-worker-instances",
          "aws:ec2:stop-instances",
          "Instances",
          "worker-instances-us-east-1a",
          { completeIfInstancesTerminated: "true", startInstancesAfterDuration: "PT10M" },
        ],
        [
          "pause-instance-launches",
          "aws:ec2:asg-insufficient-instance-capacity-error",
          "AutoScalingGroups",
          "auto-scaling-groups",
          { availabilityZoneIdentifiers: "us-east-1a", duration: "PT10M", percentage: "100" },
        ],
        ["pause-network-connectivity", "aws:network:disrupt-connectivity", "Subnets", "subnets-us-east-1a", { duration: "PT10M", scope: "all" }],
      ],
    );
    assert.deepEqual(spec.targets[0], {
      name: "web-instances-us-east-1a",
      resourceType: "aws:ec2:instance",
      selectionMode: "ALL",
      resourceTag: { key: "aws:autoscaling:groupName", value: "web-g" },
      filters: [
        { path: "State.Name", values: ["running"] },
        { path: "Placement.AvailabilityZone", values: ["us-east-1a"] },
      ],
    });
    assert.deepEqual(spec.targets[2], {
      name: "auto-scaling-groups",
      resourceType: "aws:ec2:autoscaling-group",
      selectionMode: "ALL",
      resourceArns: ["arn:web", "arn:worker"],
    });
    assert.deepEqual(spec.targets[3], {
      name: "subnets-us-east-1a",
      resourceType: "aws:ec2:subnet",
      selectionMode: "ALL",
      resourceArns: ["arn:subnet-1", "arn:subnet-2"],
      filters: [{ path: "AvailabilityZone", values: ["us-east-1a"] }],
    });
    // every action's target is a target of the template
    for (const action of spec.actions)
      assert.ok(
        spec.targets.some((t) => t.name === action.target.name),
        action.name,
      );
  });

  it("fails the writer over only when it is in the AZ, and interrupts the cache's power there", () => {
    const aurora = azPowerSpec({ ...inputs, database: { kind: "aurora-cluster", arns: ["arn:cluster"] }, cacheTag: { key: "ChaosTarget", value: "cache-id" } });
    assert.deepEqual(aurora.targets.slice(4), [
      {
        name: "database-cluster",
        resourceType: "aws:rds:cluster",
        selectionMode: "ALL",
        resourceArns: ["arn:cluster"],
        parameters: { writerAvailabilityZoneIdentifiers: "us-east-1a" },
      },
      {
        name: "cache-replication-group",
        resourceType: "aws:elasticache:replicationgroup",
        selectionMode: "ALL",
        resourceTag: { key: "ChaosTarget", value: "cache-id" },
        parameters: { availabilityZoneIdentifier: "us-east-1a" },
      },
    ]);
    assert.deepEqual(
      aurora.actions.slice(4).map((a) => [a.actionId, a.target.key, a.parameters]),
      [
        ["aws:rds:failover-db-cluster", "Clusters", {}],
        ["aws:elasticache:replicationgroup-interrupt-az-power", "ReplicationGroups", { duration: "PT10M" }],
      ],
    );
    const rds = azPowerSpec({ ...inputs, database: { kind: "rds-instance", arns: ["arn:db"] } });
    assert.deepEqual(
      [rds.targets[4].resourceType, rds.targets[4].parameters, rds.actions[4].actionId, rds.actions[4].target.key, rds.actions[4].parameters],
      ["aws:rds:db", { availabilityZoneIdentifiers: "us-east-1a" }, "aws:rds:reboot-db-instances", "DBInstances", { forceFailover: "true" }],
    );
  });
});
