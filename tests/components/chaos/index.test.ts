import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { RegionalChaos, type ChaosSettings, type RegionalChaosArgs } from "../../../components/chaos";
import type { PlannedResource } from "../../../tools/plan/planFile";
import { recordProgram } from "../../../tools/plan/runProgram";
import { countTypes, ofType, one } from "../../support/resources";

const PREFIX = "blueprint-prod";
const ACCOUNT = "123456789012";
const TAGS = (region: string) => ({ Environment: "prod", Project: "blueprint", Owner: "o", CostCenter: "c", ManagedBy: "pulumi", Region: region });
const ALARM = (region: string, name: string) => `arn:aws:cloudwatch:${region}:${ACCOUNT}:alarm:${PREFIX}-${region}-${name}`;
const CLUSTER_ARN = `arn:aws:rds:us-east-1:${ACCOUNT}:cluster:${PREFIX}-us-east-1`;
const DB_ARN = `arn:aws:rds:eu-west-1:${ACCOUNT}:db:${PREFIX}-eu-west-1`;
const GROUP_ID = `${PREFIX}-us-east-1`;
const GROUP_ARN = `arn:aws:elasticache:us-east-1:${ACCOUNT}:replicationgroup:${GROUP_ID}`;
const ASG = "blueprint-prod-us-east-1-web-asg";

const ROLE = "aws:iam/role:Role";
const POLICY = "aws:iam/rolePolicy:RolePolicy";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const TEMPLATE = "aws:fis/experimentTemplate:ExperimentTemplate";
const COMPONENT = "blueprint:chaos:RegionalChaos";

const SETTINGS: ChaosSettings = {
  enabled: true,
  experiments: ["terminate-web-instances", "failover-database", "failover-cache"],
  terminatePercentage: 34,
  cacheInterruptionDuration: "PT10M",
  logRetentionDays: 365,
};

const US_ARGS: RegionalChaosArgs = {
  region: "us-east-1",
  namePrefix: PREFIX,
  settings: SETTINGS,
  webAutoScalingGroupName: ASG,
  // an output, as the stamp passes it
  database: { kind: "aurora-cluster", arn: pulumi.output(CLUSTER_ARN) },
  cache: { replicationGroupArn: GROUP_ARN, replicationGroupId: GROUP_ID, availabilityZone: "us-east-1a" },
  stopAlarmArns: [ALARM("us-east-1", "alb-5xx"), ALARM("us-east-1", "target-p99")],
  tags: TAGS("us-east-1"),
};

async function record(name: string, args: RegionalChaosArgs) {
  return recordProgram(
    () => {
      const chaos = new RegionalChaos(name, args);
      return {
        ids: chaos.experimentTemplateIds,
        ...(chaos.roleArn ? { roleArn: chaos.roleArn } : {}),
        ...(chaos.logGroupName ? { logGroupName: chaos.logGroupName } : {}),
      };
    },
    { stack: "test", config: { "aws:region": "us-east-1" } },
  );
}

const policyOf = (resources: PlannedResource[]) => JSON.parse(String(one(resources, POLICY).inputs.policy)) as { Statement: unknown[] };
const LOG_STATEMENTS = (region: string) => [
  { Sid: "CreateExperimentLogDelivery", Effect: "Allow", Action: ["logs:CreateLogDelivery"], Resource: ["*"] },
  {
    Sid: "ConfigureExperimentLogDelivery",
    Effect: "Allow",
    Action: ["logs:DescribeLogGroups", "logs:DescribeResourcePolicies", "logs:PutResourcePolicy"],
    Resource: [`arn:aws:logs:${region}:${ACCOUNT}:log-group:*`],
  },
];

describe("RegionalChaos component: every experiment, Aurora and cache", () => {
  let resources: PlannedResource[];
  let outputs: Record<string, any>;
  before(async () => {
    ({ resources, outputs } = await record("us-east-1", US_ARGS));
  });

  it("declares one role, one policy, one log group and one template per experiment, all inside the component", () => {
    assert.deepEqual(countTypes(resources), { "pulumi:pulumi:Stack": 1, [COMPONENT]: 1, [ROLE]: 1, [POLICY]: 1, [LOG_GROUP]: 1, [TEMPLATE]: 3 });
    const component = one(resources, COMPONENT, "us-east-1");
    for (const r of resources.filter((r) => r.custom)) assert.equal(r.parent, component.urn, r.urn);
    assert.deepEqual(
      ofType(resources, TEMPLATE)
        .map((r) => r.name)
        .sort(),
      ["us-east-1-chaos-failover-cache", "us-east-1-chaos-failover-database", "us-east-1-chaos-terminate-web-instances"],
    );
  });

  it("puts the templates and the log group in the region, and the role (IAM is global) nowhere", () => {
    for (const r of [...ofType(resources, TEMPLATE), one(resources, LOG_GROUP)]) assert.equal(r.inputs.region, "us-east-1", r.urn);
    assert.equal(one(resources, ROLE).inputs.region, undefined);
    assert.equal(one(resources, POLICY).inputs.region, undefined);
  });

  it("lets only this account's FIS experiments in this region assume the role", () => {
    const role = one(resources, ROLE).inputs;
    assert.equal(role.name, "blueprint-prod-us-east-1-fis");
    assert.deepEqual(JSON.parse(String(role.assumeRolePolicy)), {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Service: "fis.amazonaws.com" },
          Action: "sts:AssumeRole",
          Condition: {
            StringEquals: { "aws:SourceAccount": ACCOUNT },
            ArnLike: { "aws:SourceArn": `arn:aws:fis:us-east-1:${ACCOUNT}:experiment/*` },
          },
        },
      ],
    });
    const { Region: _region, ...globalTags } = TAGS("us-east-1");
    assert.deepEqual(role.tags, globalTags);
  });

  it("grants exactly the experiments' actions, each on its target only", () => {
    assert.deepEqual(policyOf(resources).Statement, [
      {
        Sid: "TerminateWebInstances",
        Effect: "Allow",
        Action: ["ec2:TerminateInstances"],
        Resource: [`arn:aws:ec2:us-east-1:${ACCOUNT}:instance/*`],
        Condition: { StringEquals: { "aws:ResourceTag/aws:autoscaling:groupName": ASG } },
      },
      { Sid: "FailoverAuroraCluster", Effect: "Allow", Action: ["rds:DescribeDBClusters", "rds:FailoverDBCluster"], Resource: [CLUSTER_ARN] },
      {
        Sid: "InterruptCacheAzPower",
        Effect: "Allow",
        Action: ["elasticache:InterruptClusterAzPower"],
        Resource: [GROUP_ARN, `arn:aws:elasticache:us-east-1:${ACCOUNT}:cluster:${GROUP_ID}-*`],
      },
      { Sid: "DescribeCacheReplicationGroup", Effect: "Allow", Action: ["elasticache:DescribeReplicationGroups"], Resource: [GROUP_ARN] },
      { Sid: "ResolveTargets", Effect: "Allow", Action: ["ec2:DescribeInstances", "tag:GetResources"], Resource: ["*"] },
      ...LOG_STATEMENTS("us-east-1"),
    ]);
    assert.equal(one(resources, POLICY).inputs.role, "blueprint-prod-us-east-1-fis");
  });

  it("stops every template on each of the region's alarms, never on none", () => {
    for (const template of ofType(resources, TEMPLATE)) {
      assert.deepEqual(
        template.inputs.stopConditions,
        [
          { source: "aws:cloudwatch:alarm", value: ALARM("us-east-1", "alb-5xx") },
          { source: "aws:cloudwatch:alarm", value: ALARM("us-east-1", "target-p99") },
        ],
        template.name,
      );
    }
  });

  it("terminates 34% of the web group's running instances", () => {
    const template = one(resources, TEMPLATE, "us-east-1-chaos-terminate-web-instances").inputs;
    assert.deepEqual(template.targets, [
      {
        name: "WebInstances",
        resourceType: "aws:ec2:instance",
        selectionMode: "PERCENT(34)",
        resourceTags: [{ key: "aws:autoscaling:groupName", value: ASG }],
        filters: [{ path: "State.Name", values: ["running"] }],
      },
    ]);
    assert.deepEqual(template.actions, [
      {
        name: "terminate-web-instances",
        actionId: "aws:ec2:terminate-instances",
        description: "Terminate 34% of the web tier's running instances",
        target: { key: "Instances", value: "WebInstances" },
      },
    ]);
    assert.equal(
      template.description,
      "Terminates 34% of the running web instances of blueprint-prod in us-east-1; the auto-scaling group must replace them while the load balancer keeps serving. Stops as soon as any of the region's 2 stop alarm(s) is in ALARM.",
    );
  });

  it("fails the Aurora cluster over, targeted by its ARN", () => {
    const template = one(resources, TEMPLATE, "us-east-1-chaos-failover-database").inputs;
    assert.deepEqual(template.targets, [{ name: "DatabaseCluster", resourceType: "aws:rds:cluster", selectionMode: "ALL", resourceArns: [CLUSTER_ARN] }]);
    assert.deepEqual(template.actions, [
      {
        name: "failover-database",
        actionId: "aws:rds:failover-db-cluster",
        description: "Fail the Aurora cluster over to a reader",
        target: { key: "Clusters", value: "DatabaseCluster" },
      },
    ]);
  });

  it("cuts power to the cache primary's AZ for the configured time, finding the group by its ChaosTarget tag", () => {
    const template = one(resources, TEMPLATE, "us-east-1-chaos-failover-cache").inputs;
    assert.deepEqual(template.targets, [
      {
        name: "CacheReplicationGroup",
        resourceType: "aws:elasticache:replicationgroup",
        selectionMode: "ALL",
        resourceTags: [{ key: "ChaosTarget", value: GROUP_ID }],
        parameters: { availabilityZoneIdentifier: "us-east-1a" },
      },
    ]);
    assert.deepEqual(template.actions, [
      {
        name: "failover-cache",
        actionId: "aws:elasticache:replicationgroup-interrupt-az-power",
        description: "Interrupt power to the cache nodes in us-east-1a",
        parameters: [{ key: "duration", value: "PT10M" }],
        target: { key: "ReplicationGroups", value: "CacheReplicationGroup" },
      },
    ]);
  });

  it("logs every experiment to the region's vended-logs group (schema version 2) and fails when no target resolves", () => {
    const group = one(resources, LOG_GROUP);
    assert.deepEqual([group.inputs.name, group.inputs.retentionInDays], ["/aws/vendedlogs/fis/blueprint-prod", 365]);
    assert.deepEqual(group.inputs.tags, TAGS("us-east-1"));
    for (const template of ofType(resources, TEMPLATE)) {
      assert.deepEqual(template.inputs.logConfiguration, {
        logSchemaVersion: 2,
        cloudwatchLogsConfiguration: { logGroupArn: `${String(group.outputs.arn)}:*` },
      });
      assert.deepEqual(template.inputs.experimentOptions, { accountTargeting: "single-account", emptyTargetResolutionMode: "fail" });
    }
  });

  it("waits for the role's permissions, uses the role, tags each template with its name", () => {
    const policy = one(resources, POLICY);
    const role = one(resources, ROLE);
    for (const template of ofType(resources, TEMPLATE)) {
      assert.ok(template.dependencies.includes(policy.urn), template.name);
      assert.equal(template.inputs.roleArn, role.outputs.arn);
      const experiment = template.name.replace("us-east-1-chaos-", "");
      assert.deepEqual(template.inputs.tags, { ...TAGS("us-east-1"), Name: `blueprint-prod-us-east-1-${experiment}` });
    }
  });

  it("exposes the template IDs by experiment, the role ARN and the log group name", () => {
    const idOf = (name: string) => one(resources, TEMPLATE, `us-east-1-chaos-${name}`).outputs.id;
    assert.deepEqual(outputs.ids, {
      "terminate-web-instances": idOf("terminate-web-instances"),
      "failover-database": idOf("failover-database"),
      "failover-cache": idOf("failover-cache"),
    });
    assert.equal(outputs.roleArn, `arn:aws:iam::${ACCOUNT}:role/blueprint-prod-us-east-1-fis`);
    assert.equal(outputs.logGroupName, "/aws/vendedlogs/fis/blueprint-prod");
  });
});

describe("RegionalChaos component: RDS and partial regions", () => {
  it("reboots a Multi-AZ RDS instance with a forced failover and grants only that", async () => {
    const { resources } = await record("eu-west-1", {
      ...US_ARGS,
      region: "eu-west-1",
      webAutoScalingGroupName: "eu-web",
      database: { kind: "rds-instance", arn: DB_ARN },
      cache: undefined,
      stopAlarmArns: [ALARM("eu-west-1", "alb-5xx")],
      tags: TAGS("eu-west-1"),
    });
    assert.deepEqual(countTypes(resources), { "pulumi:pulumi:Stack": 1, [COMPONENT]: 1, [ROLE]: 1, [POLICY]: 1, [LOG_GROUP]: 1, [TEMPLATE]: 2 });
    const template = one(resources, TEMPLATE, "eu-west-1-chaos-failover-database").inputs;
    assert.deepEqual(template.targets, [{ name: "DatabaseInstance", resourceType: "aws:rds:db", selectionMode: "ALL", resourceArns: [DB_ARN] }]);
    assert.deepEqual(template.actions, [
      {
        name: "failover-database",
        actionId: "aws:rds:reboot-db-instances",
        description: "Reboot the RDS instance through a Multi-AZ failover",
        parameters: [{ key: "forceFailover", value: "true" }],
        target: { key: "DBInstances", value: "DatabaseInstance" },
      },
    ]);
    assert.deepEqual(policyOf(resources).Statement, [
      {
        Sid: "TerminateWebInstances",
        Effect: "Allow",
        Action: ["ec2:TerminateInstances"],
        Resource: [`arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/*`],
        Condition: { StringEquals: { "aws:ResourceTag/aws:autoscaling:groupName": "eu-web" } },
      },
      { Sid: "RebootRdsInstance", Effect: "Allow", Action: ["rds:DescribeDBInstances", "rds:RebootDBInstance"], Resource: [DB_ARN] },
      { Sid: "ResolveTargets", Effect: "Allow", Action: ["ec2:DescribeInstances", "tag:GetResources"], Resource: ["*"] },
      ...LOG_STATEMENTS("eu-west-1"),
    ]);
  });

  it("declares only the web experiment where the region has no database or cache target, and grants nothing else", async () => {
    const { resources, outputs } = await record("ap-southeast-2", {
      ...US_ARGS,
      region: "ap-southeast-2",
      webAutoScalingGroupName: "ap-web",
      database: undefined,
      cache: undefined,
      stopAlarmArns: [ALARM("ap-southeast-2", "alb-5xx")],
      tags: TAGS("ap-southeast-2"),
    });
    assert.deepEqual(countTypes(resources), { "pulumi:pulumi:Stack": 1, [COMPONENT]: 1, [ROLE]: 1, [POLICY]: 1, [LOG_GROUP]: 1, [TEMPLATE]: 1 });
    assert.deepEqual(Object.keys(outputs.ids as Record<string, unknown>), ["terminate-web-instances"]);
    assert.deepEqual(
      policyOf(resources).Statement.map((statement: any) => [statement.Sid, statement.Action]),
      [
        ["TerminateWebInstances", ["ec2:TerminateInstances"]],
        ["ResolveTargets", ["ec2:DescribeInstances"]],
        ["CreateExperimentLogDelivery", ["logs:CreateLogDelivery"]],
        ["ConfigureExperimentLogDelivery", ["logs:DescribeLogGroups", "logs:DescribeResourcePolicies", "logs:PutResourcePolicy"]],
      ],
    );
  });

  it("declares only the listed experiments: a database failover alone needs no EC2 permission", async () => {
    const { resources } = await record("us-east-1", { ...US_ARGS, settings: { ...SETTINGS, experiments: ["failover-database"] } });
    assert.deepEqual(
      ofType(resources, TEMPLATE).map((r) => r.name),
      ["us-east-1-chaos-failover-database"],
    );
    assert.deepEqual(
      policyOf(resources).Statement.map((statement: any) => statement.Sid),
      ["FailoverAuroraCluster", "ResolveTargets", "CreateExperimentLogDelivery", "ConfigureExperimentLogDelivery"],
    );
    assert.deepEqual((policyOf(resources).Statement[1] as any).Action, ["tag:GetResources"]);
  });

  it("declares nothing at all when chaos is disabled", async () => {
    const { resources, outputs } = await record("us-east-1", { ...US_ARGS, settings: { ...SETTINGS, enabled: false } });
    assert.deepEqual(countTypes(resources), { "pulumi:pulumi:Stack": 1, [COMPONENT]: 1 });
    assert.deepEqual(outputs.ids, {});
    assert.equal(outputs.roleArn, undefined);
  });
});

describe("RegionalChaos component: invalid arguments", () => {
  const construct = (args: RegionalChaosArgs) => () => new RegionalChaos("bad", args);

  it("refuses an experiment without a stop condition", () => {
    assert.throws(
      construct({ ...US_ARGS, stopAlarmArns: [] }),
      (error: Error) =>
        error.message ===
        "RegionalChaos bad has invalid arguments:\n  - stopAlarmArns is empty; every experiment needs at least one alarm that stops it (FIS would accept source none, an experiment nothing stops, which the blueprint refuses)",
    );
  });

  it("lists every problem at once, each with the value and what is allowed", () => {
    const alarms = [1, 2, 3, 4, 5].map((n) => ALARM("us-east-1", `a${n}`));
    assert.throws(
      construct({
        ...US_ARGS,
        settings: { ...SETTINGS, terminatePercentage: 0, cacheInterruptionDuration: "PT13H", logRetentionDays: 10 },
        database: { kind: "aurora-instance" as never, arn: CLUSTER_ARN },
        cache: { ...US_ARGS.cache!, availabilityZone: "eu-west-1a" },
        stopAlarmArns: [...alarms, ALARM("eu-west-1", "alb-5xx"), "not-an-arn", alarms[0]],
      }),
      (error: Error) =>
        error.message ===
        [
          "RegionalChaos bad has invalid arguments:",
          "  - settings.terminatePercentage must be a whole number from 1 to 100 percent; got 0",
          "  - settings.cacheInterruptionDuration must be an ISO 8601 duration from PT1M to PT12H, such as PT10M or PT1H30M (FIS runs an action for one minute to 12 hours); got PT13H",
          "  - settings.logRetentionDays must be one of CloudWatch Logs' retention periods (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653); got 10",
          "  - stopAlarmArns lists 8 alarms; FIS allows at most 5 stop conditions per experiment template (pick the 5 that matter most)",
          "  - stopAlarmArns[5] is an alarm of eu-west-1, not of us-east-1; an experiment stops on its own region's alarms",
          '  - stopAlarmArns[6] "not-an-arn" is not a CloudWatch alarm ARN (arn:aws:cloudwatch:<region>:<account>:alarm:<name>)',
          `  - stopAlarmArns[7] "${alarms[0]}" is listed twice`,
          '  - database.kind "aurora-instance" must be one of aurora-cluster, rds-instance',
          '  - cache.availabilityZone "eu-west-1a" is not an AZ of us-east-1; give the AZ of the replication group\'s primary node',
        ].join("\n"),
    );
  });

  it("refuses an unknown region, a bad name prefix and an enabled empty experiment list", () => {
    assert.throws(
      construct({
        ...US_ARGS,
        region: "us-east-9",
        namePrefix: "Blueprint_Prod",
        settings: { ...SETTINGS, experiments: [] },
        cache: undefined,
        stopAlarmArns: [ALARM("us-east-9", "x")],
      }),
      (error: Error) =>
        error.message ===
        [
          "RegionalChaos bad has invalid arguments:",
          '  - region "us-east-9" is not a region the blueprint knows',
          '  - namePrefix "Blueprint_Prod" must be lowercase letters and digits separated by single hyphens',
          "  - settings.experiments lists no experiment while enabled is true; list one or more of terminate-web-instances, failover-database, failover-cache (or leave the key out for every one that applies)",
        ].join("\n"),
    );
  });
});
