/**
 * One auto-scaling tier of a region (web or worker): an instance role that can reach SSM and
 * exactly the resources the tier uses, a hardened launch template (IMDSv2 only, encrypted gp3 root,
 * no public IP, detailed monitoring, user data with endpoints and never a secret), and an
 * auto-scaling group over the private subnets of every AZ with instance refresh, a Spot/on-demand
 * mix and target-tracking scaling. `desiredCapacity` belongs to the autoscaler after creation.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument, serviceTrustPolicy, type IamStatement } from "../lib/iam";
import { amiParameterName, rootDeviceName, type Architecture, type OperatingSystem } from "./lib/images";
import { createScaling, type TierScaling } from "./scaling";
import { renderUserData } from "./lib/userData";
import { computeArgProblems } from "./lib/validate";

export type { TierScaling } from "./scaling";

/** Arguments of a ComputeTier. */
export interface ComputeTierArgs {
  /** Region every child is created in. */
  readonly region: string;
  /** Which tier this is; decides health checks and scaling. */
  readonly tier: "web" | "worker";
  /** Private subnets, one per AZ. */
  readonly subnetIds: pulumi.Input<string[]>;
  /** The network's app or worker security group. */
  readonly securityGroupId: pulumi.Input<string>;
  /** Instance types in priority order, one architecture. */
  readonly instanceTypes: readonly string[];
  /** @default "arm64" */
  readonly architecture?: Architecture;
  /** @default "al2023" */
  readonly os?: OperatingSystem;
  /** Fewest instances; 0 lets a worker scale to zero (the web tier needs 1 or more). */
  readonly minSize: number;
  /** Most instances; at least 1. */
  readonly maxSize: number;
  /** Instances at creation, between minSize and maxSize; the autoscaler owns it afterwards. @default minSize */
  readonly desiredCapacity?: number;
  /** @default 20 */
  readonly rootVolumeGiB?: number;
  /** Customer managed key of the root volumes. @default the account's EBS default key */
  readonly ebsKmsKeyArn?: pulumi.Input<string>;
  /**
   * The Auto Scaling service-linked role the group launches with. With `ebsKmsKeyArn`, the key
   * policy must let this role use the key (serviceLinkedRole.ts), or launches fail.
   * @default - the account's AWSServiceRoleForAutoScaling
   */
  readonly serviceLinkedRoleArn?: pulumi.Input<string>;
  /** @default 0 */
  readonly onDemandBaseCapacity?: number;
  /** Share above the base on Spot. @default 0 */
  readonly spotPercentage?: number;
  /** @default 90 */
  readonly instanceRefreshMinHealthyPercent?: number;
  /** Written to /etc/blueprint/env: endpoints and names only. @default {} */
  readonly environment?: Readonly<Record<string, pulumi.Input<string>>>;
  /** The stack's own boot script. @default none */
  readonly userData?: string;
  /** Boot steps the blueprint adds before the stack's script (the telemetry agents). @default none */
  readonly bootSteps?: string;
  /** What the instances may do beyond SSM (queues, secrets). @default [] */
  readonly policyStatements?: pulumi.Input<IamStatement<pulumi.Input<string>>[]>;
  /** Health checks and scaling of the tier. */
  readonly scaling: TierScaling;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** A launch template and auto-scaling group with their role and scaling policies. */
export class ComputeTier extends pulumi.ComponentResource {
  public readonly autoScalingGroupName: pulumi.Output<string>;
  public readonly autoScalingGroupArn: pulumi.Output<string>;
  public readonly launchTemplateId: pulumi.Output<string>;
  public readonly roleArn: pulumi.Output<string>;
  public readonly roleName: pulumi.Output<string>;
  /** The AMI the launch template uses (resolved from the public SSM parameter). */
  public readonly imageId: pulumi.Output<string>;

  constructor(name: string, args: ComputeTierArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:compute:ComputeTier", name, {}, opts);
    const settings = {
      architecture: args.architecture ?? "arm64",
      os: args.os ?? "al2023",
      desiredCapacity: args.desiredCapacity ?? args.minSize,
      rootVolumeGiB: args.rootVolumeGiB ?? 20,
      onDemandBaseCapacity: args.onDemandBaseCapacity ?? 0,
      spotPercentage: args.spotPercentage ?? 0,
      instanceRefreshMinHealthyPercent: args.instanceRefreshMinHealthyPercent ?? 90,
    };
    const problems = computeArgProblems({ ...args, ...settings });
    if (problems.length > 0) {
      throw new Error(`ComputeTier ${name} has invalid arguments:\n  - ${problems.join("\n  - ")}`);
    }
    const { region } = args;
    const tags: Record<string, string> = { ...(args.tags ?? {}), Tier: args.tier };
    // IAM is global: its tags leave out the Region tag
    const { Region: _region, ...globalTags } = tags;
    const opt = { parent: this };
    const partition = aws.getPartitionOutput({}, { parent: this });

    const role = new aws.iam.Role(
      `${name}-role`,
      {
        description: `Instances of the ${args.tier} tier in ${region}`,
        assumeRolePolicy: serviceTrustPolicy("ec2.amazonaws.com"),
        tags: globalTags,
      },
      opt,
    );
    new aws.iam.RolePolicyAttachment(
      `${name}-ssm`,
      // Session Manager instead of SSH: no key pairs, no inbound port
      { role: role.name, policyArn: pulumi.interpolate`arn:${partition.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore` },
      opt,
    );
    if (args.policyStatements !== undefined) {
      new aws.iam.RolePolicy(
        `${name}-access`,
        {
          role: role.name,
          policy: pulumi.output(args.policyStatements).apply((statements) => {
            if (statements.length === 0) throw new Error(`ComputeTier ${name}: policyStatements is empty; omit it instead`);
            return policyDocument(statements);
          }),
        },
        opt,
      );
    }
    const profile = new aws.iam.InstanceProfile(`${name}`, { role: role.name, tags: globalTags }, opt);

    const image = aws.ssm.getParameterOutput({ region, name: amiParameterName(settings.os, settings.architecture) }, { parent: this });
    const userData = pulumi
      .all(args.environment ?? {})
      .apply((environment) => Buffer.from(renderUserData(environment, args.userData, args.bootSteps), "utf8").toString("base64"));

    const launchTemplate = new aws.ec2.LaunchTemplate(
      name,
      {
        region,
        description: `${args.tier} tier in ${region}`,
        imageId: image.value,
        iamInstanceProfile: { arn: profile.arn },
        metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" },
        monitoring: { enabled: true },
        networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: "false", securityGroups: [args.securityGroupId], deleteOnTermination: "true" }],
        blockDeviceMappings: [
          {
            deviceName: rootDeviceName(settings.os),
            ebs: {
              volumeType: "gp3",
              volumeSize: settings.rootVolumeGiB,
              encrypted: "true",
              ...(args.ebsKmsKeyArn !== undefined ? { kmsKeyId: args.ebsKmsKeyArn } : {}),
              deleteOnTermination: "true",
            },
          },
        ],
        userData,
        updateDefaultVersion: true,
        tagSpecifications: ["instance", "volume", "network-interface"].map((resourceType) => ({ resourceType, tags: { ...tags, Name: name } })),
        tags,
      },
      opt,
    );

    const web = args.scaling.kind === "web" ? args.scaling : undefined;
    const group = new aws.autoscaling.Group(
      name,
      {
        region,
        vpcZoneIdentifiers: args.subnetIds,
        ...(args.serviceLinkedRoleArn !== undefined ? { serviceLinkedRoleArn: args.serviceLinkedRoleArn } : {}),
        minSize: args.minSize,
        maxSize: args.maxSize,
        desiredCapacity: settings.desiredCapacity,
        capacityRebalance: settings.spotPercentage > 0,
        defaultCooldown: 300,
        defaultInstanceWarmup: 120,
        healthCheckType: web ? "ELB" : "EC2",
        healthCheckGracePeriod: web ? web.healthCheckGracePeriodSeconds : 120,
        targetGroupArns: web ? [web.targetGroupArn] : [],
        mixedInstancesPolicy: {
          launchTemplate: {
            launchTemplateSpecification: { launchTemplateId: launchTemplate.id, version: pulumi.interpolate`${launchTemplate.latestVersion}` },
            overrides: args.instanceTypes.map((instanceType) => ({ instanceType })),
          },
          instancesDistribution: {
            onDemandBaseCapacity: settings.onDemandBaseCapacity,
            onDemandPercentageAboveBaseCapacity: 100 - settings.spotPercentage,
            onDemandAllocationStrategy: "prioritized",
            spotAllocationStrategy: "price-capacity-optimized",
          },
        },
        instanceRefresh: {
          strategy: "Rolling",
          // no autoRollback: the API rejects it unless the refresh names a desired configuration,
          // which the provider does not send (hashicorp/terraform-provider-aws#29830)
          preferences: { minHealthyPercentage: settings.instanceRefreshMinHealthyPercent, skipMatching: true },
        },
        // group metrics feed the dashboard and the worker's backlog-per-instance metric
        enabledMetrics: [
          "GroupMinSize",
          "GroupMaxSize",
          "GroupDesiredCapacity",
          "GroupInServiceInstances",
          "GroupPendingInstances",
          "GroupTerminatingInstances",
          "GroupTotalInstances",
        ],
        metricsGranularity: "1Minute",
        tags: Object.entries({ ...tags, Name: name }).map(([key, value]) => ({ key, value, propagateAtLaunch: true })),
      },
      // the autoscaler owns the desired capacity once the group exists
      { parent: this, ignoreChanges: ["desiredCapacity"] },
    );

    createScaling(name, { region, group, scaling: args.scaling, minSize: args.minSize, tags }, this);

    this.autoScalingGroupName = group.name;
    this.autoScalingGroupArn = group.arn;
    this.launchTemplateId = launchTemplate.id;
    this.roleArn = role.arn;
    this.roleName = role.name;
    this.imageId = image.value;
    this.registerOutputs({ autoScalingGroupName: this.autoScalingGroupName, launchTemplateId: this.launchTemplateId, roleArn: this.roleArn });
  }
}
