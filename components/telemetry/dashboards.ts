/**
 * The telemetry dashboards: one per region (SLO burn, database, cache, queues, agents), declared by
 * the stamp once the tiers exist, and the stack's global one (edge and regions side by side).
 * Dashboards are global resources; the region only picks the API endpoint.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { declareBurnAlarms } from "./burnAlarms";
import { globalDashboardBody, regionDashboardBody } from "./lib/dashboards";
import { edgeBurnAlarmSpecs } from "./lib/slo";

/** Inputs of a region's dashboard, before resolution. */
export interface RegionDashboardArgs {
  readonly region: string;
  readonly dashboardName: string;
  readonly burnAlarmArns: readonly pulumi.Input<string>[];
  readonly regionUnhealthyAlarmArn: pulumi.Input<string>;
  readonly database?: { readonly dimension: "DBClusterIdentifier" | "DBInstanceIdentifier"; readonly identifier: pulumi.Input<string> };
  readonly cacheReplicationGroupId?: pulumi.Input<string>;
  readonly queues: readonly { readonly name: string; readonly queueName: pulumi.Input<string> }[];
  readonly autoScalingGroups: { readonly web: pulumi.Input<string>; readonly worker: pulumi.Input<string> };
}

/** A region's telemetry dashboard. */
export class RegionalTelemetryDashboard extends pulumi.ComponentResource {
  public readonly dashboardName: pulumi.Output<string>;

  constructor(name: string, args: RegionDashboardArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:telemetry:RegionalTelemetryDashboard", name, {}, opts);
    const resolved = pulumi.output({
      burnAlarmArns: [...args.burnAlarmArns],
      regionUnhealthyAlarmArn: args.regionUnhealthyAlarmArn,
      database: args.database ? { ...args.database } : undefined,
      cacheReplicationGroupId: args.cacheReplicationGroupId,
      queues: args.queues.map((queue) => ({ ...queue })),
      autoScalingGroups: { ...args.autoScalingGroups },
    });
    const dashboard = new aws.cloudwatch.Dashboard(
      `${name}-telemetry-dashboard`,
      {
        region: args.region,
        dashboardName: args.dashboardName,
        dashboardBody: resolved.apply((r) =>
          regionDashboardBody({
            name: args.dashboardName,
            region: args.region,
            burnAlarmArns: r.burnAlarmArns,
            regionUnhealthyAlarmArn: r.regionUnhealthyAlarmArn,
            ...(r.database ? { database: r.database } : {}),
            ...(r.cacheReplicationGroupId !== undefined ? { cacheReplicationGroupId: r.cacheReplicationGroupId } : {}),
            queues: r.queues,
            autoScalingGroups: r.autoScalingGroups,
          }),
        ),
      },
      { parent: this },
    );
    this.dashboardName = dashboard.dashboardName;
    this.registerOutputs({ dashboardName: this.dashboardName });
  }
}

/** Inputs of the global dashboard, before resolution. */
export interface GlobalDashboardArgs {
  readonly dashboardName: string;
  readonly distributionId: pulumi.Input<string>;
  /** @default none (no WAF) */
  readonly webAclName?: string;
  readonly healthCheckIds: Readonly<Record<string, pulumi.Input<string>>>;
  readonly regions: readonly { readonly region: string; readonly loadBalancerArnSuffix: pulumi.Input<string> }[];
  /**
   * The edge SLO's burn alarms, on CloudFront's metrics in us-east-1, notifying that region's topic.
   * @default none (the stack has no us-east-1 region, hence no topic there)
   */
  readonly edgeSlo?: {
    readonly prefix: string;
    readonly objectivePercent: number;
    readonly topicArn: pulumi.Input<string>;
    readonly tags: Record<string, string>;
  };
}

/** The stack's global dashboard (CloudFront, WAF, Route 53, every region side by side) and the edge SLO, in us-east-1 where the edge's metrics are. */
export class GlobalTelemetryDashboard extends pulumi.ComponentResource {
  public readonly dashboardName: pulumi.Output<string>;
  /** The edge SLO's composite burn alarms, when declared. */
  public readonly edgeBurnAlarmNames: pulumi.Output<string>[];

  constructor(name: string, args: GlobalDashboardArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:telemetry:GlobalTelemetryDashboard", name, {}, opts);
    const resolved = pulumi.output({
      distributionId: args.distributionId,
      healthCheckIds: { ...args.healthCheckIds },
      regions: args.regions.map((region) => ({ ...region })),
    });
    const dashboard = new aws.cloudwatch.Dashboard(
      `${name}-dashboard`,
      {
        region: "us-east-1",
        dashboardName: args.dashboardName,
        dashboardBody: resolved.apply((r) =>
          globalDashboardBody({
            name: args.dashboardName,
            distributionId: r.distributionId,
            ...(args.webAclName !== undefined ? { webAclName: args.webAclName } : {}),
            healthCheckIds: r.healthCheckIds,
            regions: r.regions,
          }),
        ),
      },
      { parent: this },
    );
    this.dashboardName = dashboard.dashboardName;
    this.edgeBurnAlarmNames = args.edgeSlo
      ? declareBurnAlarms(
          name,
          edgeBurnAlarmSpecs(args.edgeSlo.prefix, args.edgeSlo.objectivePercent, args.distributionId),
          { region: "us-east-1", topicArn: args.edgeSlo.topicArn, tags: args.edgeSlo.tags },
          this,
        ).map(({ alarm }) => alarm.alarmName)
      : [];
    this.registerOutputs({ dashboardName: this.dashboardName, edgeBurnAlarmNames: this.edgeBurnAlarmNames });
  }
}
