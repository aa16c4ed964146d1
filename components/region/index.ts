/**
 * The regional stamp: everything one region runs, built the same way in every region: the network,
 * the load balancer, the queues, the region's database member and cache, the web and worker tiers
 * (which learn the region's endpoints and may read exactly the region's copies of the secrets), and
 * their alarms and dashboard.
 */
import * as pulumi from "@pulumi/pulumi";
import { ComputeTier } from "../compute";
import { envSuffix } from "../compute/lib/userData";
import type { TierSettings, WebSettings, WorkerSettings } from "../compute/settings";
import { LoadBalancer } from "../loadbalancer";
import type { LoadBalancerSettings } from "../loadbalancer/settings";
import type { NetworkSettings } from "../network/settings";
import type { AlarmsSettings } from "../observability/settings";
import { Network } from "../network";
import { DEFAULT_TIER_PORTS } from "../network/lib/securityGroupRules";
import { RegionalObservability } from "../observability";
import { RegionalQueues, type QueueSpec } from "../queue";
import { RegionalCache, replicationGroupId, type RegionalCacheArgs } from "../cache";
import { cacheChaosTargetTags, databaseFailoverRunsIn, RegionalChaos, type ChaosSettings } from "../chaos";
import { RegionalDatabase, type RegionalDatabaseArgs } from "../database";
import type { AlbIngress, AlbOriginPort } from "../network/lib/securityGroupRules";
import { secretReaderStatements } from "../secrets/lib/secretAccess";
import type { OriginAccess } from "../cdn/lib/edgePlan";
import { databaseWriteMode } from "../database/lib/writeForwarding";
import { queueConsumerStatements, queueProducerStatements } from "../queue/lib/queuePolicies";

/** What the stamp fills in itself for its data components. */
type StampFilled = "region" | "namePrefix" | "subnetGroupName" | "securityGroupId" | "kmsKeyArn" | "availabilityZones" | "alarmTopicArn" | "protect" | "tags";

/**
 * The region's database member, the ARN of the region's copy of its credentials and, for an Aurora
 * global database, the global writer endpoint (it follows the writer through a switchover).
 */
export type StampDatabase = Omit<RegionalDatabaseArgs, StampFilled> & {
  readonly secretArn: pulumi.Input<string>;
  /** @default none (aurora-global only) */
  readonly globalWriterEndpoint?: pulumi.Input<string>;
};

/** The region's cache, and the ARN of the region's copy of its AUTH token. */
export type StampCache = Omit<RegionalCacheArgs, StampFilled> & { readonly secretArn: pulumi.Input<string> };

/** The region's data tier. */
export interface StampData {
  /** The region's data key (the multi-region key's primary or replica). */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** The region's database member; none in the regions of a single-region database. @default undefined */
  readonly database?: StampDatabase;
  /** The region's cache; none when the stack's cache mode is `none`. @default undefined */
  readonly cache?: StampCache;
}

/** How the load balancer is reached. */
export interface StampEdge {
  /** Who may connect to the load balancer: anyone, or only CloudFront. */
  readonly albIngress: AlbIngress;
  /** The port CloudFront connects on. */
  readonly albOriginPort: AlbOriginPort;
  /** Admit Route 53's health checkers through a second group (when the stack has a hosted zone). */
  readonly albHealthCheckIngress: boolean;
  /** CloudFront's secret origin header value; the load balancer refuses requests without it. */
  readonly originVerifySecret?: pulumi.Input<string>;
  /**
   * `vpc-origin`: an internal load balancer in the private subnets, reached through a CloudFront
   * VPC origin; `public`: internet-facing in the public subnets.
   * @default public
   */
  readonly access?: OriginAccess;
  /**
   * Whether the region serves viewers first (`active`) or only takes failover traffic (`standby`);
   * the load balancer carries it as its `ServingRole` tag, which the policy pack reads.
   * @default active
   */
  readonly servingRole?: "active" | "standby";
}

/** Arguments of a regional stamp. */
export interface RegionalStampArgs {
  /** The region's code. */
  readonly region: string;
  /** True for the primary region. */
  readonly primary: boolean;
  /** The primary region's code (instances learn it from their environment file). */
  readonly primaryRegion: string;
  /** The region's VPC block. */
  readonly vpcCidr: string;
  /** The region's pinned AZs. */
  readonly availabilityZones: readonly string[];
  /** The network settings every region shares. */
  readonly network: NetworkSettings;
  /** The stack's Auto Scaling service-linked role: the tiers' groups launch with it, so the data key may encrypt their volumes. */
  readonly autoScalingServiceRoleArn: pulumi.Input<string>;
  /** Stack name, used in physical names that must be unique per account and region. */
  readonly stack: string;
  /** `<project>-<stack>`: prefix of physical names. */
  readonly namePrefix: string;
  /** The load balancer's settings. */
  readonly loadBalancer: LoadBalancerSettings;
  /** The region's validated certificate; without one the load balancer serves HTTP. @default undefined */
  readonly certificateArn?: pulumi.Input<string>;
  /** The region's web tier. */
  readonly web: WebSettings;
  /** The region's worker tier. */
  readonly worker: WorkerSettings;
  /** The queues every region has. */
  readonly queues: readonly QueueSpec[];
  /** Alarm thresholds and the optional notification address. */
  readonly alarms: AlarmsSettings;
  /**
   * Pulumi `protect` on the region's stateful resources (queues, the access-log bucket, the alarm
   * key); without it, `pulumi destroy` may also empty the log bucket.
   */
  readonly protect: boolean;
  /** The region's data tier. */
  readonly data: StampData;
  /** How the load balancer is reached. @default internet-facing, no origin header */
  readonly edge?: StampEdge;
  /** FIS experiments in this region. @default none */
  readonly chaos?: ChaosSettings;
  /** Tags of the region's resources, including `Region`. */
  readonly tags: Readonly<Record<string, string>>;
}

/** One region's share of the application. */
export class RegionalStamp extends pulumi.ComponentResource {
  public readonly region: string;
  public readonly primary: boolean;
  public readonly network: Network;
  public readonly loadBalancer: LoadBalancer;
  public readonly queues: RegionalQueues;
  public readonly web: ComputeTier;
  public readonly worker: ComputeTier;
  public readonly observability: RegionalObservability;
  /** The region's database member, when it has one. */
  public readonly database?: RegionalDatabase;
  /** The region's cache, when the stack has one. */
  public readonly cache?: RegionalCache;
  /** The region's FIS experiment templates, when the stack enables chaos experiments. */
  public readonly chaos?: RegionalChaos;

  constructor(name: string, args: RegionalStampArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:region:RegionalStamp", name, {}, opts);
    const { region, tags } = args;
    const opt = { parent: this };
    this.region = region;
    this.primary = args.primary;
    const appPort = DEFAULT_TIER_PORTS.app;

    const network = new Network(
      name,
      {
        region,
        vpcCidr: args.vpcCidr,
        availabilityZones: args.availabilityZones,
        natGateways: args.network.natGateways,
        flowLogRetentionDays: args.network.flowLogRetentionDays,
        interfaceEndpoints: args.network.interfaceEndpoints,
        flowLogGroupName: `/blueprint/${args.stack}/${region}/vpc-flow-logs`,
        ports: {
          ...DEFAULT_TIER_PORTS,
          ...(args.data.database ? { database: args.data.database.settings.port } : {}),
          ...(args.data.cache ? { cache: args.data.cache.settings.port } : {}),
        },
        ...(args.edge
          ? { albIngress: args.edge.albIngress, albOriginPort: args.edge.albOriginPort, albHealthCheckIngress: args.edge.albHealthCheckIngress }
          : {}),
        tags,
      },
      opt,
    );

    const loadBalancer = new LoadBalancer(
      name,
      {
        region,
        vpcId: network.vpcId,
        // internal behind a VPC origin: private IPs in the private subnets, nothing public
        ...(args.edge?.access === "vpc-origin" ? { internal: true, subnetIds: network.privateSubnetIds } : { subnetIds: network.publicSubnetIds }),
        securityGroupId: network.securityGroupIds.alb,
        namePrefix: args.namePrefix,
        appPort,
        ...(args.certificateArn !== undefined ? { certificateArn: args.certificateArn } : {}),
        ...args.loadBalancer,
        healthCheck: args.web.healthCheck,
        ...(args.edge?.originVerifySecret !== undefined ? { originVerifySecret: args.edge.originVerifySecret } : {}),
        ...(network.albHealthCheckSecurityGroupId
          ? { additionalSecurityGroupIds: [network.albHealthCheckSecurityGroupId], unverifiedHealthPaths: [args.web.healthCheck.path] }
          : {}),
        forceDestroyLogs: !args.protect,
        protectLogs: args.protect,
        tags: { ...tags, ServingRole: args.edge?.servingRole ?? "active" },
      },
      opt,
    );

    // protect reaches every queue and its policies through the component
    // the region's data key encrypts the queues and their dead-letter queues (the key policy leaves
    // its use to IAM: the tiers' statements below); no SNS topic delivers to them
    const queues = new RegionalQueues(
      name,
      { region, namePrefix: args.namePrefix, queues: args.queues, kmsKeyArn: args.data.kmsKeyArn, tags },
      { parent: this, protect: args.protect },
    );
    const queueList = args.queues.map((spec) => ({ spec, outputs: queues.queues[spec.name] }));

    // The data components alarm on the region's topic, which the observability component declares
    // last (it watches the tiers); the deferred output closes that loop without reordering.
    const [alarmTopicArn, resolveAlarmTopic] = pulumi.deferredOutput<string>();
    const placement = {
      region,
      namePrefix: args.namePrefix,
      securityGroupId: network.securityGroupIds.data,
      kmsKeyArn: args.data.kmsKeyArn,
      availabilityZones: args.availabilityZones,
      alarmTopicArn,
      protect: args.protect,
      tags,
    };
    const database = args.data.database
      ? new RegionalDatabase(name, { ...withoutTierInputs(args.data.database), ...placement, subnetGroupName: network.dbSubnetGroupName }, opt)
      : undefined;
    // FIS finds replication groups by tag only, so a cache the experiments may fail over carries one
    const cacheChaos = args.chaos?.enabled === true && args.chaos.experiments.includes("failover-cache");
    const cache = args.data.cache
      ? new RegionalCache(
          name,
          {
            ...withoutTierInputs(args.data.cache),
            ...placement,
            ...(cacheChaos ? { tags: { ...tags, ...cacheChaosTargetTags(replicationGroupId(args.namePrefix, region)) } } : {}),
            subnetGroupName: network.cacheSubnetGroupName,
          },
          opt,
        )
      : undefined;

    // Endpoints and ARNs only: the bootstrap refuses anything that looks like a secret.
    const environment: Record<string, pulumi.Input<string>> = {
      BLUEPRINT_STACK: args.stack,
      BLUEPRINT_REGION: region,
      BLUEPRINT_PRIMARY_REGION: args.primaryRegion,
      BLUEPRINT_APP_PORT: String(appPort),
    };
    for (const { spec, outputs } of queueList) environment[`BLUEPRINT_QUEUE_${envSuffix(spec.name)}_URL`] = outputs.url;
    if (database && args.data.database) {
      environment.BLUEPRINT_DB_WRITER_ENDPOINT = database.writerEndpoint;
      environment.BLUEPRINT_DB_READER_ENDPOINT = database.readerEndpoint;
      environment.BLUEPRINT_DB_PORT = String(database.port);
      environment.BLUEPRINT_DB_NAME = args.data.database.settings.databaseName;
      environment.BLUEPRINT_DB_SECRET_ARN = args.data.database.secretArn;
      environment.BLUEPRINT_DB_ROLE = args.data.database.role;
      // local: the region's writer; forwarded: the secondary cluster forwards writes to the primary
      // (Aurora global write forwarding); none: a read replica, writes go to the primary region
      environment.BLUEPRINT_DB_WRITES = databaseWriteMode(args.data.database.settings, args.data.database.role);
      // follows the writer through a switchover; reachable from the primary region's VPC (no peering)
      if (args.data.database.globalWriterEndpoint !== undefined) environment.BLUEPRINT_DB_GLOBAL_WRITER_ENDPOINT = args.data.database.globalWriterEndpoint;
    }
    if (cache && args.data.cache) {
      environment.BLUEPRINT_CACHE_ENDPOINT = cache.primaryEndpoint;
      environment.BLUEPRINT_CACHE_READER_ENDPOINT = cache.readerEndpoint;
      environment.BLUEPRINT_CACHE_PORT = String(cache.port);
      environment.BLUEPRINT_CACHE_TLS = "true";
      environment.BLUEPRINT_CACHE_SECRET_ARN = args.data.cache.secretArn;
      // a Global Datastore's secondary is read-only too
      environment.BLUEPRINT_CACHE_ROLE = args.data.cache.role;
    }
    // exactly the region's copies of the secrets, decrypted only through the region's Secrets Manager
    const secretStatements = secretReaderStatements(
      [args.data.database?.secretArn, args.data.cache?.secretArn].filter((arn): arn is pulumi.Input<string> => arn !== undefined),
      args.data.kmsKeyArn,
      region,
    );

    const tier = (settings: TierSettings) => ({
      instanceTypes: settings.instanceTypes,
      architecture: settings.architecture,
      os: settings.os,
      minSize: settings.minSize,
      maxSize: settings.maxSize,
      desiredCapacity: settings.desiredCapacity,
      rootVolumeGiB: settings.rootVolumeGiB,
      onDemandBaseCapacity: settings.spot.onDemandBaseCapacity,
      spotPercentage: settings.spot.spotPercentage,
      instanceRefreshMinHealthyPercent: settings.instanceRefreshMinHealthyPercent,
      // root volumes under the region's data key, attached by the stack's own Auto Scaling role
      ebsKmsKeyArn: args.data.kmsKeyArn,
      serviceLinkedRoleArn: args.autoScalingServiceRoleArn,
      ...(settings.userData !== undefined ? { userData: settings.userData } : {}),
    });

    const web = new ComputeTier(
      `${name}-web`,
      {
        region,
        tier: "web",
        ...tier(args.web),
        subnetIds: network.privateSubnetIds,
        securityGroupId: network.securityGroupIds.app,
        environment: { ...environment, BLUEPRINT_TIER: "web" },
        // the web tier may send to the queues, nothing more
        policyStatements: [...queueProducerStatements(queues.queueArns, args.data.kmsKeyArn, region), ...secretStatements],
        scaling: {
          kind: "web",
          targetGroupArn: loadBalancer.targetGroupArn,
          // Built through the listeners so that the scaling policy waits for them: AWS accepts an
          // ALBRequestCountPerTarget label only once the target group is behind a listener.
          requestCountResourceLabel: pulumi
            .all([loadBalancer.arnSuffix, loadBalancer.targetGroupArnSuffix, ...loadBalancer.listenerArns])
            .apply(([lbSuffix, tgSuffix]) => `${lbSuffix}/${tgSuffix}`),
          targetRequestsPerInstance: args.web.targetRequestsPerInstance,
          targetCpuPercent: args.web.targetCpuPercent,
          healthCheckGracePeriodSeconds: args.web.healthCheckGracePeriodSeconds,
        },
        tags,
      },
      opt,
    );

    const worker = new ComputeTier(
      `${name}-worker`,
      {
        region,
        tier: "worker",
        ...tier(args.worker),
        subnetIds: network.privateSubnetIds,
        securityGroupId: network.securityGroupIds.worker,
        environment: { ...environment, BLUEPRINT_TIER: "worker" },
        // the worker consumes the queues (and may requeue), nothing more
        policyStatements: [...queueConsumerStatements(queues.queueArns, args.data.kmsKeyArn, region), ...secretStatements],
        scaling: {
          kind: "worker",
          queueNames: queueList.map(({ outputs }) => outputs.name),
          targetBacklogPerInstance: args.worker.targetBacklogPerInstance,
        },
        tags,
      },
      opt,
    );

    const observability = new RegionalObservability(
      name,
      {
        region,
        namePrefix: args.namePrefix,
        ...(args.alarms.email !== undefined ? { alarmEmail: args.alarms.email } : {}),
        thresholds: {
          alb5xxPercent: args.alarms.alb5xxPercent,
          targetResponseP99Seconds: args.alarms.targetResponseP99Seconds,
          queueOldestMessageAgeSeconds: args.alarms.queueOldestMessageAgeSeconds,
        },
        loadBalancer: { arnSuffix: loadBalancer.arnSuffix, targetGroupArnSuffix: loadBalancer.targetGroupArnSuffix },
        autoScalingGroups: { web: web.autoScalingGroupName, worker: worker.autoScalingGroupName },
        queues: queueList.map(({ spec, outputs }) => ({ name: spec.name, queueName: outputs.name, deadLetterQueueName: outputs.deadLetterName })),
        protectKey: args.protect,
        tags,
      },
      opt,
    );

    resolveAlarmTopic(observability.alarmTopicArn);

    const chaosDatabase = args.data.database;
    const chaos =
      args.chaos?.enabled === true
        ? new RegionalChaos(
            name,
            {
              region,
              namePrefix: args.namePrefix,
              settings: args.chaos,
              webAutoScalingGroupName: web.autoScalingGroupName,
              ...(database && chaosDatabase && databaseFailoverRunsIn(chaosDatabase.settings.service, chaosDatabase.role)
                ? {
                    database: {
                      kind: chaosDatabase.settings.service === "aurora" ? ("aurora-cluster" as const) : ("rds-instance" as const),
                      arn: database.arn,
                    },
                  }
                : {}),
              ...(cache
                ? { cache: { replicationGroupArn: cache.arn, replicationGroupId: cache.replicationGroupId, availabilityZone: args.availabilityZones[0] } }
                : {}),
              // the customer-facing alarms stop an experiment; unhealthy hosts is what terminating instances is meant to trip
              stopAlarmArns: [observability.alarmArns["alb-5xx-rate"], observability.alarmArns["target-response-p99"]],
              tags,
            },
            opt,
          )
        : undefined;

    this.network = network;
    this.database = database;
    this.cache = cache;
    this.chaos = chaos;
    this.loadBalancer = loadBalancer;
    this.queues = queues;
    this.web = web;
    this.worker = worker;
    this.observability = observability;
    this.registerOutputs({
      region: this.region,
      primary: this.primary,
      vpcId: network.vpcId,
      loadBalancerDnsName: loadBalancer.dnsName,
      alarmTopicArn: observability.alarmTopicArn,
    });
  }
}

/** A data component's own arguments: the secret's ARN and the global endpoint are for the tiers, not for the component. */
function withoutTierInputs<T extends { readonly secretArn: unknown; readonly globalWriterEndpoint?: unknown }>(
  value: T,
): Omit<T, "secretArn" | "globalWriterEndpoint"> {
  const { secretArn: _secretArn, globalWriterEndpoint: _globalWriterEndpoint, ...rest } = value;
  return rest;
}
