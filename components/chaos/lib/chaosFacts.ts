/**
 * What the chaos experiments need to know of the rest of the stack, and which experiments apply
 * to it: a leaf module, so that the settings' defaults and the rules both read it.
 */
import { CHAOS_EXPERIMENTS, type ChaosExperimentName } from "./limits";

/** Fewest instances an Aurora cluster needs for a failover: a writer and a reader to promote. */
export const MIN_AURORA_FAILOVER_INSTANCES = 2;

/** One of the facts the rules read about the database (defaults applied). */
export interface ChaosDatabaseFacts {
  /** `aurora` or `rds`. */
  readonly service: string;
  /** Aurora: instances of the primary region's cluster (the writer's). */
  readonly instanceCount: number;
  /** RDS: whether every region's instance has a Multi-AZ standby. */
  readonly multiAz: boolean;
  /** `aurora-global`, `rds-replicas` or `single-region`. */
  readonly mode: string;
}

/** The facts the rules read about the cache (defaults applied). */
export interface ChaosCacheFacts {
  /** `global`, `regional` or `none`. */
  readonly mode: string;
  readonly replicasPerNodeGroup: number;
  readonly automaticFailover: boolean;
  /** Multi-AZ of the replication groups; unknown when left out. @default - not checked */
  readonly multiAz?: boolean;
}

/**
 * What the chaos rules need to know about the rest of the stack: which experiments apply depends
 * on the database, the cache and the web tier's size. A fact left out is not checked (and its
 * experiment counts as applicable).
 */
export interface ChaosStackFacts {
  readonly database?: ChaosDatabaseFacts;
  readonly cache?: ChaosCacheFacts;
  /** The web tier: `minSize` is the smallest minimum over the regions (the fewest instances it may run). */
  readonly web?: { readonly minSize: number };
}

/** Why `failover-database` does not apply to the stack's database, or undefined when it does. */
export function databaseFailoverProblem(database: ChaosDatabaseFacts | undefined): string | undefined {
  if (database === undefined) return undefined;
  switch (database.service) {
    case "aurora":
      return database.instanceCount >= MIN_AURORA_FAILOVER_INSTANCES
        ? undefined
        : `needs an Aurora cluster of at least ${MIN_AURORA_FAILOVER_INSTANCES} instances (a writer and a reader to promote); database.instanceCount is ${database.instanceCount}`;
    case "rds":
      return database.multiAz
        ? undefined
        : "needs a Multi-AZ RDS instance (RebootDBInstance refuses a forced failover without a standby); database.multiAz is false";
    default:
      // an unknown service is reported by the database rules
      return undefined;
  }
}

/** Why `failover-cache` does not apply to the stack's cache, or undefined when it does. */
export function cacheFailoverProblem(cache: ChaosCacheFacts | undefined): string | undefined {
  if (cache === undefined) return undefined;
  if (cache.mode === "none") return "needs a cache; cache.mode is none";
  const missing: string[] = [];
  if (cache.replicasPerNodeGroup < 1) missing.push(`a replica to promote (cache.replicasPerNodeGroup is ${cache.replicasPerNodeGroup})`);
  if (!cache.automaticFailover) missing.push("automatic failover (cache.automaticFailover is false)");
  if (cache.multiAz === false) missing.push("Multi-AZ (cache.multiAz is false; FIS interrupts AZ power only on Multi-AZ replication groups)");
  if (missing.length === 0) return undefined;
  const last = missing.pop()!;
  return `needs ${missing.length > 0 ? `${missing.join(", ")} and ${last}` : last}`;
}

/**
 * The experiments a stack gets when its file lists none: the web tier's always (every stack has
 * one; a share that rounds down to none is reported at `terminatePercentage`), the database's and
 * the cache's when their prerequisites hold.
 */
export function defaultExperiments(facts: ChaosStackFacts): ChaosExperimentName[] {
  return CHAOS_EXPERIMENTS.filter((name) => {
    switch (name) {
      case "terminate-web-instances":
        return true;
      case "failover-database":
        return databaseFailoverProblem(facts.database) === undefined;
      case "failover-cache":
        return cacheFailoverProblem(facts.cache) === undefined;
      default:
        throw new Error(`Unknown chaos experiment '${String(name satisfies never)}'`);
    }
  });
}
