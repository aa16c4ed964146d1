/**
 * The writer guard's decision: `pulumi up` must never demote the live writer. After a switchover
 * done in AWS (the Region switch plan, the console, or `aws rds switchover-global-cluster`), the
 * global database's writer is in another region than the stack file declares; an update then would
 * route writes to a reader and fight the promotion. Pure: the declared region and the global
 * cluster's members in, a verdict out.
 */

/** A member of the global database, as `aws.rds.getGlobalCluster` returns it. */
export interface GlobalClusterMember {
  readonly dbClusterArn: string;
  readonly isWriter: boolean;
}

/** The verdict: the live writer's region when known, and the problem when it is not the declared one. */
export interface WriterCheck {
  readonly declared: string;
  /** The live writer's region; undefined when the global cluster has no writer member (not created yet, or the offline plan). */
  readonly live?: string;
  readonly problem?: string;
}

/** The region of an RDS cluster ARN (`arn:aws:rds:<region>:<account>:cluster:<id>`). */
export function clusterRegion(arn: string): string | undefined {
  return /^arn:[^:]+:rds:([a-z0-9-]+):\d+:cluster:/.exec(arn)?.[1];
}

/** Compares the declared writer region with the global cluster's members. */
export function checkWriter(stack: string, declared: string, members: readonly GlobalClusterMember[]): WriterCheck {
  const writer = members.find((member) => member.isWriter);
  const live = writer ? clusterRegion(writer.dbClusterArn) : undefined;
  if (live === undefined || live === declared) return { declared, ...(live ? { live } : {}) };
  return {
    declared,
    live,
    problem:
      `The global database's writer is in ${live}, but the stack declares ${declared} (blueprint:writerRegion): ` +
      `an update now would send writes to a reader and fight the promotion. Run \`npm run switchover -- ${stack} --to ${live}\`, ` +
      "commit the stack file, then run pulumi up again.",
  };
}

/** What the plan file records when the live writer is not known (the offline plan, or a global cluster without members). */
export function writerAssumption(declared: string): string {
  return `assumed in ${declared} (blueprint:writerRegion): the global cluster reports no writer here (offline plan, or not created yet); pulumi up checks the live writer and stops if it differs`;
}
