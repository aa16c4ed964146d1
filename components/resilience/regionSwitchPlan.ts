/**
 * The stack's ARC Region switch plan: one plan that can move the writer to any of the stack's
 * regions (an activation workflow per region: scale up, approve, switch the database), checked by
 * every region's health alarms, run by a least-privilege execution role, approved by whoever may
 * assume the approvers' role. Declaring it changes nothing: an execution is started by hand
 * (`npm run switchover` prints the command).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { approverPolicy, approverTrustPolicy, switchExecutionPolicy, switchExecutionTrustPolicy } from "./lib/switchPlanRole";
import { switchPlanAlarms, switchPlanName, switchPlanWorkflows, type SwitchPlanRegion } from "./lib/switchPlan";

/** Arguments of the RegionSwitchPlan component. */
export interface RegionSwitchPlanArgs {
  /** `<project>-<stack>`: the plan is `<namePrefix>-switch`, its roles `<namePrefix>-switch-*`. */
  readonly namePrefix: string;
  /** The region whose database is the writer now (the plan's primary region). */
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

/** The plan and its roles. */
export class RegionSwitchPlan extends pulumi.ComponentResource {
  public readonly planArn: pulumi.Output<string>;
  public readonly approvalRoleArn: pulumi.Output<string>;

  constructor(name: string, args: RegionSwitchPlanArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:resilience:RegionSwitchPlan", name, {}, opts);
    const { name: planName, problem } = switchPlanName(args.namePrefix);
    const problems = [
      ...(problem ? [problem] : []),
      ...(args.regions.length < 2 ? [`a Region switch plan needs at least two regions; got ${args.regions.length}`] : []),
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
    const plan = new aws.arcregionswitch.Plan(
      name,
      {
        name: planName,
        description: `Moves the writer of ${args.namePrefix} between its regions: scale up, approve, switch the database`,
        executionRole: execution.arn,
        recoveryApproach: "activePassive",
        regions: args.regions.map((region) => region.region),
        primaryRegion: args.writerRegion,
        recoveryTimeObjectiveMinutes: args.recoveryTimeObjectiveMinutes,
        associatedAlarms: switchPlanAlarms(input),
        workflows: switchPlanWorkflows(input) as unknown as aws.types.input.arcregionswitch.PlanWorkflow[],
        tags,
      },
      opt,
    );
    new aws.iam.RolePolicy(`${name}-approvers`, { role: approvers.name, name: "approve-switch", policy: plan.arn.apply(approverPolicy) }, opt);

    this.planArn = plan.arn;
    this.approvalRoleArn = approvers.arn;
    this.registerOutputs({ planArn: this.planArn });
  }
}
