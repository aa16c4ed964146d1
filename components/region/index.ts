/**
 * The regional stamp: everything one region runs, built the same way in every region.
 * For now the network; the application and data tiers join it as they land.
 */
import * as pulumi from "@pulumi/pulumi";
import type { NatStrategy } from "../lib/nat";
import { Network } from "../network";

/** Arguments of a regional stamp. */
export interface RegionalStampArgs {
  /** The region's code. */
  readonly region: string;
  /** True for the primary region. */
  readonly primary: boolean;
  /** The region's VPC block. */
  readonly vpcCidr: string;
  /** The region's pinned AZs. */
  readonly availabilityZones: readonly string[];
  /** NAT gateways per region. */
  readonly natGateways: NatStrategy;
  /** VPC flow log retention in days. */
  readonly flowLogRetentionDays: number;
  /** Stack name, used in physical names that must be unique per account and region. */
  readonly stack: string;
  /** Tags of the region's resources, including `Region`. */
  readonly tags: Readonly<Record<string, string>>;
}

/** One region's share of the application. */
export class RegionalStamp extends pulumi.ComponentResource {
  public readonly region: string;
  public readonly primary: boolean;
  public readonly network: Network;

  constructor(name: string, args: RegionalStampArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:region:RegionalStamp", name, {}, opts);
    this.region = args.region;
    this.primary = args.primary;
    this.network = new Network(
      name,
      {
        region: args.region,
        vpcCidr: args.vpcCidr,
        availabilityZones: args.availabilityZones,
        natGateways: args.natGateways,
        flowLogRetentionDays: args.flowLogRetentionDays,
        flowLogGroupName: `/blueprint/${args.stack}/${args.region}/vpc-flow-logs`,
        tags: args.tags,
      },
      { parent: this },
    );
    this.registerOutputs({ region: this.region, primary: this.primary, vpcId: this.network.vpcId });
  }
}
