/**
 * Physical names of a region's chaos resources and the AWS limits they must fit.
 */
import { MAX_ROLE_NAME_LENGTH } from "./chaosRules";

/**
 * Log groups whose name starts with this share one CloudWatch Logs resource policy for vended
 * logs, instead of one policy entry per group: the account's resource policies are few (10 per
 * region) and small (5,120 characters), and every service that delivers logs adds to them.
 */
export const VENDED_LOG_GROUP_PREFIX = "/aws/vendedlogs/";

/** Longest CloudWatch Logs log group name. */
export const MAX_LOG_GROUP_NAME_LENGTH = 512;

/** The experiment role of a region: IAM names are global, so the region is part of it. */
export function chaosRoleName(namePrefix: string, region: string): string {
  return `${namePrefix}-${region}-fis`;
}

/** The log group of the region's experiment logs (one log stream per experiment run). */
export function experimentLogGroupName(namePrefix: string): string {
  return `${VENDED_LOG_GROUP_PREFIX}fis/${namePrefix}`;
}

/** Every problem of the names derived from the prefix and region, each naming the derived name. */
export function chaosNameProblems(namePrefix: string, region: string): string[] {
  const problems: string[] = [];
  const role = chaosRoleName(namePrefix, region);
  if (role.length > MAX_ROLE_NAME_LENGTH)
    problems.push(`the experiment role name "${role}" is ${role.length} characters long (IAM allows ${MAX_ROLE_NAME_LENGTH})`);
  if (!/^[\w+=,.@-]+$/.test(role)) problems.push(`the experiment role name "${role}" has characters IAM refuses (allowed: letters, digits and + = , . @ _ -)`);
  const logGroup = experimentLogGroupName(namePrefix);
  if (logGroup.length > MAX_LOG_GROUP_NAME_LENGTH)
    problems.push(`the log group name "${logGroup}" is ${logGroup.length} characters long (CloudWatch Logs allows ${MAX_LOG_GROUP_NAME_LENGTH})`);
  if (!/^[.\-_/#A-Za-z0-9]+$/.test(logGroup))
    problems.push(`the log group name "${logGroup}" has characters CloudWatch Logs refuses (allowed: letters, digits and . - _ / #)`);
  return problems;
}
