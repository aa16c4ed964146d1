/**
 * Resilience policies: what a region-scale failure needs before it happens. Every database has a
 * backup copy in another region (AWS Backup, outside the replication path), every load balancer
 * can be shifted off an impaired AZ (ARC zonal shift), and the stack's Region switch plan covers
 * every region it runs in.
 */
import type { PolicyResource } from "@pulumi/policy";
import { onType, resourcePolicy, stackPolicy, validateResourceOfTypes, type BlueprintPolicy } from "./lib/define";
import { ENVIRONMENTS, resilienceWaiver, stackEnvironment } from "./lib/environment";
import { known, ofType, ofTypes, stringsProp } from "./lib/graph";
import { arnRegion, regionOf, workloadRegions } from "./lib/region";
import * as aws from "@pulumi/aws";

const DATABASE_TYPES = ["aws:rds/cluster:Cluster", "aws:rds/instance:Instance"];
const BACKUP_PLAN = "aws:backup/plan:Plan";
const BACKUP_SELECTION = "aws:backup/selection:Selection";
const SWITCH_PLAN = "aws:arcregionswitch/plan:Plan";

/** The regions a backup plan's rules copy to (from the destination vault ARNs), unknown ones left out. */
function copyRegions(plan: PolicyResource): string[] {
  const rules: unknown = known((): unknown => plan.props.rules);
  if (!Array.isArray(rules)) return [];
  return rules.flatMap((rule: unknown) => {
    const actions = rule !== null && typeof rule === "object" ? (rule as { copyActions?: unknown }).copyActions : undefined;
    return Array.isArray(actions)
      ? actions.flatMap((action: unknown) => {
          const arn = action !== null && typeof action === "object" ? (action as { destinationVaultArn?: unknown }).destinationVaultArn : undefined;
          const region = typeof arn === "string" ? arnRegion(arn) : undefined;
          return region ? [region] : [];
        })
      : [];
  });
}

/** Whether a selection names the database (its ARN among the resources, or a dependency on it). */
function selects(selection: PolicyResource, database: PolicyResource): boolean {
  if ((selection.propertyDependencies.resources ?? []).some((dep) => dep.urn === database.urn)) return true;
  const arn: unknown = known((): unknown => database.props.arn);
  return typeof arn === "string" && (known(() => stringsProp(selection, "resources")) ?? []).includes(arn);
}

/** Every database is backed up with a copy in another region. */
export const stackRequireCrossRegionBackup = stackPolicy({
  name: "stack-require-cross-region-backup",
  description:
    "Checks that in the configured environments every database cluster and instance is selected by an AWS Backup plan of its region that copies each recovery point to another region's vault.",
  severity: "high",
  service: "stack",
  remediationSteps:
    "Keep blueprint:backup enabled (the staging and prod default): components/backup selects every database member and copies to the next region's vault.",
  ids: { wellArchitected: ["REL09-BP01", "REL09-BP02"], awsguard: ["rds-in-backup-plan"] },
  configSchema: {
    properties: {
      environments: {
        type: "array",
        items: { type: "string", enum: [...ENVIRONMENTS] },
        default: ["staging", "prod"],
        description: "Environments whose databases need a cross-region backup copy.",
      },
    },
  },
  validateStack: (args, reportViolation) => {
    const config = args.getConfig<{ environments: string[] }>();
    const environment = stackEnvironment(args, undefined);
    if (environment !== undefined && !config.environments.includes(environment))
      args.notApplicable(`Applies to ${config.environments.join(", ")}; this stack is ${environment}.`);
    const databases = ofTypes(args.resources, DATABASE_TYPES);
    if (databases.length === 0) args.notApplicable("The stack has no database.");
    // a one-region stack (a profile that allows it, or a resilience waiver) has no other region to copy to
    if (workloadRegions(args.resources).length < 2) args.notApplicable("The stack runs in one region: there is no other region to copy to.");
    const plans = ofType(args.resources, BACKUP_PLAN);
    const selections = ofType(args.resources, BACKUP_SELECTION);
    for (const database of databases) {
      const region = regionOf(database);
      const covered = selections.some((selection) => {
        if (!selects(selection, database)) return false;
        const plan = plans.find((candidate) => (selection.propertyDependencies.planId ?? []).some((dep) => dep.urn === candidate.urn));
        return plan !== undefined && copyRegions(plan).some((target) => target !== region);
      });
      if (!covered) reportViolation(`Database ${database.name} (${region ?? "unknown region"}) has no backup copied to another region.`, database.urn);
    }
  },
});

/** Every load balancer can be shifted off an impaired AZ. */
export const loadBalancerEnableZonalShift = resourcePolicy({
  name: "aws-lb-loadbalancer-enable-zonal-shift",
  description: "Checks that every load balancer has ARC zonal shift enabled, so its traffic can be moved off an impaired AZ (by hand, or by autoshift).",
  severity: "medium",
  service: "loadbalancer",
  remediationSteps: "Set `enableZonalShift: true` on the load balancer (components/loadbalancer always does).",
  ids: { wellArchitected: ["REL10-BP01", "REL11-BP03"] },
  validateResource: validateResourceOfTypes(
    onType(aws.lb.LoadBalancer, (lb, _args, reportViolation) => {
      if (lb.enableZonalShift !== true) reportViolation("Zonal shift is off: the load balancer cannot be shifted off an impaired AZ.");
    }),
    onType(aws.alb.LoadBalancer, (lb, _args, reportViolation) => {
      if (lb.enableZonalShift !== true) reportViolation("Zonal shift is off: the load balancer cannot be shifted off an impaired AZ.");
    }),
  ),
});

/** The Region switch plan covers every region. */
export const stackRequireSwitchPlanCoverage = stackPolicy({
  name: "stack-require-switch-plan-covers-every-region",
  description:
    "Checks that a stack running in more than one region has ARC Region switch plans whose regions together include every region the workload runs in, each plan listing exactly two regions (ARC's CreatePlan refuses any other number).",
  severity: "high",
  service: "stack",
  remediationSteps:
    "The blueprint declares one plan per pair of regions (components/resilience/regionSwitchPlan.ts); keep them, and let a new region get its pairs.",
  ids: { wellArchitected: ["REL13-BP02", "REL13-BP03"] },
  validateStack: (args, reportViolation) => {
    const waiver = resilienceWaiver(args.stackTags);
    const regions = workloadRegions(args.resources);
    if (regions.length < 2) args.notApplicable(waiver ? `One region (resilience waiver: ${waiver}).` : "The stack runs in one region.");
    const plans = ofType(args.resources, SWITCH_PLAN).map((plan) => ({ plan, regions: known(() => stringsProp(plan, "regions")) }));
    for (const { plan, regions: listed } of plans)
      if (listed !== undefined && listed.length !== 2)
        reportViolation(
          `Region switch plan ${plan.name} lists ${listed.length} region(s) (${listed.join(", ")}); ARC takes exactly two per plan: declare one plan per pair.`,
          plan.urn,
        );
    const covered = new Set(plans.flatMap(({ regions: listed }) => listed ?? []));
    const missing = regions.filter((region) => !covered.has(region));
    if (missing.length > 0) reportViolation(`No Region switch plan covers ${missing.join(", ")}: a switchover there is a runbook, not a plan.`);
  },
});

/** A CloudWatch alarm ARN's region and name. */
const ALARM_ARN = /^arn:aws[a-z-]*:cloudwatch:([a-z0-9-]+):\d{12}:alarm:.+$/;

/** Every fault injection stops on its region's alarms. */
export const experimentTemplateRequireAlarmStopCondition = resourcePolicy({
  name: "aws-fis-experimenttemplate-require-alarm-stop-condition",
  description:
    "Checks that every AWS FIS experiment template stops on at least one CloudWatch alarm of its own region (a scheduled drill nobody watches must stop itself), and lists no `none` stop condition beside them.",
  severity: "high",
  service: "fis",
  remediationSteps:
    "Give the template the region's health alarms as stop conditions (`source: aws:cloudwatch:alarm`, components/resilience/healthAlarms.ts), never `source: none`.",
  ids: { wellArchitected: ["REL12-BP04"] },
  validateResource: validateResourceOfTypes(
    onType(aws.fis.ExperimentTemplate, (template, args, reportViolation) => {
      const conditions = (template.stopConditions ?? []) as Array<{ source?: unknown; value?: unknown }>;
      const region = regionOf({ type: args.type, props: args.props, ...(args.provider ? { provider: args.provider } : {}) });
      const alarms = conditions.filter((condition) => condition.source === "aws:cloudwatch:alarm");
      if (conditions.some((condition) => condition.source === "none"))
        reportViolation("A stop condition is `none`: the experiment has a condition that never stops it; list only CloudWatch alarms.");
      if (alarms.length === 0) {
        reportViolation("No CloudWatch alarm stops the experiment: once started (by hand or on a schedule) it runs to its end whatever it breaks.");
        return;
      }
      for (const alarm of alarms) {
        const match = typeof alarm.value === "string" ? ALARM_ARN.exec(alarm.value) : null;
        if (typeof alarm.value === "string" && !match) reportViolation(`Stop condition ${alarm.value} is not a CloudWatch alarm ARN.`);
        else if (match && region !== undefined && match[1] !== region)
          reportViolation(
            `Stop condition ${String(alarm.value)} is an alarm of ${match[1]}; FIS stops an experiment only on alarms of its own region (${region}).`,
          );
      }
    }),
  ),
});

/** The resilience policies, in the order the reference lists them. */
export const RESILIENCE_POLICIES: readonly BlueprintPolicy[] = [
  stackRequireCrossRegionBackup,
  loadBalancerEnableZonalShift,
  stackRequireSwitchPlanCoverage,
  experimentTemplateRequireAlarmStopCondition,
];
