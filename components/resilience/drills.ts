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
          .all([partition.partition, identity.accountId, args.staticReplication?.bucketArn])
          .apply(([p, accountId, bucketArn]) =>
            policyDocument(drillRoleStatements({ partition: p, accountId, region, isolates: true, ...(bucketArn !== undefined ? { bucketArn } : {}) })),
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
    this.templateIds = templateIds;
    this.registerOutputs({ templateIds });
  }
}
