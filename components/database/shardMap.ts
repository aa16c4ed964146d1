/**
 * One region's shard map: the versioned JSON document (`lib/sharding.ts`) that maps hash ranges
 * to the region's endpoints of every shard, written to an SSM parameter the tiers read. Each region
 * has its own copy, naming its own members (replicated by the program, not by AWS: the endpoints
 * differ per region). SSM keeps every version of the parameter, so a bad map can be rolled back.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { IamStatement } from "../lib/iam";
import { shardMap, shardMapParameterName, type ShardEndpoints } from "./lib/sharding";

/** Arguments of the RegionalShardMap component. */
export interface RegionalShardMapArgs {
  readonly region: string;
  readonly namePrefix: string;
  /** The region's endpoints of each shard, in shard order. */
  readonly shards: readonly { readonly [K in keyof ShardEndpoints]: pulumi.Input<NonNullable<ShardEndpoints[K]>> }[];
  /** Shards that get hash ranges. */
  readonly activeShards: number;
  readonly tags: Readonly<Record<string, string>>;
}

/** The region's shard map parameter. */
export class RegionalShardMap extends pulumi.ComponentResource {
  /** The parameter's name (`/<namePrefix>/database/shard-map`). */
  public readonly parameterName: string;
  public readonly arn: pulumi.Output<string>;

  constructor(name: string, args: RegionalShardMapArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:database:ShardMap", name, {}, opts);
    if (args.activeShards < 1 || args.activeShards > args.shards.length) {
      throw new Error(`RegionalShardMap ${name} has invalid arguments:\n  - activeShards must be 1 to ${args.shards.length}, got ${args.activeShards}`);
    }
    this.parameterName = shardMapParameterName(args.namePrefix);
    const parameter = new aws.ssm.Parameter(
      `${name}-shard-map`,
      {
        region: args.region,
        name: this.parameterName,
        description: `Shard map of the database in ${args.region}: hash ranges to each shard's endpoints (no secrets, ARNs only)`,
        type: "String",
        // the map grows with the shards; Advanced holds 8 KB against Standard's 4 KB
        tier: "Advanced",
        dataType: "text",
        // not a secret (endpoints and ARNs): the plan and the reviewers see the map (`value` is always a Pulumi secret)
        insecureValue: pulumi
          .output(args.shards)
          .apply((shards) => JSON.stringify(shardMap(args.region, shards as readonly ShardEndpoints[], args.activeShards))),
        tags: { ...args.tags },
      },
      { parent: this },
    );
    this.arn = parameter.arn;
    this.registerOutputs({ parameterName: this.parameterName, arn: this.arn });
  }
}

/** The tiers' statement: read the region's shard map, nothing else. */
export function shardMapReaderStatements<T>(parameterArn: T): IamStatement<T>[] {
  return [{ Sid: "ReadShardMap", Effect: "Allow", Action: ["ssm:GetParameter"], Resource: [parameterArn] }];
}
