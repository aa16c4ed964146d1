/**
 * Region-scale drills as plain data: the AWS FIS templates that rehearse losing a region rather
 * than an instance. Generic over `T` so that the component passes Pulumi inputs and the tests strings.
 *
 * - `isolate-region`: `aws:network:route-table-disrupt-cross-region-connectivity` on the region's
 *   private subnets (the tiers'), cutting their traffic to another region (the writer's, or for the
 *   writer region the next one) for `duration`: what the tiers do when the primary is unreachable.
 *   FIS's target is `aws:ec2:subnet` under the key `Subnets` (at most 6 subnets per action).
 * - `pause-static-replication`: `aws:s3:bucket-pause-replication` on the static bucket, pausing
 *   its replication to the replica's region for `duration`: what the edge serves from a stale replica.
 *
 * The Aurora global switchover has no FIS action (FIS fails a cluster over within its region, which
 * `blueprint:chaos` already rehearses); the region-scale rehearsal is an execution of the Region
 * switch plan in staging. The AZ power interruption is its own template (./azPower.ts).
 *
 * @see https://docs.aws.amazon.com/fis/latest/userguide/fis-actions-reference.html
 */

/** A drill's name. */
export type DrillName = "isolate-region" | "pause-static-replication";

/** One drill template, without its role, stop conditions and tags. */
export interface DrillSpec<T = string> {
  readonly drill: DrillName;
  readonly description: string;
  readonly actionId: string;
  readonly targetKey: string;
  readonly resourceType: string;
  readonly resourceArns: readonly T[];
  readonly parameters: Readonly<Record<string, string>>;
}

/** FIS's limit of subnets one cross-region disruption acts on. */
export const MAX_ISOLATED_SUBNETS = 6;

/** The region-isolation drill of `region`, cut off from `from`. */
export function isolateRegionSpec<T>(region: string, from: string, subnetArns: readonly T[], duration: string): DrillSpec<T> {
  return {
    drill: "isolate-region",
    description: `Cut ${region}'s private subnets off from ${from} for ${duration}: the tiers must keep serving reads and fail writes fast`,
    actionId: "aws:network:route-table-disrupt-cross-region-connectivity",
    targetKey: "Subnets",
    resourceType: "aws:ec2:subnet",
    resourceArns: subnetArns,
    parameters: { duration, region: from },
  };
}

/** The replication-pause drill of the static bucket (in its region), replicating to `replicaRegion`. */
export function pauseReplicationSpec<T>(bucketArn: T, replicaRegion: string, duration: string): DrillSpec<T> {
  return {
    drill: "pause-static-replication",
    description: `Pause the static bucket's replication to ${replicaRegion} for ${duration}: the replica serves stale objects until it catches up`,
    actionId: "aws:s3:bucket-pause-replication",
    targetKey: "Buckets",
    resourceType: "aws:s3:bucket",
    resourceArns: [bucketArn],
    parameters: { duration, region: replicaRegion },
  };
}

/** The problems of the drills' inputs (FIS refuses them at creation otherwise). */
export function drillProblems(specs: readonly DrillSpec<unknown>[], stopAlarmCount: number, isolatedSubnetCount: number): string[] {
  const problems: string[] = [];
  if (specs.length > 0 && (stopAlarmCount < 1 || stopAlarmCount > 5)) problems.push(`a drill needs 1 to 5 stop alarms (FIS's limit); got ${stopAlarmCount}`);
  for (const spec of specs) {
    if (spec.drill === "isolate-region" && isolatedSubnetCount > MAX_ISOLATED_SUBNETS)
      problems.push(`isolate-region acts on at most ${MAX_ISOLATED_SUBNETS} subnets (FIS's quota); got ${isolatedSubnetCount}`);
    if (!/^PT([1-9]\d*M|([1-9]|1[0-2])H)$/.test(spec.parameters.duration ?? ""))
      problems.push(`${spec.drill}: duration ${spec.parameters.duration} must be an ISO 8601 duration from PT1M to PT12H`);
  }
  return problems;
}
