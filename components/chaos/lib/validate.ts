/**
 * Validation of the RegionalChaos arguments, before any resource is declared. Inputs that are not
 * plain strings yet (outputs of other resources) are skipped, never unwrapped.
 */
import { regionInfo } from "../../lib/regions";
import { chaosNameProblems } from "./chaosNames";
import { chaosSettingsProblems, MAX_ACTION_NAME_LENGTH, MAX_DESCRIPTION_LENGTH, STOP_CONDITIONS, type ChaosSettings } from "./chaosRules";
import { CHAOS_DATABASE_KINDS, type ExperimentSpec } from "./experiments";

/** The arguments as validation sees them: Pulumi inputs are `unknown` until they are plain strings. */
export interface ChaosArgsShape {
  readonly region: string;
  readonly namePrefix: string;
  readonly settings: ChaosSettings;
  readonly database?: { readonly kind: string; readonly arn: unknown };
  readonly cache?: { readonly replicationGroupArn: unknown; readonly replicationGroupId: unknown; readonly availabilityZone: string };
  readonly stopAlarmArns: readonly unknown[];
}

/** A CloudWatch alarm ARN: partition, region, account and alarm name. */
const ALARM_ARN = /^arn:(aws|aws-cn|aws-us-gov):cloudwatch:([a-z0-9-]+):(\d{12}):alarm:(.+)$/;

/** Every problem of the stop alarms: count, shape, region, repeats. */
function stopAlarmProblems(region: string, arns: readonly unknown[]): string[] {
  const problems: string[] = [];
  if (arns.length < STOP_CONDITIONS.min) {
    problems.push(
      "stopAlarmArns is empty; every experiment needs at least one alarm that stops it (FIS would accept source none, an experiment nothing stops, which the blueprint refuses)",
    );
  }
  if (arns.length > STOP_CONDITIONS.max) {
    problems.push(
      `stopAlarmArns lists ${arns.length} alarms; FIS allows at most ${STOP_CONDITIONS.max} stop conditions per experiment template (pick the ${STOP_CONDITIONS.max} that matter most)`,
    );
  }
  const seen = new Set<string>();
  arns.forEach((arn, index) => {
    if (typeof arn !== "string") return;
    const match = ALARM_ARN.exec(arn);
    if (!match) {
      problems.push(`stopAlarmArns[${index}] "${arn}" is not a CloudWatch alarm ARN (arn:aws:cloudwatch:<region>:<account>:alarm:<name>)`);
    } else if (match[2] !== region) {
      problems.push(`stopAlarmArns[${index}] is an alarm of ${match[2]}, not of ${region}; an experiment stops on its own region's alarms`);
    }
    if (seen.has(arn)) problems.push(`stopAlarmArns[${index}] "${arn}" is listed twice`);
    seen.add(arn);
  });
  return problems;
}

/** Every problem of the experiments' names and descriptions (they grow with the name prefix). */
export function experimentSpecProblems(specs: readonly ExperimentSpec<unknown>[]): string[] {
  const problems: string[] = [];
  for (const spec of specs) {
    if (spec.description.length > MAX_DESCRIPTION_LENGTH) {
      problems.push(`the description of ${spec.experiment} is ${spec.description.length} characters long (FIS allows ${MAX_DESCRIPTION_LENGTH})`);
    }
    for (const [what, name] of [
      ["action", spec.action.name],
      ["target", spec.target.name],
    ] as const) {
      if (name.length > MAX_ACTION_NAME_LENGTH || !/^\S+$/.test(name)) {
        problems.push(`the ${what} name "${name}" of ${spec.experiment} must be 1 to ${MAX_ACTION_NAME_LENGTH} characters without spaces`);
      }
    }
  }
  return problems;
}

/** Every problem of the arguments, each naming the argument and the value; empty when valid. */
export function regionalChaosArgProblems(args: ChaosArgsShape): string[] {
  const problems: string[] = [];
  if (regionInfo(args.region) === undefined) problems.push(`region "${args.region}" is not a region the blueprint knows`);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(args.namePrefix)) {
    problems.push(`namePrefix "${args.namePrefix}" must be lowercase letters and digits separated by single hyphens`);
  } else {
    problems.push(...chaosNameProblems(args.namePrefix, args.region));
  }
  for (const problem of chaosSettingsProblems(args.settings, {}, { experimentsWritten: true })) {
    problems.push(`settings.${problem.field} ${problem.message}`);
  }
  problems.push(...stopAlarmProblems(args.region, args.stopAlarmArns));
  if (args.database !== undefined && !(CHAOS_DATABASE_KINDS as readonly string[]).includes(args.database.kind)) {
    problems.push(`database.kind "${args.database.kind}" must be one of ${CHAOS_DATABASE_KINDS.join(", ")}`);
  }
  if (args.cache !== undefined) {
    const zone = args.cache.availabilityZone;
    const letters = regionInfo(args.region)?.azLetters ?? [];
    if (!zone.startsWith(args.region) || !letters.includes(zone.slice(args.region.length))) {
      problems.push(`cache.availabilityZone "${zone}" is not an AZ of ${args.region}; give the AZ of the replication group's primary node`);
    }
  }
  return problems;
}
