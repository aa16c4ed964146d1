/**
 * The regional stamp: everything one region runs, built the same way in every region: the network,
 * the load balancer, the queues, the web and worker tiers, and their alarms and dashboard. The
 * data tier joins it when it lands.
 */
import * as pulumi from "@pulumi/pulumi";
import { ComputeTier } from "../compute";
import { envSuffix } from "../compute/lib/userData";
import type { NatStrategy } from "../lib/nat";
import { LoadBalancer } from "../loadbalancer";
import type { HealthCheckSettings, LoadBalancerSettings } from "../loadbalancer/lib/listenerRules";
import { Network } from "../network";
import { DEFAULT_TIER_PORTS } from "../network/lib/securityGroupRules";
import { RegionalObservability, type AlarmThresholds } from "../observability";
import { RegionalQueues, type QueueSpec } from "../queue";
import { queueConsumerStatements, queueProducerStatements } from "../queue/lib/queuePolicies";
import type { Architecture, OperatingSystem } from "../compute/lib/images";

/** A tier's settings in this region. */
export interface StampTier {
  readonly instanceTypes: readonly string[];
  readonly architecture: Architecture;
  readonly os: OperatingSystem;
  readonly minSize: number;
  readonly maxSize: number;
  readonly desiredCapacity: number;
  readonly rootVolumeGiB: number;
  readonly onDemandBaseCapacity: number;
  readonly spotPercentage: number;
  readonly instanceRefreshMinHealthyPercent: number;
  readonly userData?: string;
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
  /** NAT gateways per region. */
  readonly natGateways: NatStrategy;
  /** VPC flow log retention in days. */
  readonly flowLogRetentionDays: number;
  /** Stack name, used in physical names that must be unique per account and region. */
  readonly stack: string;
  /** `<project>-<stack>`: prefix of physical names. */
  readonly namePrefix: string;
  /** The load balancer's settings. */
  readonly loadBalancer: LoadBalancerSettings;
  /** The region's validated certificate; without one the load balancer serves HTTP. @default undefined */
  readonly certificateArn?: pulumi.Input<string>;
  /** The web tier. */
  readonly web: StampTier & {
    readonly healthCheck: HealthCheckSettings;
    readonly healthCheckGracePeriodSeconds: number;
    readonly targetRequestsPerInstance: number;
    readonly targetCpuPercent: number;
  };
  /** The worker tier. */
  readonly worker: StampTier & { readonly targetBacklogPerInstance: number };
  /** The queues every region has. */
  readonly queues: readonly QueueSpec[];
  /** Alarm thresholds and the optional notification address. */
  readonly alarms: AlarmThresholds & { readonly email?: string };
  /**
   * Pulumi `protect` on the region's stateful resources (queues, the access-log bucket, the alarm
   * key); without it, `pulumi destroy` may also empty the log bucket.
   */
  readonly protect: boolean;
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
        natGateways: args.natGateways,
        flowLogRetentionDays: args.flowLogRetentionDays,
        flowLogGroupName: `/blueprint/${args.stack}/${region}/vpc-flow-logs`,
        tags,
      },
      opt,
    );

    const loadBalancer = new LoadBalancer(
      name,
      {
        region,
        vpcId: network.vpcId,
        publicSubnetIds: network.publicSubnetIds,
        securityGroupId: network.securityGroupIds.alb,
        namePrefix: args.namePrefix,
        appPort,
        ...(args.certificateArn !== undefined ? { certificateArn: args.certificateArn } : {}),
        ...args.loadBalancer,
        healthCheck: args.web.healthCheck,
        forceDestroyLogs: !args.protect,
        protectLogs: args.protect,
        tags,
      },
      opt,
    );

    // protect reaches every queue and its policies through the component
    const queues = new RegionalQueues(name, { region, namePrefix: args.namePrefix, queues: args.queues, tags }, { parent: this, protect: args.protect });
    const queueList = args.queues.map((spec) => ({ spec, outputs: queues.queues[spec.name]! }));

    // Endpoints only: the bootstrap refuses anything that looks like a secret.
    const environment: Record<string, pulumi.Input<string>> = {
      BLUEPRINT_STACK: args.stack,
      BLUEPRINT_REGION: region,
      BLUEPRINT_PRIMARY_REGION: args.primaryRegion,
      BLUEPRINT_APP_PORT: String(appPort),
    };
    for (const { spec, outputs } of queueList) environment[`BLUEPRINT_QUEUE_${envSuffix(spec.name)}_URL`] = outputs.url;

    const tier = (settings: StampTier) => ({
      instanceTypes: settings.instanceTypes,
      architecture: settings.architecture,
      os: settings.os,
      minSize: settings.minSize,
      maxSize: settings.maxSize,
      desiredCapacity: settings.desiredCapacity,
      rootVolumeGiB: settings.rootVolumeGiB,
      onDemandBaseCapacity: settings.onDemandBaseCapacity,
      spotPercentage: settings.spotPercentage,
      instanceRefreshMinHealthyPercent: settings.instanceRefreshMinHealthyPercent,
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
        policyStatements: queueProducerStatements(queues.queueArns),
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
        policyStatements: queueConsumerStatements(queues.queueArns),
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

    this.network = network;
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
