/**
 * One region's network: an awsx VPC with pinned AZs and an explicit subnet layout, and what awsx
 * lacks: flow logs, an emptied default security group, DB and cache subnet groups, the tier
 * security groups, and the private paths to AWS (the S3 gateway endpoint on the private and
 * isolated route tables, optional interface endpoints; endpoints.ts).
 */
import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import { mustParseCidr } from "../lib/cidr";
import type { NatStrategy } from "../lib/nat";
import { tierCidrBlocks, type SubnetTier } from "../lib/subnetLayout";
import { createVpcEndpoints } from "./endpoints";
import { createFlowLogs } from "./flowLogs";
import { DEFAULT_TIER_PORTS, type AlbIngress, type AlbIngressOptions, type AlbOriginPort, type SecurityTier, type TierPorts } from "./lib/securityGroupRules";
import { networkArgProblems } from "./lib/validate";
import { createTierSecurityGroups } from "./securityGroups";

/** Arguments of the Network component. */
export interface NetworkArgs {
  /** Region every child is created in. */
  readonly region: string;
  /** The VPC's IPv4 block, /16 to /21 inside RFC 1918. */
  readonly vpcCidr: string;
  /** 2 to 6 AZs of the region; each gets a fixed slot of the VPC by its letter. Append new AZs at the end. */
  readonly availabilityZones: readonly string[];
  /**
   * NAT gateways. Cost: each gateway is billed per hour and per GB processed.
   * @default "OnePerAz"
   */
  readonly natGateways?: NatStrategy;
  /**
   * Retention of the VPC flow logs in days (a CloudWatch Logs retention value).
   * @default 365
   */
  readonly flowLogRetentionDays?: number;
  /**
   * Name of the flow log group; must be unique per account and region.
   * @default "/blueprint/<name>/vpc-flow-logs"
   */
  readonly flowLogGroupName?: string;
  /** Customer managed key of the flow log group (the region's log key). @default the CloudWatch Logs service key */
  readonly logKmsKeyArn?: pulumi.Input<string>;
  /**
   * Ports the tier security groups open.
   * @default { app: 8080, database: 5432, cache: 6379 }
   */
  readonly ports?: TierPorts;
  /**
   * Who reaches the load balancer: `internet` (443 and 80 from anywhere) or `cloudfront` (only
   * CloudFront's origin-facing servers, through their AWS-managed prefix list, on `albOriginPort`).
   * Switching replaces the alb group, whose description says which it is.
   * @default "internet"
   */
  readonly albIngress?: AlbIngress;
  /**
   * With `albIngress: "cloudfront"`: the one port CloudFront connects on, 443 for an HTTPS origin
   * or 80 for HTTP. One port only: the prefix list counts as 55 of the group's 60 rules.
   * @default 443
   */
  readonly albOriginPort?: AlbOriginPort;
  /**
   * With `albIngress: "cloudfront"`: a second group, `albHealthCheckSecurityGroupId`, admitting
   * Route 53 health checkers on `albOriginPort`; attach it to the load balancer with the alb group
   * when Route 53 health-checks it (their prefix list, weight 25, cannot join the alb group).
   * @default false
   */
  readonly albHealthCheckIngress?: boolean;
  /**
   * Interface VPC endpoints with private DNS for the services the tiers call (Secrets Manager,
   * SQS, SSM, KMS, CloudWatch, STS; see lib/endpointServices.ts), in the private subnets, behind a
   * group admitting only the app and worker tiers on 443. Cost: each endpoint is billed per AZ
   * and hour and per GB. The S3 gateway endpoint (free) is always there.
   * @default false
   */
  readonly interfaceEndpoints?: boolean;
  /**
   * Tags of every regional child; `Region` is expected among them.
   * @default {}
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** A VPC with flow logs, locked default security group, subnet groups and tier security groups. */
export class Network extends pulumi.ComponentResource {
  /** Region the network lives in. */
  public readonly region: string;
  public readonly vpcId: pulumi.Output<string>;
  public readonly vpcCidr: string;
  public readonly publicSubnetIds: pulumi.Output<string[]>;
  public readonly privateSubnetIds: pulumi.Output<string[]>;
  public readonly isolatedSubnetIds: pulumi.Output<string[]>;
  /** Security group IDs per tier. */
  public readonly securityGroupIds: Readonly<Record<SecurityTier, pulumi.Output<string>>>;
  /** Who reaches the load balancer. */
  public readonly albIngress: AlbIngress;
  /** The load balancer's group for Route 53 health checkers, with `albHealthCheckIngress`. */
  public readonly albHealthCheckSecurityGroupId?: pulumi.Output<string>;
  /** DB subnet group (isolated subnets), for RDS and Aurora. */
  public readonly dbSubnetGroupName: pulumi.Output<string>;
  /** Cache subnet group (isolated subnets), for ElastiCache. */
  public readonly cacheSubnetGroupName: pulumi.Output<string>;
  public readonly flowLogGroupName: pulumi.Output<string>;
  public readonly flowLogId: pulumi.Output<string>;
  /** The S3 gateway endpoint's ID. */
  public readonly s3EndpointId: pulumi.Output<string>;
  /** Interface endpoint IDs by service (empty without `interfaceEndpoints`). */
  public readonly interfaceEndpointIds: Readonly<Record<string, pulumi.Output<string>>>;

  constructor(name: string, args: NetworkArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:network:Network", name, {}, opts);

    const natGateways = args.natGateways ?? "OnePerAz";
    const flowLogRetentionDays = args.flowLogRetentionDays ?? 365;
    const ports = args.ports ?? DEFAULT_TIER_PORTS;
    const albIngress: AlbIngressOptions = {
      mode: args.albIngress ?? "internet",
      originPort: args.albOriginPort ?? 443,
      healthCheckIngress: args.albHealthCheckIngress ?? false,
    };
    const problems = networkArgProblems({
      ...args,
      natGateways,
      flowLogRetentionDays,
      ports,
      albIngress,
      albOriginPortGiven: args.albOriginPort !== undefined,
    });
    if (problems.length > 0) {
      throw new Error(`Network ${name} has invalid arguments:\n  - ${problems.join("\n  - ")}`);
    }

    const tags = { ...(args.tags ?? {}) };
    const { Region: _region, ...globalTags } = tags;
    const region = args.region;
    const vpcCidr = mustParseCidr(args.vpcCidr);
    const zones = [...args.availabilityZones];
    const spec = (tier: SubnetTier, type: awsx.types.enums.ec2.SubnetType) => ({
      type,
      name: tier,
      cidrBlocks: tierCidrBlocks(vpcCidr, tier, zones),
      tags: { ...tags, Tier: tier },
    });

    const vpc = new awsx.ec2.Vpc(
      `${name}-vpc`,
      {
        region,
        cidrBlock: args.vpcCidr,
        availabilityZoneNames: zones,
        // explicit cidrBlocks per AZ (see lib/subnetLayout.ts); awsx takes them as given
        subnetStrategy: "Auto",
        subnetSpecs: [spec("public", "Public"), spec("private", "Private"), spec("isolated", "Isolated")],
        subnetNameTagStrategy: "AvailabilityZone",
        natGateways: { strategy: natGateways },
        enableDnsHostnames: true,
        enableDnsSupport: true,
        // no vpcEndpointSpecs: awsx would not associate the S3 gateway endpoint with any route table (endpoints.ts)
        tags: { ...tags, Name: name },
      },
      { parent: this },
    );

    // Owning the default group with no rules empties it: nothing can use it by accident.
    new aws.ec2.DefaultSecurityGroup(
      `${name}-default`,
      { region, vpcId: vpc.vpcId, ingress: [], egress: [], tags: { ...tags, Name: `${name}-default-locked` } },
      { parent: this },
    );

    const flowLogs = createFlowLogs(
      name,
      {
        region,
        vpcId: vpc.vpcId,
        logGroupName: args.flowLogGroupName ?? `/blueprint/${name}/vpc-flow-logs`,
        retentionDays: flowLogRetentionDays,
        ...(args.logKmsKeyArn !== undefined ? { kmsKeyArn: args.logKmsKeyArn } : {}),
        tags,
        globalTags,
      },
      this,
    );

    const dbSubnetGroup = new aws.rds.SubnetGroup(
      `${name}-db`,
      { region, subnetIds: vpc.isolatedSubnetIds, description: `Isolated subnets of ${name} for databases`, tags },
      { parent: this },
    );
    const cacheSubnetGroup = new aws.elasticache.SubnetGroup(
      `${name}-cache`,
      { region, subnetIds: vpc.isolatedSubnetIds, description: `Isolated subnets of ${name} for caches`, tags },
      { parent: this },
    );

    const securityGroups = createTierSecurityGroups(name, { region, vpcId: vpc.vpcId, ports, albIngress, tags }, this);
    const endpoints = createVpcEndpoints(
      name,
      {
        region,
        vpc,
        interfaceEndpoints: args.interfaceEndpoints ?? false,
        clientSecurityGroups: { app: securityGroups.groups.app.id, worker: securityGroups.groups.worker.id },
        tags,
      },
      this,
    );

    this.region = region;
    this.vpcId = vpc.vpcId;
    this.vpcCidr = args.vpcCidr;
    this.publicSubnetIds = vpc.publicSubnetIds;
    this.privateSubnetIds = vpc.privateSubnetIds;
    this.isolatedSubnetIds = vpc.isolatedSubnetIds;
    this.securityGroupIds = {
      alb: securityGroups.groups.alb.id,
      app: securityGroups.groups.app.id,
      worker: securityGroups.groups.worker.id,
      data: securityGroups.groups.data.id,
    };
    this.albIngress = albIngress.mode;
    if (securityGroups.albHealthChecks) this.albHealthCheckSecurityGroupId = securityGroups.albHealthChecks.id;
    this.dbSubnetGroupName = dbSubnetGroup.name;
    this.cacheSubnetGroupName = cacheSubnetGroup.name;
    this.flowLogGroupName = flowLogs.logGroup.name;
    this.flowLogId = flowLogs.flowLog.id;
    this.s3EndpointId = endpoints.s3.id;
    this.interfaceEndpointIds = Object.fromEntries(Object.entries(endpoints.interfaceEndpoints).map(([service, endpoint]) => [service, endpoint.id]));

    this.registerOutputs({
      vpcId: this.vpcId,
      publicSubnetIds: this.publicSubnetIds,
      privateSubnetIds: this.privateSubnetIds,
      isolatedSubnetIds: this.isolatedSubnetIds,
      securityGroupIds: this.securityGroupIds,
      albIngress: this.albIngress,
      ...(this.albHealthCheckSecurityGroupId ? { albHealthCheckSecurityGroupId: this.albHealthCheckSecurityGroupId } : {}),
      dbSubnetGroupName: this.dbSubnetGroupName,
      cacheSubnetGroupName: this.cacheSubnetGroupName,
      flowLogGroupName: this.flowLogGroupName,
      s3EndpointId: this.s3EndpointId,
      interfaceEndpointIds: this.interfaceEndpointIds,
    });
  }
}
