/**
 * The schedules that start a region's drills on their own (`blueprint:resilience.drillSchedule`):
 * one EventBridge Scheduler schedule per drill template, calling FIS's StartExperiment through the
 * universal target, staggered so that only one drill of the stack runs at a time
 * (./lib/drillSchedule.ts), and one role of the region that may start only these templates.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument, serviceTrustPolicy } from "../lib/iam";
import { schedulerRoleStatements, startExperimentInput, START_EXPERIMENT_TARGET, SCHEDULE_RETRY } from "./lib/drillScheduleTarget";
import { staggeredExpression } from "./lib/drillSchedule";

/** How the stack schedules its drills. */
export interface DrillScheduling {
  /** The stack's schedule expression (the first drill's start). */
  readonly expression: string;
  /** The stack-wide position of each of this region's drills, by drill name (0 starts first). */
  readonly order: Readonly<Record<string, number>>;
  /** Minutes between two drills' starts. */
  readonly slotMinutes: number;
}

/** Arguments of the DrillSchedules component. */
export interface DrillSchedulesArgs {
  readonly region: string;
  readonly namePrefix: string;
  /** The region's drill templates by drill name. */
  readonly templateIds: Readonly<Record<string, pulumi.Input<string>>>;
  readonly scheduling: DrillScheduling;
  /** Tags of the role (IAM is global: no Region tag). */
  readonly tags: Readonly<Record<string, string>>;
}

/** A region's drill schedules. */
export class DrillSchedules extends pulumi.ComponentResource {
  constructor(name: string, args: DrillSchedulesArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:resilience:DrillSchedules", name, {}, opts);
    const { region } = args;
    const opt = { parent: this };
    const identity = aws.getCallerIdentityOutput({}, opt);
    const partition = aws.getPartitionOutput({}, opt);
    const drills = Object.keys(args.templateIds);
    const expressions = drills.map((drill) => {
      const staggered = staggeredExpression(args.scheduling.expression, args.scheduling.order[drill] ?? 0, args.scheduling.slotMinutes);
      // the section's rules refuse an expression that cannot be staggered; this only guards a direct caller
      if ("problem" in staggered) throw new Error(`DrillSchedules ${name}: ${staggered.problem}`);
      return staggered.expression;
    });
    const role = new aws.iam.Role(
      name,
      {
        name: `${args.namePrefix}-${region}-drill-scheduler`,
        description: `EventBridge Scheduler starting the FIS drills of ${args.namePrefix} in ${region}`,
        assumeRolePolicy: pulumi.all([partition.partition, identity.accountId]).apply(([p, accountId]) =>
          serviceTrustPolicy("scheduler.amazonaws.com", {
            accountId,
            sourceArn: `arn:${p}:scheduler:${region}:${accountId}:schedule/default/${args.namePrefix}-${region}-*`,
          }),
        ),
        tags: args.tags,
      },
      opt,
    );
    const policy = new aws.iam.RolePolicy(
      name,
      {
        role: role.name,
        name: "start-drills",
        policy: pulumi
          .all([partition.partition, identity.accountId, pulumi.all(drills.map((drill) => args.templateIds[drill]))])
          .apply(([p, accountId, ids]) => policyDocument(schedulerRoleStatements({ partition: p, accountId, region, templateIds: ids }))),
      },
      opt,
    );
    drills.forEach((drill, index) => {
      new aws.scheduler.Schedule(
        `${name}-${drill}`,
        {
          region,
          name: `${args.namePrefix}-${region}-${drill}`,
          description: `Starts the ${drill} drill of ${args.namePrefix} in ${region} (blueprint:resilience.drillSchedule)`,
          scheduleExpression: expressions[index],
          scheduleExpressionTimezone: "UTC",
          state: "ENABLED",
          // a drill must start at its slot: a flexible window could overlap the next one
          flexibleTimeWindow: { mode: "OFF" },
          target: {
            arn: START_EXPERIMENT_TARGET,
            roleArn: role.arn,
            input: pulumi.output(args.templateIds[drill]).apply(startExperimentInput),
            retryPolicy: { ...SCHEDULE_RETRY },
          },
        },
        { parent: this, dependsOn: [policy] },
      );
    });
    this.registerOutputs({});
  }
}
