/**
 * A region's region-scale drills (./lib/drills.ts): AWS FIS templates, each stopped by the region's
 * health alarms and run by one role of the region that holds only what the drills call. Declaring
 * them starts nothing: an experiment runs when someone starts it (runbooks.md).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument, serviceTrustPolicy } from "../lib/iam";
import { drillRoleStatements } from "./lib/drillRole";
import { drillProblems, isolateRegionSpec, pauseReplicationSpec, type DrillSpec } from "./lib/drills";
import { azPowerSpec, type AzPowerSpec } from "./lib/azPower";
import { DrillSchedules, type DrillScheduling } from "./drillSchedules";

/** Arguments of the RegionDrills component. */
export interface RegionDrillsArgs {
  readonly region: string;
  readonly namePrefix: string;
  /** The region `isolate-region` cuts this region off from. */
  readonly isolateFrom: string;
  /** The region's private subnets (the tiers'), one per AZ. */
  readonly privateSubnetIds: pulumi.Input<string[]>;
  /** How many there are (the region's AZs), checked against FIS's quota before anything is declared. */
  readonly privateSubnetCount: number;
  /** The static bucket and its replica's region, in the bucket's region. @default - no replication drill here */
  readonly staticReplication?: { readonly bucketArn: pulumi.Input<string>; readonly replicaRegion: string };
  /** az-power-interruption in this region: the AZ and what it acts on. @default - not declared */
  readonly azPower?: {
    readonly availabilityZone: string;
    readonly autoScalingGroups: readonly { readonly tier: "web" | "worker"; readonly name: pulumi.Input<string>; readonly arn: pulumi.Input<string> }[];
    /** Every subnet of the region (public, private, isolated): the template keeps the AZ's own by filter. */
    readonly subnetIds: pulumi.Input<string[]>;
    /** The region's writer, when it holds one that can fail over. @default - no database action */
    readonly database?: { readonly kind: "aurora-cluster" | "rds-instance"; readonly arns: readonly pulumi.Input<string>[] };
    /** The region's Multi-AZ replication group and the tag FIS finds it by. @default - no cache action */
    readonly cache?: { readonly arn: pulumi.Input<string>; readonly tag: { readonly key: string; readonly value: pulumi.Input<string> } };
    /** The EBS volumes' customer managed key. @default - AWS managed key */
    readonly ebsKeyArn?: pulumi.Input<string>;
  };
  /** When EventBridge Scheduler starts the region's drills. @default - never: started by hand */
  readonly schedule?: DrillScheduling;
  /** ISO 8601 duration of each drill. */
  readonly duration: string;
  /** The region's health alarms: any in ALARM stops a drill. */
  readonly stopAlarmArns: readonly pulumi.Input<string>[];
  readonly tags: Readonly<Record<string, string>>;
}

/** The drills of one region. */
export class RegionDrills extends pulumi.ComponentResource {
  public readonly templateIds: Readonly<Record<string, pulumi.Output<string>>>;

  constructor(name: string, args: RegionDrillsArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:resilience:RegionDrills", name, {}, opts);
    const { region } = args;
    const opt = { parent: this };
    const identity = aws.getCallerIdentityOutput({}, opt);
    const partition = aws.getPartitionOutput({}, opt);
    const subnetArns = pulumi
      .all([partition.partition, identity.accountId, pulumi.output(args.privateSubnetIds)])
      .apply(([p, account, ids]) => ids.map((id) => `arn:${p}:ec2:${region}:${account}:subnet/${id}`));
    const specs: DrillSpec<pulumi.Input<string>>[] = [
      // the subnet ARNs are known at deploy time; their count is checked now
      isolateRegionSpec<pulumi.Input<string>>(region, args.isolateFrom, [], args.duration),
      ...(args.staticReplication ? [pauseReplicationSpec(args.staticReplication.bucketArn, args.staticReplication.replicaRegion, args.duration)] : []),
    ];
    const problems = drillProblems(specs, args.stopAlarmArns.length, args.privateSubnetCount);
    const azPower = args.azPower;
    if (problems.length > 0) throw new Error(`RegionDrills ${name} has invalid arguments:\n  - ${problems.join("\n  - ")}`);

    const { Region: _region, ...roleTags } = args.tags;
    const role = new aws.iam.Role(
      name,
      {
        name: `${args.namePrefix}-${region}-drills`,
        description: `AWS FIS region-scale drills of ${args.namePrefix} in ${region}`,
        assumeRolePolicy: pulumi
          .all([partition.partition, identity.accountId])
          .apply(([p, accountId]) => serviceTrustPolicy("fis.amazonaws.com", { accountId, sourceArn: `arn:${p}:fis:${region}:${accountId}:experiment/*` })),
        tags: roleTags,
      },
      opt,
    );
    const rolePolicy = new aws.iam.RolePolicy(
      name,
      {
        role: role.name,
        name: "fis-drills",
        policy: pulumi
          .all([
            partition.partition,
            identity.accountId,
            args.staticReplication?.bucketArn,
            pulumi.all((azPower?.autoScalingGroups ?? []).map((group) => pulumi.all([group.name, group.arn]))),
            azPower?.ebsKeyArn,
            pulumi.all([...(azPower?.database?.arns ?? [])]),
            azPower?.cache?.arn,
          ])
          .apply(([p, accountId, bucketArn, groups, ebsKeyArn, databaseArns, cacheArn]) =>
            policyDocument(
              drillRoleStatements({
                partition: p,
                accountId,
                region,
                isolates: true,
                ...(bucketArn !== undefined ? { bucketArn } : {}),
                ...(azPower
                  ? {
                      azPower: {
                        autoScalingGroups: groups.map(([groupName, arn]) => ({ name: groupName, arn })),
                        ...(ebsKeyArn !== undefined ? { ebsKeyArn } : {}),
                        ...(azPower.database ? { database: { kind: azPower.database.kind, arns: databaseArns } } : {}),
                        ...(cacheArn !== undefined ? { cacheReplicationGroupArn: cacheArn } : {}),
                      },
                    }
                  : {}),
              }),
            ),
          ),
      },
      opt,
    );
    const stopConditions = args.stopAlarmArns.map((value) => ({ source: "aws:cloudwatch:alarm", value }));
    const templateIds: Record<string, pulumi.Output<string>> = {};
    for (const spec of specs) {
      const arns = spec.drill === "isolate-region" ? subnetArns : pulumi.all([...spec.resourceArns]);
      const template = new aws.fis.ExperimentTemplate(
        `${name}-${spec.drill}`,
        {
          region,
          description: spec.description,
          roleArn: role.arn,
          stopConditions,
          targets: [{ name: spec.targetKey.toLowerCase(), resourceType: spec.resourceType, selectionMode: "ALL", resourceArns: arns }],
          actions: [
            {
              name: spec.drill,
              actionId: spec.actionId,
              description: spec.description,
              parameters: Object.entries(spec.parameters).map(([key, value]) => ({ key, value })),
              target: { key: spec.targetKey, value: spec.targetKey.toLowerCase() },
            },
          ],
          experimentOptions: { accountTargeting: "single-account", emptyTargetResolutionMode: "fail" },
          tags: { ...args.tags, Name: `${args.namePrefix}-${region}-${spec.drill}` },
        },
        { parent: this, dependsOn: [rolePolicy] },
      );
      templateIds[spec.drill] = template.id;
    }
    if (azPower) {
      const allSubnetArns = pulumi
        .all([partition.partition, identity.accountId, pulumi.output(azPower.subnetIds)])
        .apply(([p, account, ids]) => ids.map((id) => `arn:${p}:ec2:${region}:${account}:subnet/${id}`));
      const spec = azPowerSpec<pulumi.Input<string>>({
        region,
        availabilityZone: azPower.availabilityZone,
        duration: args.duration,
        autoScalingGroups: azPower.autoScalingGroups,
        subnetArns: [],
        ...(azPower.database ? { database: azPower.database } : {}),
        ...(azPower.cache ? { cacheTag: azPower.cache.tag } : {}),
      });
      const template = new aws.fis.ExperimentTemplate(
        `${name}-${spec.drill}`,
        {
          region,
          description: spec.description,
          roleArn: role.arn,
          stopConditions,
          targets: spec.targets.map((target) => azPowerTarget(target, target.resourceType === "aws:ec2:subnet" ? allSubnetArns : undefined)),
          actions: spec.actions.map((action) => ({
            name: action.name,
            actionId: action.actionId,
            description: action.description,
            ...(Object.keys(action.parameters).length > 0 ? { parameters: Object.entries(action.parameters).map(([key, value]) => ({ key, value })) } : {}),
            target: { key: action.target.key, value: action.target.name },
          })),
          experimentOptions: { accountTargeting: "single-account", emptyTargetResolutionMode: "skip" },
          tags: { ...args.tags, Name: `${args.namePrefix}-${region}-${spec.drill}` },
        },
        { parent: this, dependsOn: [rolePolicy] },
      );
      templateIds[spec.drill] = template.id;
    }
    if (args.schedule)
      new DrillSchedules(`${name}-schedules`, { region, namePrefix: args.namePrefix, templateIds, scheduling: args.schedule, tags: roleTags }, opt);
    this.templateIds = templateIds;
    this.registerOutputs({ templateIds });
  }
}

/** The provider's shape of an az-power-interruption target; `arns` replaces the spec's ARNs when given (known at deploy time). */
function azPowerTarget(
  target: AzPowerSpec<pulumi.Input<string>>["targets"][number],
  arns?: pulumi.Input<string[]>,
): aws.types.input.fis.ExperimentTemplateTarget {
  return {
    name: target.name,
    resourceType: target.resourceType,
    selectionMode: target.selectionMode,
    ...(arns !== undefined ? { resourceArns: arns } : target.resourceArns ? { resourceArns: [...target.resourceArns] } : {}),
    ...(target.resourceTag ? { resourceTags: [{ key: target.resourceTag.key, value: target.resourceTag.value }] } : {}),
    ...(target.filters ? { filters: target.filters.map((filter) => ({ path: filter.path, values: [...filter.values] })) } : {}),
    ...(target.parameters ? { parameters: { ...target.parameters } } : {}),
  };
}
