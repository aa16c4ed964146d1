/**
 * Composes the stack: the stack-wide data tier (data key, replicated secrets, global cluster), one
 * regional stamp per configured region (the primary's first, because the others replicate from
 * it), the cache's Global Datastore, the CloudFront distribution in front of every region and the
 * Route 53 records, and the stack outputs a platform engineer reads after `pulumi up`.
 */
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { CacheGlobalDatastore, globalDatastoreIdSuffix } from "../components/cache";
import { Cdn, originAccessFor } from "../components/cdn";
import { cdnAliases, cdnCertificate } from "../components/cdn/section";
import { Dns } from "../components/dns";
import { regionalOriginName } from "../components/lib/dns";
import { physicalNamePrefix } from "../components/lib/naming";
import { standardTags } from "../components/lib/tags";
import { ApiCertificates } from "../components/loadbalancer/certificates";
import { RegionalStamp, type StampData, type StampEdge } from "../components/region";
import type { BlueprintConfig } from "./config";
import { createSharedData, type SharedData } from "./dataTier";

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
  /** The CloudFront distribution in front of every region. */
  readonly cdn: Cdn;
  /** The Route 53 health checks and records, when the domain has a hosted zone. */
  readonly dns?: Dns;
  /** The data key, secrets and global cluster. */
  readonly data: SharedData;
}

/** Declares the whole stack. */
export function createBlueprint(config: BlueprintConfig, identity: StackIdentity): Blueprint {
  const tagContext = {
    project: identity.project,
    environment: config.environment,
    owner: config.owner,
    costCenter: config.costCenter,
    extra: config.tags,
  };
  const globalTags = standardTags(tagContext);
  const namePrefix = physicalNamePrefix(identity.project, identity.stack);
  const certificateArns = regionalCertificateArns(config, globalTags);
  const data = createSharedData(config, namePrefix, globalTags);
  const domain = config.domain;

  // CloudFront proves itself to the load balancers with this header; only CloudFront and the
  // load balancers ever see it (a Pulumi secret, never in the plan).
  const originVerify = new random.RandomPassword("origin-verify", { length: 48, special: false });
  const edge: StampEdge = {
    albIngress: "cloudfront",
    albOriginPort: domain ? 443 : 80,
    albHealthCheckIngress: domain?.hostedZoneId !== undefined,
    originVerifySecret: originVerify.result,
  };

  const database = config.database;
  const cacheSettings = config.cache;
  // How CloudFront reaches each region: an internal load balancer behind a VPC origin where AWS offers them.
  const accessOf = (region: string) => originAccessFor(region, config.cdn.privateOrigins);
  const stamp = (region: BlueprintConfig["regions"][number], dataTier: StampData) =>
    new RegionalStamp(region.name, {
      region: region.name,
      primary: region.primary,
      primaryRegion: config.primaryRegion,
      namePrefix,
      loadBalancer: config.loadBalancer,
      ...(certificateArns[region.name] !== undefined ? { certificateArn: certificateArns[region.name] } : {}),
      web: config.web[region.name],
      worker: config.worker[region.name],
      queues: config.queues,
      alarms: config.alarms,
      protect: config.protect,
      vpcCidr: region.vpcCidr,
      availabilityZones: region.availabilityZones,
      network: config.network,
      autoScalingServiceRoleArn: data.autoScalingServiceRoleArn,
      stack: identity.stack,
      data: dataTier,
      edge: {
        ...edge,
        access: accessOf(region.name),
        // Route 53's checkers cannot reach an internal load balancer; its health comes from an alarm
        albHealthCheckIngress: edge.albHealthCheckIngress && accessOf(region.name) === "public",
        servingRole: config.cdn.standbyRegions.includes(region.name) ? "standby" : "active",
      },
      chaos: config.chaos,
      tags: standardTags(tagContext, region.name),
    });
  const cacheOf = (region: string, role: "primary" | "secondary" | "standalone", globalReplicationGroupId?: pulumi.Input<string>) =>
    cacheSettings.mode === "none" || !data.cacheAuthToken || !data.cacheSecretArns
      ? {}
      : {
          cache: {
            role,
            settings: cacheSettings,
            authToken: data.cacheAuthToken,
            secretArn: data.cacheSecretArns[region],
            ...(globalReplicationGroupId !== undefined ? { globalReplicationGroupId } : {}),
          },
        };

  // The primary first: every other region's database and cache replicate from it.
  const primaryRegion = config.regions.find((region) => region.primary)!;
  const primaryStamp = stamp(primaryRegion, {
    kmsKeyArn: data.keyArns[primaryRegion.name],
    database: {
      role: "primary",
      settings: database,
      masterPassword: data.masterPassword,
      secretArn: data.databaseSecretArns[primaryRegion.name],
      ...(data.globalClusterIdentifier ? { globalClusterIdentifier: data.globalClusterIdentifier } : {}),
      ...(data.globalWriterEndpoint ? { globalWriterEndpoint: data.globalWriterEndpoint } : {}),
    },
    ...cacheOf(primaryRegion.name, cacheSettings.mode === "global" ? "primary" : "standalone"),
  });
  // Named without the primary's region, so a failover to another region renames nothing.
  const datastore =
    cacheSettings.mode === "global" && primaryStamp.cache
      ? new CacheGlobalDatastore("cache-global", {
          region: primaryRegion.name,
          idSuffix: globalDatastoreIdSuffix(namePrefix),
          primaryReplicationGroupId: primaryStamp.cache.replicationGroupId,
          settings: cacheSettings,
          protect: config.protect,
        })
      : undefined;
  const secondaryDatabase = (region: string): StampData["database"] => {
    const common = {
      role: "secondary" as const,
      settings: database,
      secretArn: data.databaseSecretArns[region],
      replicationSourceReady: [primaryStamp.database!.writer],
    };
    switch (database.mode) {
      case "aurora-global":
        return {
          ...common,
          globalClusterIdentifier: data.globalClusterIdentifier!,
          sourceRegion: primaryRegion.name,
          globalWriterEndpoint: data.globalWriterEndpoint!,
        };
      case "rds-replicas":
        return { ...common, sourceDbInstanceArn: primaryStamp.database!.arn };
      case "single-region":
        // config validation allows single-region only in a one-region stack
        return undefined;
    }
  };
  const others = new Map(
    config.regions
      .filter((region) => !region.primary)
      .map((region) => {
        const member = secondaryDatabase(region.name);
        return [
          region.name,
          stamp(region, {
            kmsKeyArn: data.keyArns[region.name],
            ...(member ? { database: member } : {}),
            ...cacheOf(region.name, datastore ? "secondary" : "standalone", datastore?.globalReplicationGroupId),
          }),
        ] as const;
      }),
  );
  const stamps = config.regions.map((region) => (region.primary ? primaryStamp : others.get(region.name)!));

  const certificate = cdnCertificate(config.cdn, domain);
  const cdn = new Cdn("edge", {
    namePrefix,
    // with a domain, CloudFront reaches each load balancer by the regional name its certificate covers;
    // stack-file order, on purpose: the routes name the primary, the order decides nothing
    origins: stamps.map((s) => ({
      region: s.region,
      access: accessOf(s.region),
      loadBalancerArn: s.loadBalancer.arn,
      domainName: domain ? regionalOriginName(domain.apiName, s.region) : s.loadBalancer.dnsName,
    })),
    primaryRegion: primaryRegion.name,
    routes: config.routes,
    originProtocol: domain ? "https" : "http",
    originVerifySecret: originVerify.result,
    aliases: cdnAliases(domain),
    ...(certificate ? { certificate } : {}),
    staticAssets: { replicaRegion: config.cdn.staticReplicaRegion },
    settings: config.cdn,
    protect: config.protect,
    tags: globalTags,
  });

  const usEast1 = stamps.find((s) => s.region === "us-east-1");
  const dns =
    domain?.hostedZoneId !== undefined
      ? new Dns("dns", {
          hostedZoneId: domain.hostedZoneId,
          apiName: domain.apiName,
          appName: domain.appName,
          namePrefix,
          regions: stamps.map((s) => ({
            region: s.region,
            albDnsName: s.loadBalancer.dnsName,
            albZoneId: s.loadBalancer.zoneId,
            healthCheckPath: config.web[s.region].healthCheck.path,
            protocol: "HTTPS" as const,
            // an internal load balancer is judged by an alarm on its healthy targets
            ...(accessOf(s.region) === "vpc-origin"
              ? {
                  healthAlarm: {
                    loadBalancerArnSuffix: s.loadBalancer.arnSuffix,
                    targetGroupArnSuffix: s.loadBalancer.targetGroupArnSuffix,
                    topicArn: s.observability.alarmTopicArn,
                  },
                }
              : {}),
          })),
          cdn: { domainName: cdn.domainName, hostedZoneId: cdn.hostedZoneId },
          ...(usEast1 ? { alarmTopicArn: usEast1.observability.alarmTopicArn } : {}),
          settings: config.dns,
          tags: globalTags,
        })
      : undefined;

  return { config, stamps, cdn, ...(dns ? { dns } : {}), data };
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
      ...(stamp.chaos ? { experimentTemplateIds: stamp.chaos.experimentTemplateIds } : {}),
      dataKeyArn: blueprint.data.keyArns[stamp.region],
      ...(stamp.database
        ? {
            database: {
              writerEndpoint: stamp.database.writerEndpoint,
              readerEndpoint: stamp.database.readerEndpoint,
              port: stamp.database.port,
              secretArn: blueprint.data.databaseSecretArns[stamp.region],
            },
          }
        : {}),
      ...(stamp.cache
        ? {
            cache: {
              primaryEndpoint: stamp.cache.primaryEndpoint,
              readerEndpoint: stamp.cache.readerEndpoint,
              port: stamp.cache.port,
              secretArn: blueprint.data.cacheSecretArns?.[stamp.region],
            },
          }
        : {}),
    };
  }
  const { config, cdn, dns } = blueprint;
  const domain = config.domain;
  // Without a hosted zone the operator creates these records (CloudFront's origins need the regional names).
  const recordsToCreate =
    domain && domain.hostedZoneId === undefined
      ? {
          dnsRecordsToCreate: pulumi.output({
            [domain.appName]: cdn.domainName,
            ...Object.fromEntries(blueprint.stamps.map((stamp) => [regionalOriginName(domain.apiName, stamp.region), stamp.loadBalancer.dnsName])),
          }),
        }
      : {};
  return {
    environment: blueprint.config.environment,
    primaryRegion: blueprint.config.primaryRegion,
    regionNames: blueprint.config.regions.map((region) => region.name),
    appUrl: domain ? `https://${domain.appName}` : pulumi.interpolate`https://${cdn.domainName}`,
    cdnDomainName: cdn.domainName,
    cdnDistributionId: cdn.distributionId,
    staticBucketName: cdn.staticBucketName,
    ...(cdn.webAclArn ? { webAclArn: cdn.webAclArn } : {}),
    ...(domain ? { apiName: domain.apiName } : {}),
    loadBalancerDnsNames: pulumi.output(Object.fromEntries(blueprint.stamps.map((stamp) => [stamp.region, stamp.loadBalancer.dnsName]))),
    ...(dns ? { healthCheckIds: pulumi.output(dns.healthCheckIds) } : {}),
    ...recordsToCreate,
    regions: pulumi.output(regions),
  };
}
