/**
 * Composes the stack: one regional stamp per configured region (global parts join later), and the
 * stack outputs a platform engineer reads after `pulumi up`.
 */
import * as pulumi from "@pulumi/pulumi";
import { physicalNamePrefix } from "../components/lib/naming";
import { standardTags } from "../components/lib/tags";
import { ApiCertificates } from "../components/loadbalancer/certificates";
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

/** Declares the load balancers' certificates (when the stack validates its own) and every region's stamp. */
export function createBlueprint(config: BlueprintConfig, identity: StackIdentity): Blueprint {
  const tagContext = {
    project: identity.project,
    environment: config.environment,
    owner: config.owner,
    costCenter: config.costCenter,
    extra: config.tags,
  };
  const namePrefix = physicalNamePrefix(identity.project, identity.stack);
  const certificateArns = regionalCertificateArns(config, standardTags(tagContext));
  const stamps = config.regions.map(
    (region) =>
      new RegionalStamp(region.name, {
        region: region.name,
        primary: region.primary,
        primaryRegion: config.primaryRegion,
        namePrefix,
        loadBalancer: config.loadBalancer,
        ...(certificateArns[region.name] !== undefined ? { certificateArn: certificateArns[region.name] } : {}),
        web: { ...config.web, ...config.web.capacityByRegion[region.name]! },
        worker: { ...config.worker, ...config.worker.capacityByRegion[region.name]! },
        queues: config.queues,
        alarms: config.alarms,
        protect: config.protect,
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

/**
 * The load balancers' certificate per region: the stack's existing ARNs, or DNS-validated
 * certificates when it has a hosted zone; none without a domain (plain HTTP, the dev exception).
 */
function regionalCertificateArns(config: BlueprintConfig, tags: Record<string, string>): Record<string, pulumi.Input<string>> {
  const domain = config.domain;
  if (!domain) return {};
  const missing = config.regions.map((region) => region.name).filter((name) => !(name in domain.certificateArns));
  const created =
    missing.length > 0 && domain.hostedZoneId !== undefined
      ? new ApiCertificates("api-certificates", {
          apiName: domain.apiName,
          hostedZoneId: domain.hostedZoneId,
          // the primary first: its certificate provides the shared name's validation record
          regions: [...missing].sort((a, b) => Number(b === config.primaryRegion) - Number(a === config.primaryRegion)),
          tags,
        }).certificateArns
      : {};
  return { ...domain.certificateArns, ...created };
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
      loadBalancer: {
        dnsName: stamp.loadBalancer.dnsName,
        arn: stamp.loadBalancer.arn,
        https: stamp.loadBalancer.https,
        accessLogBucket: stamp.loadBalancer.accessLogBucket,
      },
      autoScalingGroups: { web: stamp.web.autoScalingGroupName, worker: stamp.worker.autoScalingGroupName },
      queues: Object.fromEntries(
        Object.entries(stamp.queues.queues).map(([name, queue]) => [name, { url: queue.url, arn: queue.arn, deadLetterUrl: queue.deadLetterUrl }]),
      ),
      alarmTopicArn: stamp.observability.alarmTopicArn,
      dashboardName: stamp.observability.dashboardName,
    };
  }
  return {
    environment: blueprint.config.environment,
    primaryRegion: blueprint.config.primaryRegion,
    regionNames: blueprint.config.regions.map((region) => region.name),
    ...(blueprint.config.domain ? { apiName: blueprint.config.domain.apiName } : {}),
    regions: pulumi.output(regions),
  };
}
