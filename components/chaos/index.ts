/**
 * One region's chaos experiments: AWS FIS experiment templates that terminate a share of the web
 * tier's instances, fail the region's database over, and cut power to the cache primary's AZ,
 * each stopped by the region's alarms, run by one least-privilege role per region, and logged to
 * a CloudWatch log group.
 *
 * Templates do nothing until someone starts an experiment (console, CLI or a scheduled job):
 * declaring them is free, running them is the point. The component declares an experiment in a
 * region when the stack enables it and the region has its target (a region whose database member
 * cannot fail over gets no `database`; see `databaseFailoverRunsIn`).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { chaosRoleName, experimentLogGroupName } from "./lib/chaosNames";
import type { ChaosExperimentName, ChaosSettings } from "./lib/chaosRules";
import {
  cacheFailoverSpec,
  databaseFailoverSpec,
  experimentTemplateName,
  terminateWebInstancesSpec,
  type ChaosDatabaseKind,
  type ExperimentPlace,
  type ExperimentSpec,
} from "./lib/experiments";
import { chaosRolePolicy, fisTrustPolicy } from "./lib/rolePolicy";
import { experimentSpecProblems, regionalChaosArgProblems } from "./lib/validate";

export * from "./lib/chaosRules";
export { ASG_NAME_TAG, CACHE_TARGET_TAG, cacheChaosTargetTags, type ChaosDatabaseKind } from "./lib/experiments";
export { chaosRoleName, experimentLogGroupName } from "./lib/chaosNames";

/** The FIS log schema the templates write (version 2: resolved targets as objects, action errors). */
export const FIS_LOG_SCHEMA_VERSION = 2;

/** Arguments of the RegionalChaos component. */
export interface RegionalChaosArgs {
  /** Region of the templates, the log group and every target. */
  readonly region: string;
  /** `<project>-<stack>`: prefix of the role (`<namePrefix>-<region>-fis`) and log group names. */
  readonly namePrefix: string;
  /** The stack's chaos settings, defaults applied (the same in every region). */
  readonly settings: ChaosSettings;
  /**
   * The web tier's auto-scaling group: `terminate-web-instances` targets the running instances that
   * carry its `aws:autoscaling:groupName` tag, and may terminate nothing else.
   */
  readonly webAutoScalingGroupName: pulumi.Input<string>;
  /**
   * The region's database member, when `failover-database` can run here: the Aurora cluster that
   * holds the writer (FailoverDBCluster), or an RDS instance with Multi-AZ (reboot with failover).
   * @default - no database experiment in this region
   */
  readonly database?: {
    readonly kind: ChaosDatabaseKind;
    readonly arn: pulumi.Input<string>;
    /** The region's members of the other database shards, failed over by the same experiment. @default [] */
    readonly shardArns?: readonly pulumi.Input<string>[];
  };
  /**
   * The region's replication group (Multi-AZ, automatic failover), when `failover-cache` runs here.
   * FIS finds the group by its `ChaosTarget` tag (`cacheChaosTargetTags(replicationGroupId)`), which
   * the group must carry; `availabilityZone` is where its primary node runs (the region's first AZ).
   * @default - no cache experiment in this region
   */
  readonly cache?: {
    readonly replicationGroupArn: pulumi.Input<string>;
    readonly replicationGroupId: pulumi.Input<string>;
    readonly availabilityZone: string;
  };
  /**
   * The region's alarms (load balancer 5xx, latency...): any of them in ALARM stops a running
   * experiment. 1 to 5 (FIS's limit); none is refused.
   */
  readonly stopAlarmArns: readonly pulumi.Input<string>[];
  /** Customer managed key of the experiment log group (the region's log key). @default the CloudWatch Logs service key */
  readonly logKmsKeyArn?: pulumi.Input<string>;
  /** Tags of the templates and the log group (`Region` included); the role gets them without `Region`. */
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * A region's chaos experiments.
 *
 * Cost: nothing while no experiment runs (templates, the role and an empty log group are free);
 * FIS bills per action-minute of a running experiment, and the log group its ingestion.
 */
export class RegionalChaos extends pulumi.ComponentResource {
  /** Region of the experiments. */
  public readonly region: string;
  /** Template IDs (`EXT…`) by experiment name, for the experiments declared in this region. */
  public readonly experimentTemplateIds: Readonly<Record<string, pulumi.Output<string>>>;
  /** ARN of the experiment role, when any experiment is declared. */
  public readonly roleArn?: pulumi.Output<string>;
  /** Name of the experiment log group, when any experiment is declared. */
  public readonly logGroupName?: pulumi.Output<string>;

  constructor(name: string, args: RegionalChaosArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:chaos:RegionalChaos", name, {}, opts);

    const argProblems = regionalChaosArgProblems(args);
    // the specs are built from valid arguments only (an unknown database kind has no spec)
    const specs = argProblems.length === 0 ? declaredExperiments(args) : [];
    const problems = [...argProblems, ...experimentSpecProblems(specs)];
    if (problems.length > 0) {
      throw new Error(`RegionalChaos ${name} has invalid arguments:\n  - ${problems.join("\n  - ")}`);
    }

    const { region, settings } = args;
    this.region = region;
    if (specs.length === 0) {
      // disabled, or no target here: no role or log group waiting for experiments that never come
      this.experimentTemplateIds = {};
      this.registerOutputs({ experimentTemplateIds: this.experimentTemplateIds });
      return;
    }

    const opt = { parent: this };
    const tags = { ...args.tags };
    // IAM is global: the role carries no Region tag
    const { Region: _region, ...roleTags } = args.tags;
    const identity = aws.getCallerIdentityOutput({}, opt);
    const partition = aws.getPartitionOutput({}, opt);
    const declared = new Set<ChaosExperimentName>(specs.map((spec) => spec.experiment));

    const role = new aws.iam.Role(
      `${name}-chaos`,
      {
        name: chaosRoleName(args.namePrefix, region),
        description: `AWS FIS experiments of ${args.namePrefix} in ${region}: ${[...declared].join(", ")}`,
        assumeRolePolicy: pulumi
          .all([partition.partition, identity.accountId])
          .apply(([partitionName, accountId]) => fisTrustPolicy({ partition: partitionName, accountId, region })),
        tags: roleTags,
      },
      opt,
    );

    const logGroup = new aws.cloudwatch.LogGroup(
      `${name}-chaos`,
      {
        region,
        name: experimentLogGroupName(args.namePrefix),
        retentionInDays: settings.logRetentionDays,
        ...(args.logKmsKeyArn !== undefined ? { kmsKeyId: args.logKmsKeyArn } : {}),
        tags,
      },
      opt,
    );

    const web = declared.has("terminate-web-instances") ? args.webAutoScalingGroupName : undefined;
    const database = declared.has("failover-database") ? args.database : undefined;
    const cache = declared.has("failover-cache") ? args.cache : undefined;
    const rolePolicy = new aws.iam.RolePolicy(
      `${name}-chaos`,
      {
        role: role.name,
        name: "fis-experiments",
        policy: pulumi
          .all([partition.partition, identity.accountId, web, database?.arn, cache?.replicationGroupArn, pulumi.all([...(database?.shardArns ?? [])])])
          .apply(([partitionName, accountId, groupName, databaseArn, cacheArn, shardArns]) =>
            chaosRolePolicy(
              { partition: partitionName, accountId, region },
              {
                ...(groupName !== undefined ? { webAutoScalingGroupName: groupName } : {}),
                ...(database !== undefined && databaseArn !== undefined
                  ? { database: { kind: database.kind, arn: databaseArn, ...(shardArns.length > 0 ? { shardArns } : {}) } }
                  : {}),
                ...(cacheArn !== undefined ? { cache: { replicationGroupArn: cacheArn } } : {}),
                logging: true,
              },
            ),
          ),
      },
      opt,
    );

    const stopConditions = args.stopAlarmArns.map((arn) => ({ source: "aws:cloudwatch:alarm", value: arn }));
    const templateIds: Record<string, pulumi.Output<string>> = {};
    for (const spec of specs) {
      const template = new aws.fis.ExperimentTemplate(
        `${name}-chaos-${spec.experiment}`,
        {
          region,
          description: spec.description,
          roleArn: role.arn,
          stopConditions,
          targets: [templateTarget(spec)],
          actions: [templateAction(spec)],
          experimentOptions: { accountTargeting: "single-account", emptyTargetResolutionMode: "fail" },
          logConfiguration: {
            logSchemaVersion: FIS_LOG_SCHEMA_VERSION,
            // FIS wants the log group ARN with its `:*` suffix
            cloudwatchLogsConfiguration: { logGroupArn: pulumi.interpolate`${logGroup.arn}:*` },
          },
          tags: { ...tags, Name: experimentTemplateName(args.namePrefix, region, spec.experiment) },
        },
        // a template must not be startable before its role holds the permissions
        { parent: this, dependsOn: [rolePolicy] },
      );
      templateIds[spec.experiment] = template.id;
    }

    this.experimentTemplateIds = templateIds;
    this.roleArn = role.arn;
    this.logGroupName = logGroup.name;
    this.registerOutputs({ experimentTemplateIds: this.experimentTemplateIds, roleArn: this.roleArn, logGroupName: this.logGroupName });
  }
}

/** The experiments this region declares: enabled in the settings, and with a target here. */
function declaredExperiments(args: RegionalChaosArgs): ExperimentSpec<pulumi.Input<string>>[] {
  if (!args.settings.enabled) return [];
  const place: ExperimentPlace = { namePrefix: args.namePrefix, region: args.region, stopAlarmCount: args.stopAlarmArns.length };
  const { settings } = args;
  return settings.experiments.flatMap((experiment): ExperimentSpec<pulumi.Input<string>>[] => {
    switch (experiment) {
      case "terminate-web-instances":
        return [terminateWebInstancesSpec(args.webAutoScalingGroupName, settings.terminatePercentage, place)];
      case "failover-database":
        return args.database ? [databaseFailoverSpec(args.database.kind, args.database.arn, place, args.database.shardArns ?? [])] : [];
      case "failover-cache":
        return args.cache ? [cacheFailoverSpec(args.cache.replicationGroupId, args.cache.availabilityZone, settings.cacheInterruptionDuration, place)] : [];
      default:
        throw new Error(`Unknown chaos experiment '${String(experiment satisfies never)}'`);
    }
  });
}

/** The provider's shape of a spec's target (keys left out when unused, so the plan shows only what is set). */
function templateTarget(spec: ExperimentSpec<pulumi.Input<string>>): aws.types.input.fis.ExperimentTemplateTarget {
  const { target } = spec;
  return {
    name: target.name,
    resourceType: target.resourceType,
    selectionMode: target.selectionMode,
    ...(target.resourceArns ? { resourceArns: [...target.resourceArns] } : {}),
    ...(target.resourceTags ? { resourceTags: target.resourceTags.map((tag) => ({ key: tag.key, value: tag.value })) } : {}),
    ...(target.filters ? { filters: target.filters.map((filter) => ({ path: filter.path, values: [...filter.values] })) } : {}),
    ...(target.parameters ? { parameters: { ...target.parameters } } : {}),
  };
}

/** The provider's shape of a spec's action, pointing at the spec's target. */
function templateAction(spec: ExperimentSpec<pulumi.Input<string>>): aws.types.input.fis.ExperimentTemplateAction {
  const { action } = spec;
  return {
    name: action.name,
    actionId: action.actionId,
    description: action.description,
    ...(action.parameters.length > 0 ? { parameters: action.parameters.map((parameter) => ({ key: parameter.key, value: parameter.value })) } : {}),
    target: { key: action.targetKey, value: spec.target.name },
  };
}
