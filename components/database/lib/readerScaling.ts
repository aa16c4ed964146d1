/**
 * Aurora reader auto scaling as plain data: the bounds of each region's target (the readers the
 * stack declares as the floor, the profile's ceiling) and the problems of the settings.
 *
 * Application Auto Scaling adds and removes Aurora Replicas (`rds:cluster:ReadReplicaCount`); the
 * replicas it adds are not Pulumi resources, so `pulumi up` never fights them, and it removes only
 * the replicas it added.
 *
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Integrating.AutoScaling.html
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.configuration.requirements.html
 */

/** Most Aurora Replicas a cluster can have. */
export const MAX_AURORA_REPLICAS = 15;

/** The predefined metric the policy tracks: the readers' average CPU. */
export const READER_CPU_METRIC = "RDSReaderAverageCPUUtilization";

/** The scalable dimension of Aurora readers. */
export const READ_REPLICA_DIMENSION = "rds:cluster:ReadReplicaCount";

/** The reader scaling settings (`blueprint:database.readerScaling`). */
export interface ReaderScalingSettings {
  readonly enabled: boolean;
  readonly maxReaders: number;
  readonly targetCpuPercent: number;
}

/** The readers a region's cluster declares: every instance but the writer in the primary, every instance in a secondary. */
export function declaredReaders(role: "primary" | "secondary", instances: number): number {
  return role === "primary" ? Math.max(0, instances - 1) : instances;
}

/** Every problem of the reader scaling settings with the database's. */
export function readerScalingProblems(
  scaling: ReaderScalingSettings,
  database: { readonly service: string; readonly mode: string; readonly instanceCount: number; readonly secondaryInstanceCount: number },
  secondaryRegions: number,
): { field: string; message: string }[] {
  if (!scaling.enabled || database.service !== "aurora") return [];
  const problems: { field: string; message: string }[] = [];
  const floor = Math.max(
    declaredReaders("primary", database.instanceCount),
    database.mode === "aurora-global" ? declaredReaders("secondary", database.secondaryInstanceCount) : 0,
  );
  if (scaling.maxReaders < floor) {
    problems.push({
      field: "readerScaling.maxReaders",
      message: `must be at least the readers the clusters declare (${floor}): Application Auto Scaling refuses a maximum below the minimum, got ${scaling.maxReaders}`,
    });
  }
  // a global database's primary cluster holds at most 15 - s replicas, s the number of secondary regions
  const ceiling = database.mode === "aurora-global" ? MAX_AURORA_REPLICAS - secondaryRegions : MAX_AURORA_REPLICAS;
  if (scaling.maxReaders > ceiling) {
    problems.push({
      field: "readerScaling.maxReaders",
      message: `must be at most ${ceiling}: an Aurora cluster has at most ${MAX_AURORA_REPLICAS} replicas${database.mode === "aurora-global" ? `, less one per secondary region of a global database (${secondaryRegions})` : ""}, got ${scaling.maxReaders}`,
    });
  }
  return problems;
}
