/**
 * The Aurora global database: the global cluster every region's Aurora cluster joins. It holds
 * the engine and its version (member clusters follow it), storage encryption and deletion
 * protection; the clusters and instances live in each region's RegionalDatabase.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { parseEngineVersion, rdsEngineName } from "./lib/engines";
import type { DatabaseSettings } from "./lib/databaseRules";
import { MAX_IDENTIFIER_LENGTH, rdsNameProblem } from "./lib/naming";
import { regionInfo } from "../lib/regions";

/** Arguments of the DatabaseGlobalCluster component. */
export interface DatabaseGlobalClusterArgs {
  /**
   * The primary region when the global cluster is created; the API calls go there. A later change
   * (after a switchover) is ignored: the global cluster spans every region and must not be
   * replaced because its writer moved.
   */
  readonly region: string;
  /** The global cluster identifier (see `globalClusterIdentifier` in lib/naming.ts). */
  readonly identifier: string;
  /** The database settings; mode must be aurora-global and service aurora. */
  readonly settings: DatabaseSettings;
  /**
   * Pulumi `protect`: deleting the global cluster detaches every region's cluster.
   * @default false
   */
  readonly protect?: boolean;
  /**
   * Tags of the global cluster.
   * @default {}
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Global cluster inputs Pulumi must not reconcile: `region` (the primary region at creation; after a
 * switchover the stack file names another, and the global cluster must not be replaced for it) and
 * `engineVersion` (minor upgrades move the running version past the stack file's).
 */
export const GLOBAL_CLUSTER_IGNORED_CHANGES: readonly string[] = ["region", "engineVersion"];

/** An Aurora global database (`aws.rds.GlobalCluster`). No cost of its own; its clusters bill. */
export class DatabaseGlobalCluster extends pulumi.ComponentResource {
  /** The global cluster identifier, which member clusters pass as `globalClusterIdentifier`. */
  public readonly identifier: pulumi.Output<string>;
  /** `arn:aws:rds::<account>:global-cluster:<identifier>`. */
  public readonly arn: pulumi.Output<string>;
  /** The global cluster's resource ID (`cluster-…`). */
  public readonly resourceId: pulumi.Output<string>;
  /** The global writer endpoint: always the current primary cluster's writer, through switchovers. */
  public readonly writerEndpoint: pulumi.Output<string>;

  constructor(name: string, args: DatabaseGlobalClusterArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:database:GlobalCluster", name, {}, opts);

    const problems = globalClusterArgProblems(args);
    if (problems.length > 0) {
      throw new Error(`DatabaseGlobalCluster ${name} has invalid arguments:\n  - ${problems.join("\n  - ")}`);
    }

    const { settings } = args;
    const cluster = new aws.rds.GlobalCluster(
      name,
      {
        region: args.region,
        globalClusterIdentifier: args.identifier,
        engine: rdsEngineName(settings.service, settings.engine),
        // The version at creation; members then take AWS's minor upgrades, so the running version
        // moves past it (ignored below, like on the members: reconciling would be a downgrade).
        engineVersion: settings.engineVersion,
        // Encryption is fixed at creation; each member cluster encrypts with its own region's key.
        storageEncrypted: true,
        deletionProtection: settings.deletionProtection,
        forceDestroy: false,
        tags: { ...(args.tags ?? {}) },
      },
      { parent: this, protect: args.protect ?? false, ignoreChanges: [...GLOBAL_CLUSTER_IGNORED_CHANGES] },
    );

    this.identifier = cluster.globalClusterIdentifier;
    this.arn = cluster.arn;
    this.resourceId = cluster.globalClusterResourceId;
    this.writerEndpoint = cluster.endpoint;
    this.registerOutputs({ identifier: this.identifier, arn: this.arn, resourceId: this.resourceId, writerEndpoint: this.writerEndpoint });
  }
}

/** Every problem of the global cluster's arguments. */
export function globalClusterArgProblems(args: Pick<DatabaseGlobalClusterArgs, "region" | "identifier" | "settings">): string[] {
  const problems: string[] = [];
  if (!regionInfo(args.region)) problems.push(`region must be a known AWS region, got ${JSON.stringify(args.region)}`);
  const identifier = rdsNameProblem("global cluster identifier", args.identifier, MAX_IDENTIFIER_LENGTH);
  if (identifier) problems.push(`identifier: ${identifier}`);
  if (args.settings.mode !== "aurora-global" || args.settings.service !== "aurora") {
    problems.push(`settings must be mode aurora-global with service aurora, got mode ${args.settings.mode} and service ${args.settings.service}`);
  } else {
    const version = parseEngineVersion(rdsEngineName(args.settings.service, args.settings.engine), args.settings.engineVersion);
    if ("problem" in version) problems.push(`settings.engineVersion ${version.problem}`);
  }
  return problems;
}
