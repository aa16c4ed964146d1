/**
 * Composes the stack: the stack-wide data tier (data key, replicated secrets, global cluster), one
 * regional stamp per configured region (the primary's first, because the others replicate from
 * it), the cache's Global Datastore, the CloudFront distribution in front of every region and the
 * Route 53 records, and the stack outputs a platform engineer reads after `pulumi up`.
 */
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { CacheGlobalDatastore, globalDatastoreIdSuffix } from "../components/cache";
import { Backups } from "../components/backup";
import { Cdn, originAccessFor } from "../components/cdn";
import { cdnAliases, cdnCertificate } from "../components/cdn/section";
import { Dns } from "../components/dns";
import { regionalOriginName } from "../components/lib/dns";
import { physicalNamePrefix } from "../components/lib/naming";
import { standardTags } from "../components/lib/tags";
import { ApiCertificates } from "../components/loadbalancer/certificates";
import { RegionalStamp, type StampData, type StampEdge } from "../components/region";
import { regionHealthAlarms } from "../components/resilience/healthAlarms";
import { RegionSwitchPlan } from "../components/resilience/regionSwitchPlan";
import { RegionDrills } from "../components/resilience/drills";
import { DRILL_SCHEDULE_OFF, drillSlotMinutes } from "../components/resilience/lib/drillSchedule";
import { drillDurationSeconds } from "../components/resilience/lib/resilienceRules";
import { CACHE_TARGET_TAG, cacheFailoverProblem, databaseFailoverProblem, databaseFailoverRunsIn } from "../components/chaos";
import { writerGuard } from "../components/resilience/writerGuard";
import { zonalAutoshift } from "../components/resilience/zonalAutoshift";
import { globalClusterIdentifier } from "../components/database";
import { GrafanaWorkspace } from "../components/telemetry/grafana";
import { GlobalTelemetryDashboard } from "../components/telemetry/dashboards";
import { globalDashboardName } from "../components/telemetry/lib/names";
import { cdnNames } from "../components/cdn/lib/cdnRules";
import { GlobalTables } from "../components/tables";
import { masterPasswordRules } from "../components/database";
import { DatabaseSecretRotation } from "../components/database/rotation";
import { CacheAuthRotation } from "../components/cache/authRotation";
import { ENVIRONMENT_FACTS } from "./environments";
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
  /** The AWS Backup vaults and plans, when the stack enables them. */
  readonly backups?: Backups;
  /** The writer guard's record: the declared writer region and the live one (or the offline assumption). */
  readonly writerGuard?: pulumi.Output<Record<string, string>>;
  /** The ARC Region switch plan, in a stack of more than one region. */
  readonly switchPlan?: RegionSwitchPlan;
  /** The Grafana workspace, when blueprint:telemetry.grafana is on. */
  readonly grafana?: GrafanaWorkspace;
  /** The DynamoDB global tables, when the stack configures any. */
  readonly tables?: GlobalTables;
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

  // the canaries request the public URL, which CloudFront's domain gives without a domain of the stack's own
  const [appUrl, resolveAppUrl] = pulumi.deferredOutput<string>();
  // The tables alarm on each region's topic, which the stamps declare: deferred outputs close the loop.
  const alarmTopics = new Map(config.regions.map((region) => [region.name, pulumi.deferredOutput<string>()] as const));
  const tables =
    config.tables.length > 0
      ? new GlobalTables("tables", {
          primaryRegion: config.primaryRegion,
          regions: config.regions.map((region) => region.name),
          namePrefix,
          tables: config.tables,
          kmsKeyArns: data.keyArns,
          alarmTopicArns: Object.fromEntries([...alarmTopics].map(([region, [topicArn]]) => [region, topicArn])),
          protect: config.protect,
          tags: globalTags,
        })
      : undefined;

  const database = config.database;
  const cacheSettings = config.cache;
  // The AZ power-interruption drill acts on the cache and the writer only where they can fail over
  const azPowerDrills = config.resilience.drills && config.regions.length > 1;
  const azPowerCache = cacheSettings.mode !== "none" && cacheFailoverProblem(cacheSettings) === undefined;
  const azPowerDatabase = databaseFailoverProblem(database) === undefined;
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
      ...(azPowerDrills && azPowerCache ? { cacheDrillTarget: true } : {}),
      telemetry: config.telemetry,
      routes: config.routes,
      appUrl,
      ...(tables ? { tables: tables.byRegion[region.name] } : {}),
      ...(config.topics.length > 0 ? { topics: config.topics } : {}),
      ...(config.proxy.enabled ? { proxy: config.proxy } : {}),
      ...(config.eventBus.enabled ? { eventBus: config.eventBus } : {}),
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

  // An Aurora global database's role-dependent settings (instance counts, write forwarding, lag
  // alarms, the tiers' role) follow the live writer, which a switchover moves away from the primary.
  const liveWriter = database.mode === "aurora-global" ? { writerRegion: config.writerRegion } : {};
  // The primary first: every other region's database and cache replicate from it.
  const primaryRegion = config.regions.find((region) => region.primary)!;
  const primaryStamp = stamp(primaryRegion, {
    kmsKeyArn: data.keyArns[primaryRegion.name],
    database: {
      role: "primary",
      ...liveWriter,
      settings: database,
      masterPassword: data.masterPassword,
      secretArn: data.databaseSecretArns[primaryRegion.name],
      ...(data.globalClusterIdentifier ? { globalClusterIdentifier: data.globalClusterIdentifier } : {}),
      ...(data.globalWriterEndpoint ? { globalWriterEndpoint: data.globalWriterEndpoint } : {}),
    },
    shards: data.shards.map((shard) => ({
      role: "primary" as const,
      ...liveWriter,
      settings: database,
      masterPassword: shard.masterPassword,
      secretArn: shard.databaseSecretArns[primaryRegion.name],
      ...(shard.globalClusterIdentifier ? { globalClusterIdentifier: shard.globalClusterIdentifier } : {}),
    })),
    ...(database.activeShards !== undefined ? { activeShards: database.activeShards } : {}),
    ...cacheOf(primaryRegion.name, cacheSettings.mode === "global" ? "primary" : "standalone"),
  });
  // The secrets name their shard's writer (the rotation function connects to it): the global writer
  // endpoint, which follows a switchover, or the primary member's endpoint.
  const primaryMembers = primaryStamp.database ? [primaryStamp.database, ...primaryStamp.shardDatabases] : [];
  data.rotation.forEach(({ resolveHost }, shard) => {
    const global = shard === 0 ? data.globalWriterEndpoint : data.shards[shard - 1]?.globalWriterEndpoint;
    resolveHost(global ?? primaryMembers[shard]?.writerEndpoint ?? pulumi.output(""));
  });
  if (database.rotationDays > 0 && primaryStamp.database) {
    data.rotation.forEach(({ secretArn }, shard) => {
      new DatabaseSecretRotation(shard === 0 ? "database-rotation" : `database-rotation-s${shard}`, {
        region: primaryRegion.name,
        namePrefix,
        shard,
        engine: database.engine,
        secretArn,
        kmsKeyArn: data.keyArns[primaryRegion.name],
        subnetIds: primaryStamp.network.privateSubnetIds,
        securityGroupId: primaryStamp.network.securityGroupIds.worker,
        allowedSpecials: masterPasswordRules(database.engine, database.service).overrideSpecial,
        rotationDays: database.rotationDays,
        tags: globalTags,
      });
    });
  }
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
  // shard 0 is the stack's first database (data.*), shard n its n-th extra one (data.shards[n - 1])
  const secondaryDatabase = (region: string, shard = 0): StampData["database"] => {
    const shared = shard === 0 ? data : data.shards[shard - 1];
    const source = shard === 0 ? primaryStamp.database! : primaryStamp.shardDatabases[shard - 1];
    const common = {
      role: "secondary" as const,
      ...liveWriter,
      settings: database,
      secretArn: shared.databaseSecretArns[region],
      replicationSourceReady: [source.writer],
    };
    switch (database.mode) {
      case "aurora-global":
        return {
          ...common,
          globalClusterIdentifier: shared.globalClusterIdentifier!,
          sourceRegion: primaryRegion.name,
          ...(shard === 0 ? { globalWriterEndpoint: data.globalWriterEndpoint! } : {}),
        };
      case "rds-replicas":
        return { ...common, sourceDbInstanceArn: source.arn };
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
        const shardMembers = data.shards.map((_, index) => secondaryDatabase(region.name, index + 1)).filter((spec) => spec !== undefined);
        return [
          region.name,
          stamp(region, {
            kmsKeyArn: data.keyArns[region.name],
            ...(member ? { database: member, shards: shardMembers } : {}),
            ...(member && database.activeShards !== undefined ? { activeShards: database.activeShards } : {}),
            ...cacheOf(region.name, datastore ? "secondary" : "standalone", datastore?.globalReplicationGroupId),
          }),
        ] as const;
      }),
  );
  const stamps = config.regions.map((region) => (region.primary ? primaryStamp : others.get(region.name)!));
  // The AUTH token rotates in the primary region; a Global Datastore's change reaches every member,
  // standalone groups are each modified (the function looks the datastore's primary up at each run).
  if (cacheSettings.mode !== "none" && cacheSettings.authRotationDays > 0 && data.cacheSecretArns) {
    new CacheAuthRotation("cache-auth-rotation", {
      region: primaryRegion.name,
      namePrefix,
      mode: cacheSettings.mode,
      secretArn: data.cacheSecretArns[primaryRegion.name],
      kmsKeyArn: data.keyArns[primaryRegion.name],
      groups: stamps.flatMap((s) => (s.cache ? [{ region: s.region, replicationGroupId: s.cache.replicationGroupId }] : [])),
      rotationDays: cacheSettings.authRotationDays,
      logKmsKeyArn: primaryStamp.logKeyArn,
      logRetentionDays: ENVIRONMENT_FACTS[config.environment].logRetentionDays,
      tags: globalTags,
    });
  }
  for (const s of stamps) alarmTopics.get(s.region)![1](s.observability.alarmTopicArn);

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
    // after a switchover the writes go to the writer's region; the static bucket stays at home
    writerRegion: config.writerRegion,
    routes: config.routes,
    originProtocol: domain ? "https" : "http",
    originVerifySecret: originVerify.result,
    aliases: cdnAliases(domain),
    ...(certificate ? { certificate } : {}),
    staticAssets: { replicaRegion: config.cdn.staticReplicaRegion },
    settings: config.cdn,
    protect: config.protect,
    // the WAF log group lives in us-east-1: that region's log key when the stack has one
    ...(stamps.find((s) => s.region === "us-east-1") ? { logKmsKeyArn: stamps.find((s) => s.region === "us-east-1")!.logKeyArn } : {}),
    tags: globalTags,
  });

  resolveAppUrl(domain ? pulumi.output(`https://${domain.appName}`) : pulumi.interpolate`https://${cdn.domainName}`);

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

  // Zonal autoshift where the profile enables it, judged and blocked by the region's health alarms
  if (config.resilience.zonalAutoshift)
    for (const s of stamps)
      zonalAutoshift(
        `${s.region}-autoshift`,
        s.region,
        s.loadBalancer.arn,
        regionHealthAlarms(s.region, s.observability.alarmArns, s.telemetry.regionUnhealthyAlarmArn),
      );

  // Region-scale drills: declared in every region; staging's start on blueprint:resilience.drillSchedule, one at a time
  if (azPowerDrills) {
    const names = stamps.map((s) => s.region);
    const drillsOf = (region: string) => ["isolate-region", "az-power-interruption", ...(region === primaryRegion.name ? ["pause-static-replication"] : [])];
    // every drill of the stack in one sequence: the n-th starts n slots after the schedule's time
    const order = stamps.flatMap((s) => drillsOf(s.region).map((drill) => `${s.region}/${drill}`));
    const scheduled = config.resilience.drillSchedule !== DRILL_SCHEDULE_OFF;
    const slotMinutes = drillSlotMinutes(drillDurationSeconds(config.resilience.drillDuration) ?? 600);
    for (const s of stamps) {
      const from = s.region === config.writerRegion ? names[(names.indexOf(s.region) + 1) % names.length] : config.writerRegion;
      const region = config.regions.find((r) => r.name === s.region)!;
      const zone = `${s.region}${config.resilience.powerInterruptionZone}`;
      const writerHere = s.database !== undefined && databaseFailoverRunsIn(database.service, s.database.liveRole) && azPowerDatabase;
      new RegionDrills(`${s.region}-drills`, {
        region: s.region,
        namePrefix,
        isolateFrom: from,
        privateSubnetIds: s.network.privateSubnetIds,
        privateSubnetCount: region.availabilityZones.length,
        ...(s.region === primaryRegion.name
          ? { staticReplication: { bucketArn: pulumi.interpolate`arn:aws:s3:::${cdn.staticBucketName}`, replicaRegion: config.cdn.staticReplicaRegion } }
          : {}),
        azPower: {
          availabilityZone: zone,
          autoScalingGroups: [
            { tier: "web", name: s.web.autoScalingGroupName, arn: s.web.autoScalingGroupArn },
            { tier: "worker", name: s.worker.autoScalingGroupName, arn: s.worker.autoScalingGroupArn },
          ],
          subnetIds: pulumi.all([s.network.publicSubnetIds, s.network.privateSubnetIds, s.network.isolatedSubnetIds]).apply((lists) => lists.flat()),
          ...(writerHere && s.database
            ? {
                database: {
                  kind: database.service === "aurora" ? ("aurora-cluster" as const) : ("rds-instance" as const),
                  arns: [s.database.arn, ...s.shardDatabases.map((shard) => shard.arn)],
                },
              }
            : {}),
          ...(azPowerCache && s.cache ? { cache: { arn: s.cache.arn, tag: { key: CACHE_TARGET_TAG, value: s.cache.replicationGroupId } } } : {}),
          ebsKeyArn: data.keyArns[s.region],
        },
        ...(scheduled
          ? {
              schedule: {
                expression: config.resilience.drillSchedule,
                order: Object.fromEntries(drillsOf(s.region).map((drill) => [drill, order.indexOf(`${s.region}/${drill}`)])),
                slotMinutes,
              },
            }
          : {}),
        duration: config.resilience.drillDuration,
        stopAlarmArns: regionHealthAlarms(s.region, s.observability.alarmArns, s.telemetry.regionUnhealthyAlarmArn).map((alarm) => alarm.arn),
        tags: standardTags(tagContext, s.region),
      });
    }
  }

  // Backups outside the replication path: the writer's database and the static bucket, copied to the next region
  const backups = config.backup.enabled
    ? new Backups("backup", {
        namePrefix,
        regions: stamps.map((s) => ({
          region: s.region,
          kmsKeyArn: data.keyArns[s.region],
          // every member (the writer moves with a switchover), and the static bucket where it lives
          resources: [
            ...(s.database ? [s.database.arn] : []),
            ...(s.region === primaryRegion.name ? [pulumi.interpolate`arn:aws:s3:::${cdn.staticBucketName}`] : []),
          ],
          shardResources: s.shardDatabases.map((shard) => shard.arn),
        })),
        settings: config.backup,
        ...(database.mode === "rds-replicas" && primaryStamp.database
          ? { rdsWriter: { region: primaryRegion.name, instanceArn: primaryStamp.database.arn } }
          : {}),
        tags: globalTags,
      })
    : undefined;

  // One Region switch plan per stack with more than one region: it moves the writer to any of them.
  const switchPlan =
    stamps.length > 1
      ? new RegionSwitchPlan("switchover", {
          namePrefix,
          writerRegion: config.writerRegion,
          regions: stamps.map((s) => ({
            region: s.region,
            autoScalingGroupArns: [s.web.autoScalingGroupArn, s.worker.autoScalingGroupArn],
            ...(s.database ? { databaseArn: s.database.arn } : {}),
            healthAlarms: regionHealthAlarms(s.region, s.observability.alarmArns, s.telemetry.regionUnhealthyAlarmArn),
          })),
          ...(database.mode === "aurora-global" && data.globalClusterIdentifier ? { globalClusterIdentifier: data.globalClusterIdentifier } : {}),
          ...(database.mode === "rds-replicas" && primaryStamp.database ? { rdsWriterIdentifier: primaryStamp.database.identifier } : {}),
          recoveryTimeObjectiveMinutes: config.resilience.switchoverRecoveryTimeMinutes,
          approvalTimeoutMinutes: config.resilience.switchoverApprovalMinutes,
          tags: globalTags,
        })
      : undefined;

  // pulumi up stops before demoting the live writer (a switchover done in AWS the stack file does not know of)
  const writer =
    database.mode === "aurora-global" ? writerGuard(identity.stack, globalClusterIdentifier(namePrefix), config.writerRegion, primaryRegion.name) : undefined;

  new GlobalTelemetryDashboard("telemetry", {
    dashboardName: globalDashboardName(namePrefix),
    distributionId: cdn.distributionId,
    ...(config.cdn.waf.enabled ? { webAclName: cdnNames(namePrefix).webAcl } : {}),
    healthCheckIds: dns?.healthCheckIds ?? {},
    regions: stamps.map((s) => ({ region: s.region, loadBalancerArnSuffix: s.loadBalancer.arnSuffix })),
    // the edge SLO notifies us-east-1's topic, where CloudFront's metrics are
    ...(usEast1
      ? {
          edgeSlo: {
            prefix: `${namePrefix}-slo`,
            objectivePercent: config.telemetry.availabilityObjectivePercent,
            topicArn: usEast1.observability.alarmTopicArn,
            tags: standardTags(tagContext, "us-east-1"),
          },
        }
      : {}),
  });

  // one Grafana for every region, in the primary region (section rules guarantee the workspaces and the sign-in)
  const telemetry = config.telemetry;
  const grafana =
    telemetry.grafana && telemetry.grafanaAuthentication !== undefined
      ? new GrafanaWorkspace("telemetry", {
          region: primaryRegion.name,
          namePrefix,
          authentication: telemetry.grafanaAuthentication,
          regions: stamps.flatMap((s) =>
            s.telemetry.workspace
              ? [{ region: s.region, workspaceArn: s.telemetry.workspace.arn, prometheusEndpoint: s.telemetry.workspace.prometheusEndpoint }]
              : [],
          ),
          tokenRotation: telemetry.grafanaTokenRotation,
          tags: standardTags(tagContext, primaryRegion.name),
        })
      : undefined;

  return {
    config,
    stamps,
    cdn,
    ...(dns ? { dns } : {}),
    ...(switchPlan ? { switchPlan } : {}),
    ...(backups ? { backups } : {}),
    ...(writer ? { writerGuard: writer } : {}),
    data,
    ...(grafana ? { grafana } : {}),
    ...(tables ? { tables } : {}),
  };
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
      // the composite alarm routing, resilience and chaos work consume
      regionUnhealthyAlarmArn: stamp.telemetry.regionUnhealthyAlarmArn,
      ...(stamp.telemetry.workspace
        ? { prometheus: { workspaceId: stamp.telemetry.workspace.id, endpoint: stamp.telemetry.workspace.prometheusEndpoint } }
        : {}),
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
    ...(blueprint.switchPlan
      ? { regionSwitchPlanArns: pulumi.output(blueprint.switchPlan.planArns), switchoverApprovalRoleArn: blueprint.switchPlan.approvalRoleArn }
      : {}),
    writerRegion: blueprint.config.writerRegion,
    ...(blueprint.writerGuard ? { writerGuard: blueprint.writerGuard } : {}),
    ...(blueprint.grafana ? { grafanaEndpoint: blueprint.grafana.endpoint } : {}),
    ...recordsToCreate,
    regions: pulumi.output(regions),
  };
}
