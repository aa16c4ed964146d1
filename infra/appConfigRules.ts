/**
 * Rules of the application tier's config: AWS's ranges and naming rules for the load balancer,
 * auto-scaling groups, queues, certificates and alarms, checked on the effective values (stack
 * file plus profile defaults) so that deploy-time failures become offline errors.
 */
import { instanceTypeArchitecture, MAX_INSTANCE_TYPES, MAX_ROOT_VOLUME_GIB, MIN_ROOT_VOLUME_GIB } from "../components/compute/lib/images";
import { envSuffix, userDataProblems } from "../components/compute/lib/userData";
import { dnsNameProblem, hostedZoneIdProblem, labelProblem, parseAcmCertificateArn } from "../components/lib/dns";
import { healthCheckProblems, rangeProblem, tlsPolicyProblem, type FieldProblem, type Tls12Client } from "../components/loadbalancer/lib/listenerRules";
import { queueSpecProblems } from "../components/queue/lib/queueRules";
import { resolveAlarms, resolveDomain, resolveLoadBalancer, resolveQueues, resolveWeb, resolveWorker, type RegionShape, type TierConfig } from "./appConfig";
import type { ConfigIssue, ConfigPath } from "./configIssues";
import { ENVIRONMENTS, PROFILES, type Environment } from "./profiles";

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => value !== null && typeof value === "object" && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === "string";

/** What the rules need to know about the stack beyond its config. */
export interface NamingContext {
  /** Prefix of physical names, `<project>-<stack>`, lowercase. */
  readonly namePrefix: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const at = (base: ConfigPath, problems: readonly FieldProblem[]): ConfigIssue[] =>
  problems.map((problem) => ({
    path: [...base, ...problem.field.split(".")],
    // the path is printed already; drop a leading repeat of the field name
    message: problem.message.startsWith(`${problem.field} `) ? problem.message.slice(problem.field.length + 1) : problem.message,
  }));

/** The regions of a raw config that are usable for resolution. */
function regionShapes(raw: Raw): RegionShape[] {
  if (!Array.isArray(raw.regions)) return [];
  return raw.regions.flatMap((region) =>
    isObject(region) && isString(region.name) && Array.isArray(region.availabilityZones)
      ? [{ name: region.name, azCount: region.availabilityZones.length }]
      : [],
  );
}

/** Runs every application-tier rule. */
export function checkAppConfigRules(raw: Raw, naming: NamingContext): ConfigIssue[] {
  const environment = isString(raw.environment) && (ENVIRONMENTS as readonly string[]).includes(raw.environment) ? (raw.environment as Environment) : undefined;
  const regions = regionShapes(raw);
  const issues = [...checkDomain(raw, regions), ...checkQueues(raw, naming), ...checkAlarms(raw)];
  if (environment) {
    issues.push(...checkLoadBalancer(raw, environment), ...checkTiers(raw, environment, regions));
  }
  return issues;
}

function checkDomain(raw: Raw, regions: readonly RegionShape[]): ConfigIssue[] {
  if (!isObject(raw.domain)) return [];
  const rawDomain = raw.domain;
  const issues: ConfigIssue[] = [];
  if (isString(rawDomain.name)) {
    const problem = dnsNameProblem(rawDomain.name);
    if (problem) issues.push({ path: ["domain", "name"], message: problem });
  }
  if (isString(rawDomain.hostedZoneId)) {
    const problem = hostedZoneIdProblem(rawDomain.hostedZoneId);
    if (problem) issues.push({ path: ["domain", "hostedZoneId"], message: problem });
  }
  for (const key of ["apiSubdomain", "appSubdomain"] as const) {
    const label = rawDomain[key];
    if (isString(label)) {
      const problem = labelProblem(label);
      if (problem) issues.push({ path: ["domain", key], message: problem });
    }
  }
  const domain = resolveDomain(rawDomain);
  if (!domain) return issues;
  if (domain.apiName === domain.appName) {
    issues.push({
      path: ["domain", "appSubdomain"],
      message: `must differ from apiSubdomain: CloudFront serves ${domain.appName} and the load balancers serve ${domain.apiName}`,
    });
  }
  const regionNames = new Set(regions.map((region) => region.name));
  for (const [region, arn] of Object.entries(domain.certificateArns)) {
    const path = ["domain", "certificateArns", region];
    if (regionNames.size > 0 && !regionNames.has(region)) {
      issues.push({ path, message: `names a region the stack does not run in; the stack's regions are ${[...regionNames].join(", ")}` });
      continue;
    }
    const parsed = parseAcmCertificateArn(arn);
    if (typeof parsed === "string") {
      issues.push({ path, message: parsed });
    } else if (parsed.region !== region) {
      issues.push({
        path,
        message: `is a certificate in ${parsed.region}; a load balancer can only use a certificate from its own region (${region})`,
      });
    }
  }
  if (domain.hostedZoneId === undefined) {
    const missing = regions.map((region) => region.name).filter((name) => !(name in domain.certificateArns));
    if (missing.length > 0) {
      issues.push({
        path: ["domain"],
        message: `needs hostedZoneId (the stack then creates DNS-validated certificates) or certificateArns for every region; missing a certificate for ${missing.join(", ")}`,
        showValue: false,
      });
    }
  }
  return issues;
}

function checkLoadBalancer(raw: Raw, environment: Environment): ConfigIssue[] {
  const lb = resolveLoadBalancer(raw.loadBalancer, PROFILES[environment]);
  const problems = [
    rangeProblem("idleTimeoutSeconds", lb.idleTimeoutSeconds, 1, 4000, "seconds"),
    rangeProblem("accessLogRetentionDays", lb.accessLogRetentionDays, 1, 3650, "days"),
    rangeProblem("deregistrationDelaySeconds", lb.deregistrationDelaySeconds, 0, 3600, "seconds"),
  ].filter((problem): problem is FieldProblem => problem !== undefined);
  // only report what the stack file wrote; profile defaults are valid by construction
  const issues = at(["loadBalancer"], problems).filter((issue) => isObject(raw.loadBalancer) && issue.path[1]! in raw.loadBalancer);
  // With a domain the HTTPS listener's clients are CloudFront (and Route 53's checkers with a
  // zone), which speak at most TLS 1.2: a TLS 1.3-only policy would fail every request.
  const clients: Tls12Client[] = isObject(raw.domain) ? ["CloudFront", ...(raw.domain.hostedZoneId !== undefined ? (["Route 53 health checks"] as const) : [])] : [];
  const tls = tlsPolicyProblem(lb.sslPolicy, clients);
  if (tls) issues.push({ path: ["loadBalancer", "sslPolicy"], message: tls });
  return issues;
}

function checkTiers(raw: Raw, environment: Environment, regions: readonly RegionShape[]): ConfigIssue[] {
  const profile = PROFILES[environment];
  const web = resolveWeb(raw.web, profile, regions);
  const worker = resolveWorker(raw.worker, profile, regions);
  const issues: ConfigIssue[] = [
    ...checkTier(raw, "web", web, environment, regions),
    ...checkTier(raw, "worker", worker, environment, regions),
    ...at(["web", "healthCheck"], healthCheckProblems(web.healthCheck)),
  ];
  const webProblems = [
    rangeProblem("healthCheckGracePeriodSeconds", web.healthCheckGracePeriodSeconds, 0, 7200, "seconds"),
    rangeProblem("targetRequestsPerInstance", web.targetRequestsPerInstance, 1, 1_000_000),
    rangeProblem("targetCpuPercent", web.targetCpuPercent, 10, 90, "percent"),
  ].filter((problem): problem is FieldProblem => problem !== undefined);
  issues.push(...at(["web"], webProblems));
  const backlog = rangeProblem("targetBacklogPerInstance", worker.targetBacklogPerInstance, 1, 1_000_000);
  if (backlog) issues.push(...at(["worker"], [backlog]));
  return issues;
}

function checkTier(raw: Raw, key: "web" | "worker", tier: TierConfig, environment: Environment, regions: readonly RegionShape[]): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const profile = PROFILES[environment];
  const rawTier = isObject(raw[key]) ? (raw[key] as Raw) : {};
  const waived = isObject(raw.resilienceWaiver);

  if (tier.instanceTypes.length === 0 || tier.instanceTypes.length > MAX_INSTANCE_TYPES) {
    issues.push({
      path: [key, "instanceTypes"],
      message: `lists ${tier.instanceTypes.length} types; list 1 to ${MAX_INSTANCE_TYPES} (an auto-scaling group's limit)`,
      // the count says it; the whole list would bury it
      showValue: false,
    });
  }
  const seen = new Set<string>();
  tier.instanceTypes.forEach((instanceType, index) => {
    const path = [key, "instanceTypes", index];
    if (seen.has(instanceType)) issues.push({ path, message: "is listed twice" });
    seen.add(instanceType);
    const architecture = instanceTypeArchitecture(instanceType);
    if (typeof architecture !== "string") {
      issues.push({ path, message: architecture.problem });
    } else if (architecture !== tier.architecture) {
      issues.push({
        path,
        message: `runs ${architecture} but the tier's architecture is ${tier.architecture}; every type must run the tier's AMI (set ${key}.architecture or pick ${tier.architecture} types)`,
      });
    }
  });

  // Counts: reported once, against the first region where they break (they are the same elsewhere
  // except prod's per-AZ web minimum).
  for (const region of regions) {
    const capacity = tier.capacityByRegion[region.name];
    if (!capacity) continue;
    const countIssues: ConfigIssue[] = [];
    const { minSize, maxSize, desiredCapacity } = capacity;
    if (!Number.isInteger(minSize) || minSize < 0) countIssues.push({ path: [key, "minSize"], message: "must be a whole number, 0 or more" });
    if (!Number.isInteger(maxSize) || maxSize < 1 || maxSize > 1000) countIssues.push({ path: [key, "maxSize"], message: "must be a whole number from 1 to 1000" });
    if (minSize > maxSize) {
      countIssues.push({ path: [key, "minSize"], message: `is above maxSize (${maxSize}); AWS requires minSize <= desiredCapacity <= maxSize` });
    } else if (desiredCapacity < minSize || desiredCapacity > maxSize) {
      countIssues.push({ path: [key, "desiredCapacity"], message: `must lie between minSize (${minSize}) and maxSize (${maxSize})` });
    }
    if (key === "web" && minSize === 0) {
      countIssues.push({ path: [key, "minSize"], message: "must be at least 1: the load balancer needs a healthy target" });
    }
    if (key === "worker" && minSize === 0 && environment !== "dev") {
      countIssues.push({ path: [key, "minSize"], message: `may only be 0 in dev; ${environment} keeps a worker running so queues drain without a cold start` });
    }
    if (key === "web" && environment === "prod" && minSize < region.azCount && !waived) {
      countIssues.push({
        path: [key, "minSize"],
        message: `is ${minSize}, below ${region.name}'s ${region.azCount} AZs; prod keeps an instance per AZ (or set resilienceWaiver.reason)`,
        showValue: false,
      });
    }
    if (countIssues.length > 0) {
      issues.push(...countIssues);
      break;
    }
  }

  const sizeProblems = [
    rangeProblem("rootVolumeGiB", tier.rootVolumeGiB, MIN_ROOT_VOLUME_GIB, MAX_ROOT_VOLUME_GIB, "GiB"),
    rangeProblem("instanceRefreshMinHealthyPercent", tier.instanceRefreshMinHealthyPercent, 0, 100, "percent"),
    rangeProblem("spot.onDemandBaseCapacity", tier.onDemandBaseCapacity, 0, 1000),
    rangeProblem("spot.spotPercentage", tier.spotPercentage, 0, 100, "percent"),
  ].filter((problem): problem is FieldProblem => problem !== undefined);
  issues.push(...at([key], sizeProblems));
  if (tier.spotPercentage > profile.maxSpotPercentage && isObject(rawTier.spot)) {
    issues.push({
      path: [key, "spot", "spotPercentage"],
      message: `is above ${environment}'s limit of ${profile.maxSpotPercentage}; ${environment} runs on demand so a Spot reclaim never removes capacity`,
    });
  }
  if (tier.userData !== undefined) issues.push(...at([key], userDataProblems(tier.userData).map((message) => ({ field: "userData", message }))));
  return issues;
}

function checkQueues(raw: Raw, naming: NamingContext): ConfigIssue[] {
  if (!Array.isArray(raw.queues)) return [];
  const issues: ConfigIssue[] = [];
  if (raw.queues.length === 0) {
    return [{ path: ["queues"], message: "must list at least one queue: the worker tier consumes them (omit the key for the default queue)" }];
  }
  const queues = resolveQueues(raw.queues);
  const seen = new Map<string, number>();
  queues.forEach((queue, index) => {
    if (!isObject(raw.queues && (raw.queues as unknown[])[index]) || queue.name === "") return;
    // instances see BLUEPRINT_QUEUE_<NAME>_URL: names that differ only in case, - or _ would collide
    const key = envSuffix(queue.name);
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({
        path: ["queues", index, "name"],
        message: `duplicates queues[${first}].name once case, - and _ are ignored (both would be BLUEPRINT_QUEUE_${key}_URL); queue names must be unique`,
      });
    }
    seen.set(key, index);
    issues.push(...at(["queues", index], queueSpecProblems(queue, naming.namePrefix)));
  });
  return issues;
}

function checkAlarms(raw: Raw): ConfigIssue[] {
  if (!isObject(raw.alarms)) return [];
  const alarms = resolveAlarms(raw.alarms);
  const issues: ConfigIssue[] = [];
  if (alarms.email !== undefined && !EMAIL.test(alarms.email)) {
    issues.push({ path: ["alarms", "email"], message: "must be an email address such as ops@example.com" });
  }
  if (!(alarms.alb5xxPercent >= 0.1 && alarms.alb5xxPercent <= 100)) {
    issues.push({ path: ["alarms", "alb5xxPercent"], message: "must be from 0.1 to 100 percent" });
  }
  if (!(alarms.targetResponseP99Seconds >= 0.01 && alarms.targetResponseP99Seconds <= 60)) {
    issues.push({ path: ["alarms", "targetResponseP99Seconds"], message: "must be from 0.01 to 60 seconds" });
  }
  const age = alarms.queueOldestMessageAgeSeconds;
  if (!Number.isInteger(age) || age < 60) {
    issues.push({ path: ["alarms", "queueOldestMessageAgeSeconds"], message: "must be a whole number of seconds, 60 or more" });
  } else {
    const shortest = Math.min(...resolveQueues(raw.queues).map((queue) => queue.messageRetentionSeconds));
    if (age >= shortest) {
      issues.push({
        path: ["alarms", "queueOldestMessageAgeSeconds"],
        message: `must be below the shortest queue retention (${shortest} s); messages expire before the alarm could fire`,
      });
    }
  }
  return issues;
}
