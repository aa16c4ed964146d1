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
import type { IamStatement } from "../lib/iam";
import type { Route } from "../cdn/lib/routes/model";
import { RegionalLogKey } from "../telemetry/logKey";
import { RegionalTelemetry, type TelemetrySettings } from "../telemetry";
import { RegionalTelemetryDashboard } from "../telemetry/dashboards";
import { tableUserStatements } from "../tables/lib/tableRules";
import type { RegionalTable } from "../tables";
import { proxyClientStatements, proxyConnectArn, proxyName, RegionalProxy, type ProxySettings } from "../proxy";
import { RegionalShardMap, shardMapReaderStatements } from "../database/shardMap";
import { shardNamePrefix, shardResourceName } from "../database/lib/sharding";
import { RegionalTopics, TopicSubscriptions, topicPublisherStatements, type TopicSpec } from "../topics";
import { EventBusTargets, RegionalEventBus } from "../topics/bus";
import type { EventBusSettings } from "../topics/busSection";
import { busPublisherStatements } from "../topics/lib/busRules";

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
  /**
   * The region's members of shards 1 to N-1 (`blueprint:database.shards`); shard 0 is `database`.
   * With any, the region gets a shard map for its tiers.
   * @default []
   */
  readonly shards?: readonly StampDatabase[];
  /** Shards the shard map gives hash ranges to. @default every shard */
  readonly activeShards?: number;
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
  /** An RDS Proxy in front of each of the region's database members. @default none */
  readonly proxy?: ProxySettings;
  /** The EventBridge bus, when the stack enables it. @default none */
  readonly eventBus?: EventBusSettings;
  /** The event bus's topics, each delivering to queues of the region. @default none */
  readonly topics?: readonly TopicSpec[];
  /** The region's replica of each DynamoDB global table. @default none */
  readonly tables?: readonly RegionalTable[];
  /** FIS experiments in this region. @default none */
  readonly chaos?: ChaosSettings;
  /** The region-scale drills interrupt the cache's AZ power, so the replication group carries FIS's target tag. @default false */
  readonly cacheDrillTarget?: boolean;
  /** The agents, Prometheus, SLOs and the composite alarm of the region. */
  readonly telemetry: TelemetrySettings;
  /** The stack's routes (blueprint:routes), for the per-class SLOs. @default none */
  readonly routes?: readonly Route[];
  /** The public app URL (`https://<app name>`), which the region's canary requests from the region. */
  readonly appUrl: pulumi.Input<string>;
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
  /** The region's members of shards 1 to N-1 (shard 0 is `database`). */
  public readonly shardDatabases: readonly RegionalDatabase[];
  /** The region's database proxies, one per shard, when the stack has them. */
  public readonly proxies: readonly RegionalProxy[];
  /** The region's cache, when the stack has one. */
  public readonly cache?: RegionalCache;
  /** The region's FIS experiment templates, when the stack enables chaos experiments. */
  public readonly chaos?: RegionalChaos;
  /** The key of every CloudWatch log group in the region. */
  public readonly logKeyArn: pulumi.Output<string>;
  /** The region's agents, Prometheus workspace, SLO alarms and composite "region unhealthy" alarm. */
  public readonly telemetry: RegionalTelemetry;

  constructor(name: string, args: RegionalStampArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:region:RegionalStamp", name, {}, opts);
    const { region, tags } = args;
    const opt = { parent: this };
    this.region = region;
    this.primary = args.primary;
    const appPort = DEFAULT_TIER_PORTS.app;

    // first: every log group of the region is encrypted with it
    const logKey = new RegionalLogKey(name, { region, aliasName: `alias/${args.namePrefix}/logs`, protect: args.protect, tags }, opt);
    this.logKeyArn = logKey.keyArn;

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
        logKmsKeyArn: logKey.keyArn,
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

    // the topics first: each queue's policy admits exactly the topics that deliver to it
    const topicSpecs = args.topics ?? [];
    const topics =
      topicSpecs.length > 0
        ? new RegionalTopics(name, { region, namePrefix: args.namePrefix, topics: topicSpecs, kmsKeyArn: args.data.kmsKeyArn, tags }, opt)
        : undefined;
    const topicSenders: Record<string, pulumi.Output<string>[]> = {};
    for (const spec of topicSpecs) {
      for (const subscriber of spec.subscribers) (topicSenders[subscriber.queue] ??= []).push(topics!.topicArns[spec.name]);
    }
    const bus =
      args.eventBus?.enabled === true ? new RegionalEventBus(name, { region, namePrefix: args.namePrefix, settings: args.eventBus, tags }, opt) : undefined;
    const ruleSenders: Record<string, pulumi.Output<string>[]> = {};
    for (const rule of bus ? args.eventBus!.rules : []) (ruleSenders[rule.queue] ??= []).push(bus!.ruleArns[rule.name]);
    // protect reaches every queue and its policies through the component
    // the region's data key encrypts the queues and their dead-letter queues; the tiers' statements
    // below grant its use through SQS, and the key policy admits the topics' and rules' senders
    const queues = new RegionalQueues(
      name,
      {
        region,
        namePrefix: args.namePrefix,
        queues: args.queues,
        kmsKeyArn: args.data.kmsKeyArn,
        ...(topics ? { topicSenders } : {}),
        ...(bus ? { ruleSenders } : {}),
        tags,
      },
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
    if (topics && topicSpecs.some((spec) => spec.subscribers.length > 0)) {
      new TopicSubscriptions(
        name,
        {
          region,
          namePrefix: args.namePrefix,
          topics: topicSpecs,
          topicArns: topics.topicArns,
          queues: Object.fromEntries(queueList.map(({ spec, outputs }) => [spec.name, { arn: outputs.arn }])),
          alarmTopicArn,
          kmsKeyArn: args.data.kmsKeyArn,
          protect: args.protect,
          tags,
        },
        opt,
      );
    }
    // Shard 0 keeps the names a one-shard stack has; every later shard only adds resources.
    const member = (shard: number, spec: StampDatabase) =>
      new RegionalDatabase(
        shardResourceName(name, shard),
        {
          ...withoutTierInputs(spec),
          ...placement,
          namePrefix: shardNamePrefix(args.namePrefix, shard),
          subnetGroupName: network.dbSubnetGroupName,
          // shard 0 keeps its tags; later shards say which they are (the policy pack groups members by it)
          ...(shard === 0 ? {} : { tags: { ...tags, DatabaseShard: String(shard) } }),
        },
        opt,
      );
    if (bus && args.eventBus!.rules.length > 0) {
      new EventBusTargets(
        name,
        {
          region,
          namePrefix: args.namePrefix,
          settings: args.eventBus!,
          bus,
          queues: Object.fromEntries(queueList.map(({ spec, outputs }) => [spec.name, { arn: outputs.arn, fifo: spec.type === "fifo" }])),
          alarmTopicArn,
          kmsKeyArn: args.data.kmsKeyArn,
          protect: args.protect,
          tags,
        },
        opt,
      );
    }
    const database = args.data.database ? member(0, args.data.database) : undefined;
    const shardSpecs = args.data.database ? [args.data.database, ...(args.data.shards ?? [])] : [];
    const shardDatabases = (args.data.shards ?? []).map((spec, index) => member(index + 1, spec));
    const members = database ? [database, ...shardDatabases] : [];
    // RDS Proxy fronts every member; an RDS read replica cannot be a target (the proxy section refuses that combination)
    const proxies =
      args.proxy?.enabled === true
        ? members.map((db, shard) => {
            const spec = shardSpecs[shard];
            const aurora = spec.settings.service === "aurora";
            return new RegionalProxy(
              shardResourceName(name, shard),
              {
                region,
                name: proxyName(args.namePrefix, region, shard),
                namePrefix: args.namePrefix,
                alarmKey: shardResourceName("db-proxy", shard),
                settings: args.proxy!,
                engine: spec.settings.engine,
                port: spec.settings.port,
                target: aurora ? { kind: "cluster", clusterIdentifier: db.identifier } : { kind: "instance", instanceIdentifier: db.identifier },
                // in every Aurora region, whatever its role: a switchover then changes no resource
                readOnlyEndpoint: aurora,
                secretArn: spec.secretArn,
                kmsKeyArn: args.data.kmsKeyArn,
                vpcId: network.vpcId,
                subnetIds: network.privateSubnetIds,
                clientSecurityGroupIds: { web: network.securityGroupIds.app, worker: network.securityGroupIds.worker },
                dataSecurityGroupId: network.securityGroupIds.data,
                alarmTopicArn,
                dependsOn: [db.writer],
                tags,
              },
              opt,
            );
          })
        : [];
    const shardMapParameter =
      shardDatabases.length > 0
        ? new RegionalShardMap(
            name,
            {
              region,
              namePrefix: args.namePrefix,
              activeShards: args.data.activeShards ?? members.length,
              shards: members.map((db, shard) => ({
                writerEndpoint: db.writerEndpoint,
                readerEndpoint: db.readerEndpoint,
                secretArn: shardSpecs[shard].secretArn,
                ...(proxies[shard] ? { proxyEndpoint: proxies[shard].endpoint } : {}),
                ...(proxies[shard]?.readerEndpoint ? { proxyReaderEndpoint: proxies[shard].readerEndpoint } : {}),
              })),
              tags,
            },
            opt,
          )
        : undefined;
    // FIS finds replication groups by tag only, so a cache the experiments may fail over carries one
    const cacheChaos = (args.chaos?.enabled === true && args.chaos.experiments.includes("failover-cache")) || args.cacheDrillTarget === true;
    const cache = args.data.cache
      ? new RegionalCache(
          name,
          {
            ...withoutTierInputs(args.data.cache),
            ...placement,
            ...(cacheChaos ? { tags: { ...tags, ...cacheChaosTargetTags(replicationGroupId(args.namePrefix, region)) } } : {}),
            subnetGroupName: network.cacheSubnetGroupName,
            logKmsKeyArn: logKey.keyArn,
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
      // the live writer's region says primary (blueprint:writerRegion moves it with a switchover)
      environment.BLUEPRINT_DB_ROLE = database.liveRole;
      // local: the region's writer; forwarded: the secondary cluster forwards writes to the writer's
      // (Aurora global write forwarding); none: a read replica, writes go to the primary region
      environment.BLUEPRINT_DB_WRITES = databaseWriteMode(args.data.database.settings, database.liveRole);
      // follows the writer through a switchover; reachable from the primary region's VPC (no peering)
      if (args.data.database.globalWriterEndpoint !== undefined) environment.BLUEPRINT_DB_GLOBAL_WRITER_ENDPOINT = args.data.database.globalWriterEndpoint;
      // pooled connections: IAM authentication and TLS to the proxy, which holds the credentials
      if (proxies[0]) {
        environment.BLUEPRINT_DB_PROXY_ENDPOINT = proxies[0].endpoint;
        if (proxies[0].readerEndpoint) environment.BLUEPRINT_DB_PROXY_READER_ENDPOINT = proxies[0].readerEndpoint;
      }
      if (shardMapParameter) {
        environment.BLUEPRINT_DB_SHARDS = String(members.length);
        environment.BLUEPRINT_DB_SHARD_MAP_PARAMETER = shardMapParameter.parameterName;
      }
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
    if (bus) environment.BLUEPRINT_EVENT_BUS_NAME = bus.busName;
    // each region's tiers publish to their own region's topics
    for (const spec of topicSpecs) environment[`BLUEPRINT_TOPIC_${envSuffix(spec.name)}_ARN`] = topics!.topicArns[spec.name];
    const topicStatements = topics
      ? topicPublisherStatements<pulumi.Input<string>>(
          topicSpecs.map((spec) => topics.topicArns[spec.name]),
          args.data.kmsKeyArn,
          region,
        )
      : [];
    const busStatements = bus ? busPublisherStatements<pulumi.Input<string>>([bus.busArn]) : [];
    // the same physical name in every region; the role below allows only this region's replica
    for (const table of args.tables ?? []) environment[`BLUEPRINT_TABLE_${envSuffix(table.name)}_NAME`] = table.tableName;
    const tableStatements = tableUserStatements<pulumi.Input<string>>(
      (args.tables ?? []).map((table) => table.arn),
      (arn) => pulumi.interpolate`${arn}/index/*`,
    );
    // exactly the region's copies of the secrets, decrypted only through the region's Secrets Manager
    const secretStatements = [
      ...secretReaderStatements(
        [...shardSpecs.map((spec) => spec.secretArn), args.data.cache?.secretArn].filter((arn): arn is pulumi.Input<string> => arn !== undefined),
        args.data.kmsKeyArn,
        region,
      ),
      ...(args.data.database
        ? proxyClientStatements<pulumi.Input<string>>(
            proxies.map((proxy) => proxy.arn.apply((arn) => proxyConnectArn(arn, args.data.database!.settings.masterUsername))),
          )
        : []),
      ...(shardMapParameter ? shardMapReaderStatements<pulumi.Input<string>>(shardMapParameter.arn) : []),
    ];

    // before the tiers: their boot steps and IAM statements come from it
    const telemetry = new RegionalTelemetry(
      name,
      {
        region,
        namePrefix: args.namePrefix,
        stack: args.stack,
        settings: args.telemetry,
        ...(args.routes !== undefined ? { routes: args.routes } : {}),
        logKmsKeyArn: logKey.keyArn,
        alarmTopicArn,
        loadBalancer: { arnSuffix: loadBalancer.arnSuffix, targetGroupArnSuffix: loadBalancer.targetGroupArnSuffix },
        platforms: { web: { os: args.web.os, architecture: args.web.architecture }, worker: { os: args.worker.os, architecture: args.worker.architecture } },
        // from the region, the edge routes the canary to this region's origin; the primary also checks the app's root
        canaries: [
          // a standby region serves no viewer first: its canary is answered elsewhere, so it checks the path only
          {
            purpose: "origin",
            url: pulumi.interpolate`${args.appUrl}${args.web.healthCheck.path}`,
            ...(args.edge?.servingRole === "standby" ? {} : { expectedRegion: region }),
          },
          ...(args.primary ? [{ purpose: "app", url: pulumi.interpolate`${args.appUrl}/` }] : []),
        ],
        protect: args.protect,
        tags,
      },
      opt,
    );
    this.telemetry = telemetry;
    const withAgents = (tierName: "web" | "worker", statements: IamStatement<pulumi.Input<string>>[]) =>
      pulumi.all([pulumi.output(statements), telemetry.policyStatements[tierName]]).apply(([own, agents]) => [...own, ...agents]);

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
        policyStatements: withAgents("web", [
          ...queueProducerStatements(queues.queueArns, args.data.kmsKeyArn, region),
          ...secretStatements,
          ...tableStatements,
          ...topicStatements,
          ...busStatements,
        ]),
        ...(telemetry.bootSteps.web !== undefined ? { bootSteps: telemetry.bootSteps.web } : {}),
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
        policyStatements: withAgents("worker", [
          ...queueConsumerStatements(queues.queueArns, args.data.kmsKeyArn, region),
          ...secretStatements,
          ...tableStatements,
          ...topicStatements,
          ...busStatements,
        ]),
        ...(telemetry.bootSteps.worker !== undefined ? { bootSteps: telemetry.bootSteps.worker } : {}),
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
        prometheusAlerts: args.telemetry.prometheus,
        tags,
      },
      opt,
    );

    resolveAlarmTopic(observability.alarmTopicArn);

    // the telemetry rows the observability dashboard lacks: SLO burn, database, cache, queues, agents
    new RegionalTelemetryDashboard(
      name,
      {
        region,
        dashboardName: telemetry.names.dashboard,
        burnAlarmArns: telemetry.burnAlarmArns,
        regionUnhealthyAlarmArn: telemetry.regionUnhealthyAlarmArn,
        ...(database && args.data.database
          ? {
              database: {
                dimension: args.data.database.settings.service === "aurora" ? ("DBClusterIdentifier" as const) : ("DBInstanceIdentifier" as const),
                identifier: database.identifier,
              },
            }
          : {}),
        ...(cache ? { cacheReplicationGroupId: cache.replicationGroupId } : {}),
        queues: queueList.map(({ spec, outputs }) => ({ name: spec.name, queueName: outputs.name })),
        autoScalingGroups: { web: web.autoScalingGroupName, worker: worker.autoScalingGroupName },
      },
      opt,
    );

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
              ...(database && chaosDatabase && databaseFailoverRunsIn(chaosDatabase.settings.service, database.liveRole)
                ? {
                    database: {
                      kind: chaosDatabase.settings.service === "aurora" ? ("aurora-cluster" as const) : ("rds-instance" as const),
                      arn: database.arn,
                      // every shard's member of the region is a target of the same experiment
                      ...(shardDatabases.length > 0 ? { shardArns: shardDatabases.map((db) => db.arn) } : {}),
                    },
                  }
                : {}),
              ...(cache
                ? { cache: { replicationGroupArn: cache.arn, replicationGroupId: cache.replicationGroupId, availabilityZone: args.availabilityZones[0] } }
                : {}),
              // the customer-facing alarms stop an experiment; unhealthy hosts is what terminating instances is meant to trip
              // and the region's composite: any fast SLO burn or a failing origin canary
              stopAlarmArns: [observability.alarmArns["alb-5xx-rate"], observability.alarmArns["target-response-p99"], telemetry.regionUnhealthyAlarmArn],
              logKmsKeyArn: logKey.keyArn,
              tags,
            },
            opt,
          )
        : undefined;

    this.network = network;
    this.database = database;
    this.shardDatabases = shardDatabases;
    this.proxies = proxies;
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
