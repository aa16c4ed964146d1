/**
 * One region's telemetry: the tiers' log groups (on the region's log key), the agents'
 * configurations as SSM parameters and their boot steps and IAM statements, the Prometheus
 * workspace with its SLO rules and alert manager, the SLO burn-rate alarms and the composite
 * "region unhealthy" alarm that the chaos experiments stop on.
 *
 * Cost per region: 4 log groups (ingestion and storage), 4 standard SSM parameters (free), 8 metric
 * alarms and 5 composite alarms; with Prometheus a workspace (ingestion, storage, queries).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Route } from "../cdn/lib/routes/model";
import type { IamStatement } from "../lib/iam";
import { agentStatements } from "./lib/agentPolicy";
import { renderCloudwatchAgentConfig } from "./lib/agentConfig";
import { agentBootSteps, type BootStepsInput } from "./lib/bootSteps";
import { remoteWriteUrl, renderCollectorConfig } from "./lib/collectorConfig";
import { MAX_STANDARD_PARAMETER_BYTES } from "./lib/limits";
import { telemetryNames, TIERS, type TelemetryNames, type Tier } from "./lib/names";
import { alertManagerDefinition, SLO_RULES_NAMESPACE, sloRules } from "./lib/prometheusRules";
import { alarmRule, burnAlarmSpecs } from "./lib/slo";
import { declareBurnAlarms } from "./burnAlarms";
import type { TelemetrySettings } from "./settings";
import { createCanaries, type CanarySpec } from "./canaries";
import { queryProblems, SAVED_QUERIES } from "./lib/queries";

export type { TelemetrySettings } from "./settings";

/** How a tier's instances boot: the agents' packages depend on it. */
export type TierPlatform = Pick<BootStepsInput, "os" | "architecture">;

/** Arguments of a RegionalTelemetry. */
export interface RegionalTelemetryArgs {
  readonly region: string;
  /** `<project>-<stack>`. */
  readonly namePrefix: string;
  /** The stack's name (log group names, resource attributes). */
  readonly stack: string;
  readonly settings: TelemetrySettings;
  /** The region's log key: every log group here is encrypted with it. */
  readonly logKmsKeyArn: pulumi.Input<string>;
  /** The region's alarm topic: the SLO, composite and Prometheus alerts notify it. */
  readonly alarmTopicArn: pulumi.Input<string>;
  /** The region's load balancer (the SLIs' dimensions). */
  readonly loadBalancer: { readonly arnSuffix: pulumi.Input<string>; readonly targetGroupArnSuffix: pulumi.Input<string> };
  /** The stack's routes (blueprint:routes): the per-class SLO rules, with Prometheus. @default none (region-wide SLOs only) */
  readonly routes?: readonly Route[];
  /** Each tier's OS and architecture. */
  readonly platforms: Readonly<Record<Tier, TierPlatform>>;
  /** The canaries, when `settings.canaries` is on; an `origin` canary's alarm makes the region unhealthy. @default none */
  readonly canaries?: readonly CanarySpec[];
  /** Pulumi `protect` on the canaries' artefact bucket. @default false */
  readonly protect?: boolean;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** A region's logs, agents, Prometheus workspace and SLO alarms. */
export class RegionalTelemetry extends pulumi.ComponentResource {
  public readonly names: TelemetryNames;
  /** Each tier's boot steps (a shell fragment; names only), when the agents are on. */
  public readonly bootSteps: Partial<Record<Tier, string>>;
  /** What each tier's instances may do for the agents. */
  public readonly policyStatements: Readonly<Record<Tier, pulumi.Output<IamStatement<string>[]>>>;
  /** The composite "region unhealthy" alarm (FIS stop condition, routing and resilience signal). */
  public readonly regionUnhealthyAlarmArn: pulumi.Output<string>;
  public readonly regionUnhealthyAlarmName: pulumi.Output<string>;
  /** The composite burn alarms' names and ARNs. */
  public readonly burnAlarmNames: pulumi.Output<string>[];
  public readonly burnAlarmArns: pulumi.Output<string>[];
  /** The Prometheus workspace, when the region has one. */
  public readonly workspace?: { readonly id: pulumi.Output<string>; readonly arn: pulumi.Output<string>; readonly prometheusEndpoint: pulumi.Output<string> };
  /** The tiers' log group names. */
  public readonly logGroupNames: readonly string[];

  constructor(name: string, args: RegionalTelemetryArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:telemetry:RegionalTelemetry", name, {}, opts);
    const { region, settings } = args;
    const tags = { ...(args.tags ?? {}) };
    const opt = { parent: this };
    const names = telemetryNames(args.namePrefix, args.stack, region);
    this.names = names;

    // the stack creates the groups (encrypted, with retention); the agents only write to them
    const logGroups = TIERS.flatMap((tier) =>
      (["application", "system"] as const).map(
        (kind) =>
          [
            tier,
            new aws.cloudwatch.LogGroup(
              `${name}-${tier}-${kind}`,
              {
                region,
                name: names.logGroups[tier][kind],
                retentionInDays: settings.logRetentionDays,
                kmsKeyId: args.logKmsKeyArn,
                tags: { ...tags, Tier: tier },
              },
              opt,
            ),
          ] as const,
      ),
    );
    this.logGroupNames = TIERS.flatMap((tier) => [names.logGroups[tier].application, names.logGroups[tier].system]);

    // saved Logs Insights queries, ready to run on the region's groups
    for (const [i, query] of SAVED_QUERIES.entries()) {
      const problems = queryProblems(query);
      if (problems.length > 0) throw new Error(`RegionalTelemetry ${name}: ${problems.join("; ")}`);
      const groups = TIERS.flatMap((tier) =>
        query.groups === "all" ? [names.logGroups[tier].application, names.logGroups[tier].system] : [names.logGroups[tier][query.groups]],
      );
      new aws.cloudwatch.QueryDefinition(
        `${name}-query-${i + 1}`,
        { region, name: `${names.queryFolder}/${query.name}`, queryString: query.queryString, logGroupNames: groups },
        { parent: this, dependsOn: logGroups.map(([, group]) => group) },
      );
    }

    const workspace = settings.prometheus ? new aws.amp.Workspace(`${name}-prometheus`, { region, alias: names.workspaceAlias, tags }, opt) : undefined;
    if (workspace) {
      new aws.amp.RuleGroupNamespace(
        `${name}-slo-rules`,
        { region, workspaceId: workspace.id, name: SLO_RULES_NAMESPACE, data: sloRules(settings, args.routes ?? []), tags },
        opt,
      );
      new aws.amp.AlertManagerDefinition(
        `${name}-alert-manager`,
        { region, workspaceId: workspace.id, definition: pulumi.output(args.alarmTopicArn).apply((topicArn) => alertManagerDefinition(topicArn, region)) },
        opt,
      );
      this.workspace = { id: workspace.id, arn: workspace.arn, prometheusEndpoint: workspace.prometheusEndpoint };
    }

    const parameter = (tier: Tier, agent: "cloudwatchAgent" | "collector", value: pulumi.Input<string>) =>
      new aws.ssm.Parameter(
        `${name}-${tier}-${agent === "cloudwatchAgent" ? "cloudwatch-agent" : "otel-collector"}`,
        {
          region,
          name: names.parameters[tier][agent],
          description: `${agent === "cloudwatchAgent" ? "CloudWatch agent" : "ADOT collector"} configuration of the ${tier} tier in ${region}`,
          type: "String",
          tier: "Standard",
          // not a secret: log group names and the workspace's endpoint, readable in the plan
          insecureValue: pulumi.output(value).apply((text) => {
            const bytes = Buffer.byteLength(text, "utf8");
            if (bytes > MAX_STANDARD_PARAMETER_BYTES) {
              throw new Error(
                `RegionalTelemetry ${name}: the ${tier} ${agent} configuration is ${bytes} bytes, above a standard SSM parameter's ${MAX_STANDARD_PARAMETER_BYTES}`,
              );
            }
            return text;
          }),
          tags: { ...tags, Tier: tier },
        },
        opt,
      );
    const statements: Partial<Record<Tier, pulumi.Output<IamStatement<string>[]>>> = {};
    const bootSteps: Partial<Record<Tier, string>> = {};
    for (const tier of TIERS) {
      const tierGroups = logGroups.filter(([t]) => t === tier).map(([, group]) => group.arn);
      if (!settings.agents) {
        statements[tier] = pulumi.output([]);
        continue;
      }
      const agentParameter = parameter(tier, "cloudwatchAgent", renderCloudwatchAgentConfig({ region, tier, logGroups: names.logGroups[tier] }));
      const collectorParameter = parameter(
        tier,
        "collector",
        workspace
          ? workspace.prometheusEndpoint.apply((endpoint) =>
              renderCollectorConfig({ region, tier, stack: args.stack, remoteWriteUrl: remoteWriteUrl(endpoint) }),
            )
          : renderCollectorConfig({ region, tier, stack: args.stack }),
      );
      statements[tier] = pulumi
        .all([pulumi.all(tierGroups), agentParameter.arn, collectorParameter.arn, workspace?.arn])
        .apply(([groupArns, agentArn, collectorArn, workspaceArn]) =>
          agentStatements<string>({
            logGroupArns: groupArns.flatMap((arn) => [arn, `${arn}:*`]),
            parameterArns: [agentArn, collectorArn],
            ...(workspaceArn !== undefined ? { workspaceArn } : {}),
          }),
        );
      bootSteps[tier] = agentBootSteps({ region, tier, stack: args.stack, parameters: names.parameters[tier], ...args.platforms[tier] });
    }
    this.policyStatements = statements as Record<Tier, pulumi.Output<IamStatement<string>[]>>;
    this.bootSteps = bootSteps;

    // SLO burn alarms: a metric alarm per window, a composite per window pair
    const actions = { actionsEnabled: true, alarmActions: [args.alarmTopicArn], okActions: [args.alarmTopicArn] };
    const burnSpecs = burnAlarmSpecs(names.sloAlarmPrefix, settings, {
      loadBalancer: args.loadBalancer.arnSuffix,
      targetGroup: args.loadBalancer.targetGroupArnSuffix,
    });
    const burnAlarms = declareBurnAlarms(name, burnSpecs, { region, topicArn: args.alarmTopicArn, tags }, this);
    this.burnAlarmNames = burnAlarms.map(({ alarm }) => alarm.alarmName);
    this.burnAlarmArns = burnAlarms.map(({ alarm }) => alarm.arn);

    const canaryAlarms =
      settings.canaries && (args.canaries ?? []).length > 0
        ? createCanaries(
            name,
            {
              region,
              namePrefix: args.namePrefix,
              canaries: args.canaries ?? [],
              intervalMinutes: settings.canaryIntervalMinutes,
              retentionDays: Math.min(settings.logRetentionDays, 455),
              keyArn: args.logKmsKeyArn,
              alarmTopicArn: args.alarmTopicArn,
              protect: args.protect ?? false,
              tags,
            },
            this,
          )
        : {};

    // unhealthy: a fast burn of either SLI, or a failing check of the region's origin
    const fast = burnAlarms.filter(({ spec }) => spec.condition.key === "fast").map(({ alarm }) => alarm.alarmName);
    const unhealthy = new aws.cloudwatch.CompositeAlarm(
      `${name}-region-unhealthy`,
      {
        region,
        alarmName: names.regionUnhealthyAlarm,
        alarmDescription: `${region} is unhealthy: its availability or latency SLO burns its error budget faster than 14.4x, or its origin canary fails. Stops chaos experiments; a signal for routing away from the region.`,
        alarmRule: pulumi.all([...fast, ...(canaryAlarms.origin ? [canaryAlarms.origin.name] : [])]).apply((alarmNames) => alarmRule("OR", alarmNames)),
        ...actions,
        tags,
      },
      opt,
    );
    this.regionUnhealthyAlarmArn = unhealthy.arn;
    this.regionUnhealthyAlarmName = unhealthy.alarmName;

    this.registerOutputs({ regionUnhealthyAlarmArn: this.regionUnhealthyAlarmArn, burnAlarmNames: this.burnAlarmNames });
  }
}
