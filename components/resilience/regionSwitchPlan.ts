/**
 * The stack's ARC Region switch plans: one per pair of regions, because ARC takes exactly two
 * regions per plan, so that the writer can move between any two of them (each plan an activation
 * workflow per region: scale up, approve, switch the database), checked by its regions' health
 * alarms, run by one least-privilege execution role, approved by whoever may assume the approvers'
 * role. Declaring them changes nothing: an execution is started by hand (`npm run switchover`
 * prints the command).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { approverPolicy, approverTrustPolicy, switchExecutionPolicy, switchExecutionTrustPolicy } from "./lib/switchPlanRole";
import {
  switchPlanAlarms,
  switchPlanName,
  switchPlanPairKey,
  switchPlanPairName,
  switchPlanPairs,
  switchPlanWorkflows,
  type SwitchPlanRegion,
} from "./lib/switchPlan";

/** Arguments of the RegionSwitchPlan component. */
export interface RegionSwitchPlanArgs {
  /** `<project>-<stack>`: each plan is `<namePrefix>-<a>-<b>` (regions' short codes), the roles `<namePrefix>-switch-*`. */
  readonly namePrefix: string;
  /** The region whose database is the writer now (the primary region of the plans that list it). */
  readonly writerRegion: string;
  /** Every region of the stack, in stack-file order. */
  readonly regions: readonly SwitchPlanRegion<pulumi.Input<string>>[];
  /** The Aurora global database's identifier. @default - none (RDS read replicas, or no database) */
  readonly globalClusterIdentifier?: pulumi.Input<string>;
  /** RDS read replicas: the writer instance's identifier. @default - none */
  readonly rdsWriterIdentifier?: pulumi.Input<string>;
  /** The recovery time the plan targets, in minutes (ARC reports executions against it). */
  readonly recoveryTimeObjectiveMinutes: number;
  /** Minutes an approval may take. */
  readonly approvalTimeoutMinutes: number;
  readonly tags?: Record<string, string>;
}

/** The plans and their roles. */
export class RegionSwitchPlan extends pulumi.ComponentResource {
  /** Each plan's ARN, keyed by its two regions sorted and joined by a comma (`eu-west-1,us-east-1`). */
  public readonly planArns: Readonly<Record<string, pulumi.Output<string>>>;
  public readonly approvalRoleArn: pulumi.Output<string>;

  constructor(name: string, args: RegionSwitchPlanArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:resilience:RegionSwitchPlan", name, {}, opts);
    const { name: planName, problem } = switchPlanName(args.namePrefix);
    const pairs = switchPlanPairs(args.regions.map((region) => region.region));
    const pairNames = pairs.map(([a, b]) => switchPlanPairName(args.namePrefix, a, b));
    const problems = [
      ...(problem ? [problem] : []),
      ...pairNames.flatMap((pair) => (pair.problem ? [pair.problem] : [])),
      ...(args.regions.length < 2 ? [`Region switch plans need at least two regions; got ${args.regions.length}`] : []),
      ...(args.regions.some((region) => region.region === args.writerRegion) ? [] : [`writerRegion ${args.writerRegion} is not one of the plan's regions`]),
    ];
    if (problems.length > 0) throw new Error(`RegionSwitchPlan ${name} has invalid arguments:\n  - ${problems.join("\n  - ")}`);

    const opt = { parent: this };
    const tags = { ...(args.tags ?? {}) };
    const identity = aws.getCallerIdentityOutput({}, opt);
    const partition = aws.getPartitionOutput({}, opt);

    const approvers = new aws.iam.Role(
      `${name}-approvers`,
      {
        name: `${planName}-approvers`,
        description: `Approves the steps of ${planName} executions`,
        assumeRolePolicy: pulumi.all([partition.partition, identity.accountId]).apply(([p, account]) => approverTrustPolicy(p, account)),
        tags,
      },
      opt,
    );
    const execution = new aws.iam.Role(
      `${name}-execution`,
      {
        name: `${planName}-execution`,
        description: `ARC Region switch runs ${planName} as this role`,
        assumeRolePolicy: pulumi.all([partition.partition, identity.accountId]).apply(([p, account]) => switchExecutionTrustPolicy(p, account)),
        tags,
      },
      opt,
    );
    new aws.iam.RolePolicy(
      `${name}-execution`,
      {
        role: execution.name,
        name: "region-switch",
        policy: pulumi
          .all([
            partition.partition,
            identity.accountId,
            pulumi.all(args.regions.flatMap((region) => region.autoScalingGroupArns)),
            pulumi.all(args.regions.flatMap((region) => (region.databaseArn !== undefined ? [region.databaseArn] : []))),
            args.globalClusterIdentifier,
            pulumi.all(args.regions.flatMap((region) => region.healthAlarms.map((alarm) => alarm.arn))),
          ])
          .apply(([p, accountId, autoScalingGroupArns, databaseArns, globalClusterIdentifier, alarmArns]) =>
            switchExecutionPolicy({
              partition: p,
              accountId,
              autoScalingGroupArns,
              databaseArns,
              alarmArns,
              ...(globalClusterIdentifier !== undefined ? { globalClusterIdentifier } : {}),
            }),
          ),
      },
      opt,
    );

    const input = {
      regions: args.regions,
      approvalRoleArn: approvers.arn,
      approvalTimeoutMinutes: args.approvalTimeoutMinutes,
      ...(args.globalClusterIdentifier !== undefined ? { globalClusterIdentifier: args.globalClusterIdentifier } : {}),
      ...(args.rdsWriterIdentifier !== undefined ? { rdsWriterIdentifier: args.rdsWriterIdentifier } : {}),
    };
    const planArns: Record<string, pulumi.Output<string>> = {};
    pairs.forEach(([a, b], index) => {
      const pairInput = { ...input, regions: args.regions.filter((region) => region.region === a || region.region === b) };
      const plan = new aws.arcregionswitch.Plan(
        `${name}-${a}-${b}`,
        {
          name: pairNames[index].name,
          description: `Moves the writer of ${args.namePrefix} between ${a} and ${b}: scale up, approve, switch the database`,
          executionRole: execution.arn,
          recoveryApproach: "activePassive",
          regions: [a, b],
          // the writer's plans name it; a plan over two readers has none until a switchover reaches it
          ...(a === args.writerRegion || b === args.writerRegion ? { primaryRegion: args.writerRegion } : {}),
          recoveryTimeObjectiveMinutes: args.recoveryTimeObjectiveMinutes,
          associatedAlarms: switchPlanAlarms(pairInput),
          workflows: switchPlanWorkflows(pairInput) as unknown as aws.types.input.arcregionswitch.PlanWorkflow[],
          tags,
        },
        opt,
      );
      planArns[switchPlanPairKey(a, b)] = plan.arn;
    });
    new aws.iam.RolePolicy(
      `${name}-approvers`,
      { role: approvers.name, name: "approve-switch", policy: pulumi.all(Object.values(planArns)).apply(approverPolicy) },
      opt,
    );

    this.planArns = planArns;
    this.approvalRoleArn = approvers.arn;
    this.registerOutputs({ planArns });
  }
}
