/**
 * What a region's compute reaches at run time: the queues and caches its launch templates name
 * (in user data or any other property) and those its instance role's policies grant access to.
 * References are followed through property dependencies and through the values themselves
 * (queue ARNs and URLs, cache endpoints and ARNs, also of queues outside the stack).
 */
import type { PolicyResource } from "@pulumi/policy";
import { identifiers, known, ofType, refersTo } from "./graph";
import { regionOf } from "./region";

const LAUNCH_TEMPLATE_TYPE = "aws:ec2/launchTemplate:LaunchTemplate";
const INSTANCE_PROFILE_TYPE = "aws:iam/instanceProfile:InstanceProfile";
const ROLE_TYPE = "aws:iam/role:Role";
const ROLE_POLICY_TYPE = "aws:iam/rolePolicy:RolePolicy";
const ATTACHMENT_TYPE = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const MANAGED_POLICY_TYPE = "aws:iam/policy:Policy";

/** Data-path resources a region's compute must not share with another region. */
export const DATA_PATH_TYPES: Readonly<Record<string, string>> = {
  "aws:sqs/queue:Queue": "queue",
  "aws:elasticache/replicationGroup:ReplicationGroup": "cache",
  "aws:elasticache/cluster:Cluster": "cache",
  "aws:elasticache/serverlessCache:ServerlessCache": "cache",
};

/** Values in text that name a queue or cache and its region, even one the stack does not declare. */
const REGIONAL_REFERENCES: ReadonlyArray<{ readonly kind: string; readonly pattern: RegExp }> = [
  { kind: "queue", pattern: /arn:aws[a-z-]*:sqs:([a-z]{2}(?:-gov)?-[a-z]+-\d):\d{12}:[\w.-]+/g },
  { kind: "queue", pattern: /https:\/\/sqs\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com\/\d{12}\/[\w.-]+/g },
  { kind: "cache", pattern: /arn:aws[a-z-]*:elasticache:([a-z]{2}(?:-gov)?-[a-z]+-\d):\d{12}:[\w:.-]+/g },
];

/** Identifying values of a data-path resource, as they appear in user data and policies. */
const IDENTIFYING_PROPS = ["arn", "url", "primaryEndpointAddress", "readerEndpointAddress", "configurationEndpointAddress"];

/** One thing a compute resource reaches. */
export interface DataPathReference {
  readonly kind: string;
  /** The stack's resource, when the reference is to one. */
  readonly target?: PolicyResource;
  /** How it is named (resource name, or the ARN/URL found). */
  readonly label: string;
  readonly region: string;
  /** Through what: `its user data`, `role policy web-access`. */
  readonly via: string;
}

/** Base64 user data decoded when it decodes to text; otherwise the value itself. */
function userDataText(value: unknown): string {
  if (typeof value !== "string") return "";
  const compact = value.replace(/\s+/g, "");
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(compact) && compact.length % 4 === 0) {
    const decoded = Buffer.from(compact, "base64").toString("utf8");
    // eslint-disable-next-line no-control-regex -- binary bytes are what this tells text from
    if (!/[\u0000-\u0008\u000e-\u001f]/.test(decoded)) return `${value}\n${decoded}`;
  }
  return value;
}

/** A property's value as text to search (JSON for objects); empty when unknown. */
function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  return known(() => JSON.stringify(value)) ?? "";
}

/** True when `text` names `id` as a whole value (`…:jobs` does not match inside `…:jobs-dlq`). */
function mentions(text: string, id: string): boolean {
  for (let at = text.indexOf(id); at >= 0; at = text.indexOf(id, at + 1)) {
    if (!/[\w.-]/.test(text.charAt(at + id.length))) return true;
  }
  return false;
}

function referencesIn(carrier: PolicyResource, props: readonly string[], text: string, targets: readonly PolicyResource[], via: string): DataPathReference[] {
  const found: DataPathReference[] = [];
  const seen = new Set<string>();
  for (const target of targets) {
    const region = known(() => regionOf(target));
    if (region === undefined) continue;
    const named = props.some((prop) => (carrier.propertyDependencies[prop] ?? []).some((dep) => dep.urn === target.urn));
    const ids = identifiers(target, IDENTIFYING_PROPS);
    if (named || ids.some((id) => mentions(text, id))) {
      found.push({ kind: DATA_PATH_TYPES[target.type], target, label: target.name, region, via });
      ids.forEach((id) => seen.add(id));
    }
  }
  for (const { kind, pattern } of REGIONAL_REFERENCES) {
    for (const match of text.matchAll(pattern)) {
      if (seen.has(match[0])) continue;
      seen.add(match[0]);
      found.push({ kind, label: match[0], region: match[1], via });
    }
  }
  return found;
}

/** The roles a launch template's instances run as. */
function rolesOf(template: PolicyResource, resources: readonly PolicyResource[]): PolicyResource[] {
  const profiles = ofType(resources, INSTANCE_PROFILE_TYPE).filter((profile) => {
    if ((template.propertyDependencies.iamInstanceProfile ?? []).some((dep) => dep.urn === profile.urn)) return true;
    const declared = known((): unknown => template.props.iamInstanceProfile) as { arn?: unknown; name?: unknown } | undefined;
    const ids = identifiers(profile, ["arn", "name", "id"]);
    return (
      declared !== undefined &&
      [known((): unknown => declared.arn), known((): unknown => declared.name)].some((value) => typeof value === "string" && ids.includes(value))
    );
  });
  return ofType(resources, ROLE_TYPE).filter((role) => profiles.some((profile) => refersTo(profile, "role", role, ["name", "id"])));
}

/** Everything a launch template's instances reach: through the template's own properties and through their role's policies. */
export function launchTemplateDataPath(template: PolicyResource, resources: readonly PolicyResource[]): DataPathReference[] {
  const targets = resources.filter((resource) => resource.type in DATA_PATH_TYPES);
  const props = Object.keys(template.propertyDependencies);
  const ownText = [
    userDataText(known((): unknown => template.props.userData)),
    ...props.filter((prop) => prop !== "userData").map((prop) => textOf(known((): unknown => template.props[prop]))),
  ].join("\n");
  const references = referencesIn(template, props, ownText, targets, "its launch template");

  for (const role of rolesOf(template, resources)) {
    for (const policy of ofType(resources, ROLE_POLICY_TYPE).filter((candidate) => refersTo(candidate, "role", role, ["name", "id"]))) {
      references.push(...referencesIn(policy, ["policy"], textOf(known((): unknown => policy.props.policy)), targets, `role policy ${policy.name}`));
    }
    for (const attachment of ofType(resources, ATTACHMENT_TYPE).filter((candidate) => refersTo(candidate, "role", role, ["name", "id"]))) {
      for (const managed of ofType(resources, MANAGED_POLICY_TYPE).filter((candidate) => refersTo(attachment, "policyArn", candidate, ["arn", "id"]))) {
        references.push(...referencesIn(managed, ["policy"], textOf(known((): unknown => managed.props.policy)), targets, `policy ${managed.name}`));
      }
    }
  }
  return references;
}

/** The stack's launch templates. */
export function launchTemplates(resources: readonly PolicyResource[]): PolicyResource[] {
  return ofType(resources, LAUNCH_TEMPLATE_TYPE);
}
