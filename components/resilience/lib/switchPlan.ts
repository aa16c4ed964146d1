/**
 * The Region switch plans of a stack, built from its topology. ARC's CreatePlan takes exactly two
 * regions per plan ("Array Members: Fixed number of 2 items"), so a stack of N regions gets one plan
 * per pair of regions, N(N-1)/2 in all; each plan has one activation workflow per region
 * (ARC's active/passive approach: the plan moves the writer to the workflow's region), each of
 * three steps in order:
 *
 * 1. `scale-up`: the EC2 Auto Scaling block raises the target region's web and worker groups to
 *    the capacity the active region ran at in the last 24 hours, before any traffic moves;
 * 2. `approve`: a manual approval, so an execution never moves the writer on its own;
 * 3. `switch-database`: the Aurora global database block (a switchover, which loses nothing, or a
 *    failover when the active region is down), or promoting the RDS read replica.
 *
 * The plan's application-health alarms (each region's health alarms) are its health check: ARC
 * evaluates them before and during an execution. ARC has no ElastiCache execution block: the
 * Global Datastore failover is printed by `npm run switchover`, and run after the plan.
 *
 * Pure: values in, the plan's `workflows` and `associatedAlarms` out (the component passes them on).
 */

import { createHash } from "node:crypto";

/** One region of the plan. */
export interface SwitchPlanRegion<T = string> {
  readonly region: string;
  /** The web and worker auto scaling groups' ARNs. */
  readonly autoScalingGroupArns: readonly T[];
  /** The region's Aurora cluster (global database member), or RDS instance. */
  readonly databaseArn?: T;
  /** The region's health alarms: name and ARN. */
  readonly healthAlarms: readonly { readonly name: string; readonly arn: T }[];
}

/** What the plan is built from. */
export interface SwitchPlanInput<T = string> {
  readonly regions: readonly SwitchPlanRegion<T>[];
  /** The Aurora global database, when the database replicates as one; absent for RDS read replicas or no database. */
  readonly globalClusterIdentifier?: T;
  /** `rds-replicas`: the writer instance's identifier (the key of the promote block's map). */
  readonly rdsWriterIdentifier?: T;
  /** The role approvers assume. */
  readonly approvalRoleArn: T;
  /** Minutes to wait for an approval before the execution fails. */
  readonly approvalTimeoutMinutes: number;
}

/** Minutes ARC waits for the target region's groups to reach their capacity. */
export const SCALE_UP_TIMEOUT_MINUTES = 30;
/** Minutes ARC waits for the database switchover (a global switchover of a busy cluster takes minutes). */
export const DATABASE_TIMEOUT_MINUTES = 60;

/** The steps of the workflow that activates `target`. */
export function activationSteps<T>(input: SwitchPlanInput<T>, target: string): Record<string, unknown>[] {
  const steps: Record<string, unknown>[] = [
    {
      name: "scale-up",
      description: `Scale ${target}'s web and worker tiers to the active region's capacity before traffic moves`,
      executionBlockType: "EC2AutoScaling",
      ec2AsgCapacityIncreaseConfigs: [
        {
          asgs: input.regions.flatMap((region) => region.autoScalingGroupArns.map((arn) => ({ arn }))),
          capacityMonitoringApproach: "sampledMaxInLast24Hours",
          targetPercent: 100,
          timeoutMinutes: SCALE_UP_TIMEOUT_MINUTES,
        },
      ],
    },
    {
      name: "approve",
      description: `An operator approves moving the writer to ${target}`,
      executionBlockType: "ManualApproval",
      executionApprovalConfigs: [{ approvalRole: input.approvalRoleArn, timeoutMinutes: input.approvalTimeoutMinutes }],
    },
  ];
  const databases = input.regions.flatMap((region) => (region.databaseArn !== undefined ? [region.databaseArn] : []));
  if (input.globalClusterIdentifier !== undefined && databases.length > 1) {
    steps.push({
      name: "switch-database",
      description: `Aurora global database switchover to ${target} (no data loss; a failover when the active region is down)`,
      executionBlockType: "AuroraGlobalDatabase",
      globalAuroraConfigs: [
        {
          behavior: "switchoverOnly",
          globalClusterIdentifier: input.globalClusterIdentifier,
          databaseClusterArns: databases,
          timeoutMinutes: DATABASE_TIMEOUT_MINUTES,
        },
      ],
    });
  } else if (input.rdsWriterIdentifier !== undefined) {
    const replica = input.regions.find((region) => region.region === target)?.databaseArn;
    if (replica !== undefined)
      steps.push({
        name: "switch-database",
        description: `Promote ${target}'s read replica to a standalone writer`,
        executionBlockType: "RdsPromoteReadReplica",
        rdsPromoteReadReplicaConfigs: [{ dbInstanceArnMap: { [String(input.rdsWriterIdentifier)]: replica }, timeoutMinutes: DATABASE_TIMEOUT_MINUTES }],
      });
  }
  return steps;
}

/** One activation workflow per region. */
export function switchPlanWorkflows<T>(input: SwitchPlanInput<T>): Record<string, unknown>[] {
  return input.regions.map((region) => ({
    workflowTargetAction: "activate",
    workflowTargetRegion: region.region,
    workflowDescription: `Move the writer to ${region.region}`,
    steps: activationSteps(input, region.region),
  }));
}

/** The plan's application-health alarms, keyed by alarm name. */
export function switchPlanAlarms<T>(input: SwitchPlanInput<T>): { alarmType: string; mapBlockKey: string; resourceIdentifier: T }[] {
  return input.regions.flatMap((region) =>
    region.healthAlarms.map((alarm) => ({ alarmType: "applicationHealth", mapBlockKey: alarm.name, resourceIdentifier: alarm.arn })),
  );
}

/** Longest plan name ARC accepts: 32 letters, digits or hyphens (the pattern of a plan ARN's name part). */
export const MAX_PLAN_NAME_LENGTH = 32;

/** The regions a Region switch plan lists: ARC takes exactly two. */
export const PLAN_REGIONS = 2;

const PLAN_NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/;

/** The name the plans' roles share (`<namePrefix>-switch`), or the problem with it. */
export function switchPlanName(namePrefix: string): { name: string; problem?: string } {
  const name = `${namePrefix}-switch`;
  if (name.length > MAX_PLAN_NAME_LENGTH || !PLAN_NAME.test(name))
    return {
      name,
      problem: `the Region switch plan's name "${name}" (from the project and stack names) must be 1 to ${MAX_PLAN_NAME_LENGTH} letters, digits or hyphens; shorten the stack name`,
    };
  return { name };
}

/** Direction words of region names and their short forms (`ap-southeast-2` is `apse2`, `us-east-1` `use1`). */
const DIRECTIONS: Readonly<Record<string, string>> = {
  north: "n",
  south: "s",
  east: "e",
  west: "w",
  central: "c",
  northeast: "ne",
  southeast: "se",
  northwest: "nw",
  southwest: "sw",
};

/** A region's short code: its country or area, each word's short form, its number (`eu-west-1` is `euw1`). */
export function regionShortCode(region: string): string {
  const [area, ...rest] = region.split("-");
  return [area, ...rest.map((part) => DIRECTIONS[part] ?? (/^\d+$/.test(part) ? part : part.charAt(0)))].join("");
}

/** Every pair of regions, in stack-file order: the plans a stack of these regions declares. */
export function switchPlanPairs(regions: readonly string[]): [string, string][] {
  return regions.flatMap((a, index) => regions.slice(index + 1).map((b): [string, string] => [a, b]));
}

/** The key of a pair in the stack output `regionSwitchPlanArns`: both regions, sorted, joined by a comma. */
export function switchPlanPairKey(a: string, b: string): string {
  return [a, b].sort().join(",");
}

/**
 * The name of the plan over `a` and `b`: `<namePrefix>-<a's short code>-<b's>`, within ARC's 32
 * characters; a longer prefix is cut and followed by 4 hex digits of its hash, so that two stacks
 * whose prefixes share the kept part still get distinct plans in one account.
 */
export function switchPlanPairName(namePrefix: string, a: string, b: string): { name: string; problem?: string } {
  const tail = `-${regionShortCode(a)}-${regionShortCode(b)}`;
  const full = `${namePrefix}${tail}`;
  const name =
    full.length <= MAX_PLAN_NAME_LENGTH
      ? full
      : `${namePrefix.slice(0, MAX_PLAN_NAME_LENGTH - tail.length - 5).replace(/-+$/, "")}-${createHash("sha256").update(namePrefix).digest("hex").slice(0, 4)}${tail}`;
  if (name.length > MAX_PLAN_NAME_LENGTH || !PLAN_NAME.test(name))
    return {
      name,
      problem: `the Region switch plan's name "${name}" (from the project and stack names and the regions ${a}, ${b}) must be 1 to ${MAX_PLAN_NAME_LENGTH} letters, digits or hyphens`,
    };
  return { name };
}
