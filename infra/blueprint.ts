/**
 * Composes the stack: one regional stamp per configured region (global parts join later), and the
 * stack outputs a platform engineer reads after `pulumi up`.
 */
import * as pulumi from "@pulumi/pulumi";
import { standardTags } from "../components/lib/tags";
import { RegionalStamp } from "../components/region";
import type { BlueprintConfig } from "./config";

/** Naming and tagging context of the stack. */
export interface StackIdentity {
  /** Pulumi project name (the `Project` tag). */
  readonly project: string;
  /** Pulumi stack name. */
  readonly stack: string;
}

/** The stack's resources, by region. */
export interface Blueprint {
  readonly config: BlueprintConfig;
  /** Stamps in stack-file order. */
  readonly stamps: readonly RegionalStamp[];
}

/** Declares every region's stamp. */
export function createBlueprint(config: BlueprintConfig, identity: StackIdentity): Blueprint {
  const tagContext = {
    project: identity.project,
    environment: config.environment,
    owner: config.owner,
    costCenter: config.costCenter,
    extra: config.tags,
  };
  const stamps = config.regions.map(
    (region) =>
      new RegionalStamp(region.name, {
        region: region.name,
        primary: region.primary,
        vpcCidr: region.vpcCidr,
        availabilityZones: region.availabilityZones,
        natGateways: config.network.natGateways,
        flowLogRetentionDays: config.network.flowLogRetentionDays,
        stack: identity.stack,
        tags: standardTags(tagContext, region.name),
      }),
  );
  return { config, stamps };
}

/** The stack outputs: per region the network's identifiers, plus what the stack is. */
export function blueprintOutputs(blueprint: Blueprint): Record<string, unknown> {
  const regions: Record<string, unknown> = {};
  for (const stamp of blueprint.stamps) {
    const network = stamp.network;
    regions[stamp.region] = {
      primary: stamp.primary,
      vpcId: network.vpcId,
      vpcCidr: network.vpcCidr,
      publicSubnetIds: network.publicSubnetIds,
      privateSubnetIds: network.privateSubnetIds,
      isolatedSubnetIds: network.isolatedSubnetIds,
      securityGroupIds: network.securityGroupIds,
      dbSubnetGroupName: network.dbSubnetGroupName,
      cacheSubnetGroupName: network.cacheSubnetGroupName,
      flowLogGroupName: network.flowLogGroupName,
    };
  }
  return {
    environment: blueprint.config.environment,
    primaryRegion: blueprint.config.primaryRegion,
    regionNames: blueprint.config.regions.map((region) => region.name),
    regions: pulumi.output(regions),
  };
}
