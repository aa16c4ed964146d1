/**
 * Turns the text of a source stack file into the text of a new environment's stack file, keeping
 * every setting and comment the new stack can share and adapting, with a `new-env:` comment, what
 * belongs to the source stack or to regions the new stack does not run in.
 *
 * Pure (text in, text out): the YAML is edited as a document, not re-serialised from values, so
 * comments, blank lines and key order survive.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from "yaml";
import { regionInfo } from "../../components/lib/regions";
import { CONFIG_NAMESPACE } from "../../infra/configSchema";
import type { PlannedRegion } from "./regionPlan";

/** What the new stack is. */
export interface ForkOptions {
  /** The new stack's name. */
  readonly name: string;
  /** The source stack's name. */
  readonly from: string;
  /** The new stack's regions, in order (one is primary). */
  readonly regions: readonly PlannedRegion[];
  /** The command line that created the file, quoted in its header. */
  readonly command: string;
}

/** The new file and what the user should know about it. */
export interface ForkResult {
  readonly text: string;
  /** One line per adaptation (dropped keys, copied domain, opt-in regions, ...). */
  readonly notes: readonly string[];
}

/** Thrown when the source file cannot be forked (not YAML, no config map, no regions). */
export class ForkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ForkError";
  }
}

/** The stack file's key for the regions. */
export const REGIONS_KEY = `${CONFIG_NAMESPACE}:regions`;
const DOMAIN_KEY = `${CONFIG_NAMESPACE}:domain`;

/**
 * Top-level keys of a Pulumi stack file that belong to one stack's secrets provider: copying
 * them would make the new stack try to decrypt with the source's key.
 *
 * @see https://www.pulumi.com/docs/iac/concepts/secrets/
 */
export const STACK_SECRET_KEYS: readonly string[] = ["secretsprovider", "encryptedkey", "encryptionsalt"];

/**
 * ARNs of edge resources, which live in us-east-1 whatever the stack's regions are (CloudFront's
 * certificate, its WAF web ACL): naming us-east-1 is not a reference to a stack region.
 */
const EDGE_ARN = /^arn:aws:(acm|wafv2|cloudfront):us-east-1:/;

/**
 * Keys that only mean something with the domain (CloudFront's certificate for the domain's app
 * name): dropped with it. `components/cdn/section.ts` rejects them without a domain.
 */
export const DOMAIN_BOUND_KEYS: ReadonlyArray<readonly [section: string, key: string]> = [
  [`${CONFIG_NAMESPACE}:cdn`, "certificateArn"],
  [`${CONFIG_NAMESPACE}:cdn`, "certificateNames"],
];

/** A comment line the yaml package prints as a bare "#" ("" would print as a blank line). */
const EMPTY_COMMENT_LINE = " ";

/** Marks every comment the tool writes, so a reviewer can find and delete them. */
const MARK = " new-env:";

interface Context {
  readonly options: ForkOptions;
  /** Regions of the new stack. */
  readonly regionNames: ReadonlySet<string>;
  /** Source regions the new stack does not keep. */
  readonly removedRegions: readonly string[];
  readonly notes: string[];
  /** True when the source's domain has a hosted zone (the stack then issues its own certificates). */
  readonly domainHasHostedZone: boolean;
  /** Set when the domain cannot serve the new regions and is dropped. */
  dropDomainReason?: string;
}

/**
 * Forks a stack file.
 *
 * @param sourceText the source stack file's text.
 * @param sourcePath the source file's path, for error messages.
 * @throws ForkError when the source is not YAML or has no `config` map with regions.
 */
export function forkStackText(sourceText: string, sourcePath: string, options: ForkOptions): ForkResult {
  const doc = parseDocument(sourceText);
  if (doc.errors.length > 0) {
    throw new ForkError(`${sourcePath} is not valid YAML: ${doc.errors[0].message.split("\n")[0]}`);
  }
  const root = doc.contents;
  const config = isMap(root) ? root.get("config", true) : undefined;
  if (!isMap(root) || !isMap(config)) {
    throw new ForkError(`${sourcePath} has no config map to copy (expected "config:" with the stack's keys)`);
  }
  if (!isSeq(config.get(REGIONS_KEY))) {
    throw new ForkError(`${sourcePath} has no ${REGIONS_KEY} list to derive the new stack's regions from`);
  }
  const sourceRegions = regionNamesOf(config.get(REGIONS_KEY) as YAMLSeq);
  const regionNames = new Set(options.regions.map((region) => region.name));
  const domain = config.get(DOMAIN_KEY, true);
  const context: Context = {
    domainHasHostedZone: isMap(domain) && domain.has("hostedZoneId"),
    options,
    regionNames,
    removedRegions: sourceRegions.filter((name) => !regionNames.has(name)),
    notes: [],
  };

  dropStackSecrets(root, context);
  writeHeader(root, options);
  setDefaultRegion(config, options);
  rebuildRegions(doc, config, context);
  dropSecureValues(config, [], context);
  adaptRegionReferences(config, context);
  adaptDomain(config, context);
  noteOptInRegions(context);

  return { text: doc.toString({ flowCollectionPadding: false, lineWidth: 0 }), notes: context.notes };
}

function dropStackSecrets(root: YAMLMap, context: Context): void {
  for (const key of STACK_SECRET_KEYS) {
    const index = root.items.findIndex((pair) => keyOf(pair) === key);
    if (index >= 0) {
      // the file's header comment may sit on this key: hand it to the next one
      const comment = (root.items[index].key as Node).commentBefore;
      root.items.splice(index, 1);
      const next = root.items[index];
      if (comment && next && isScalar(next.key)) next.key.commentBefore = next.key.commentBefore ? `${comment}\n${next.key.commentBefore}` : comment;
      context.notes.push(
        `dropped ${key}: it belongs to ${context.options.from}'s secrets provider; \`pulumi stack init ${context.options.name}\` writes the new stack's own`,
      );
    }
  }
}

/** Adds the provenance lines after a `yaml-language-server` modeline (which must stay first). */
function writeHeader(root: YAMLMap, options: ForkOptions): void {
  const first = root.items[0];
  const holder: { commentBefore?: string | null } = first && isScalar(first.key) ? first.key : root;
  const lines = holder.commentBefore ? holder.commentBefore.split("\n") : [];
  const modeline: string[] = [];
  if (lines[0]?.trim().startsWith("yaml-language-server:")) {
    modeline.push(lines.shift()!, EMPTY_COMMENT_LINE);
    while (lines.length > 0 && lines[0].trim() === "") lines.shift();
  }
  const header = [
    ` ${options.name}: created by \`${options.command}\` from Pulumi.${options.from}.yaml.`,
    ` The settings and the comments below are ${options.from}'s; the VPC CIDRs are new and overlap no other stack's.`,
    ` Lines marked "new-env:" say what was adapted; delete them once reviewed.`,
  ];
  holder.commentBefore = [...modeline, ...header, ...(lines.length > 0 ? [EMPTY_COMMENT_LINE, ...lines] : [])].join("\n");
}

function setDefaultRegion(config: YAMLMap, options: ForkOptions): void {
  const primary = options.regions.find((region) => region.primary);
  // The default provider's region should be the primary region (the source's comment says why).
  if (primary && config.has("aws:region")) config.set("aws:region", primary.name);
}

function rebuildRegions(doc: Document, config: YAMLMap, context: Context): void {
  const sequence = config.get(REGIONS_KEY) as YAMLSeq<unknown>;
  const sourceItems = sequence.items.filter((item): item is YAMLMap => isMap(item));
  // A comment above the first entry is parsed as the list's; move it to the entry so it travels with it.
  if (sequence.commentBefore && sourceItems[0] && !sourceItems[0].commentBefore) {
    sourceItems[0].commentBefore = sequence.commentBefore;
    sequence.commentBefore = undefined;
  }
  const byName = new Map(sourceItems.map((item) => [String(item.get("name")), item]));
  sequence.items = context.options.regions.map((region) => {
    const source = byName.get(region.name);
    if (source) {
      const item = source.clone() as YAMLMap;
      item.set("vpcCidr", region.vpcCidr);
      setPrimary(doc, item, region.primary);
      return item;
    }
    const item = doc.createNode({
      name: region.name,
      ...(region.primary ? { primary: true } : {}),
      vpcCidr: region.vpcCidr,
      availabilityZones: [...region.availabilityZones],
    }) as YAMLMap;
    (item.get("availabilityZones", true) as unknown as YAMLSeq).flow = true;
    item.commentBefore = [
      `${MARK} ${region.name} is new; its AZs are the first ${region.availabilityZones.length} of components/lib/regions.ts.`,
      `   Check that the account has them (aws ec2 describe-availability-zones --region ${region.name}).`,
    ].join("\n");
    return item;
  });
  const regionsKey = config.items.find((pair) => keyOf(pair) === REGIONS_KEY)!.key as Node;
  appendComment(
    regionsKey,
    `${MARK} ${context.options.name}'s VPC blocks (${context.options.regions.map((region) => region.vpcCidr).join(", ")}) overlap no region of any stack in the stacks directory.`,
  );
  if (context.removedRegions.length > 0) {
    context.notes.push(`left out ${context.options.from}'s region(s) ${context.removedRegions.join(", ")}`);
  }
  const added = context.options.regions.filter((region) => !region.fromSource);
  for (const region of added) {
    context.notes.push(`added ${region.name} with AZs ${region.availabilityZones.join(", ")} (from the region table; check the account has them)`);
  }
}

/** Sets or removes `primary: true`, keeping it right after `name` as the source files write it. */
function setPrimary(doc: Document, item: YAMLMap, primary: boolean): void {
  if (!primary) {
    item.delete("primary");
    return;
  }
  if (item.has("primary")) {
    item.set("primary", true);
    return;
  }
  const nameIndex = item.items.findIndex((pair) => keyOf(pair) === "name");
  item.items.splice(nameIndex + 1, 0, doc.createPair("primary", true) as Pair<unknown, unknown>);
}

/** `{ secure: ... }` values are encrypted with the source stack's key: the new stack cannot read them. */
function dropSecureValues(map: YAMLMap, path: readonly string[], context: Context): void {
  for (let index = 0; index < map.items.length; index++) {
    const pair = map.items[index];
    const key = keyOf(pair);
    if (key === undefined) continue;
    const value = pair.value;
    if (isMap(value) && value.items.length === 1 && keyOf(value.items[0]) === "secure") {
      const dotted = [...path, key].join(".");
      removePair(
        map,
        index--,
        `${MARK} ${dotted} was a secret encrypted with ${context.options.from}'s key; set it again with\n   pulumi config set --secret ${path.length > 0 ? "--path " : ""}${dotted} <value> --stack ${context.options.name}`,
      );
      context.notes.push(`dropped the secret ${dotted}: set it with \`pulumi config set --secret\` for ${context.options.name}`);
    } else if (isMap(value)) {
      dropSecureValues(value, [...path, key], context);
    }
  }
}

/** Region-keyed maps, region lists and values that name a region the new stack leaves out. */
function adaptRegionReferences(config: YAMLMap, context: Context): void {
  adaptMapEntries(config, [], context, new Set([REGIONS_KEY, "aws:region"]));
}

/**
 * Walks a map's entries. A value that is exactly a left-out region (e.g. a replica region) is
 * dropped so that its default applies; other values are adapted recursively.
 */
function adaptMapEntries(map: YAMLMap, path: readonly string[], context: Context, skip: ReadonlySet<string> = new Set()): void {
  for (let index = 0; index < map.items.length; index++) {
    const pair = map.items[index];
    const key = keyOf(pair);
    if (key === undefined || skip.has(key) || isRegionName(key)) continue;
    const value = pair.value;
    if (isScalar(value) && typeof value.value === "string" && context.removedRegions.includes(value.value)) {
      const dotted = [...path, key].join(".");
      removePair(map, index--, `${MARK} ${dotted} was ${value.value}, where ${context.options.name} does not run; dropped so that its default applies.`);
      context.notes.push(`dropped ${dotted}: it was ${value.value}, where ${context.options.name} does not run (its default applies)`);
      continue;
    }
    adaptNode(value, [...path, key], pair, context);
  }
}

function adaptNode(node: unknown, path: readonly string[], owner: Pair, context: Context): void {
  if (isMap(node)) {
    if (node.items.some((pair) => isRegionName(keyOf(pair)))) adaptRegionMap(node, path, owner, context);
    adaptMapEntries(node, path, context);
  } else if (isSeq(node)) {
    const dropped = node.items.filter((item) => isScalar(item) && context.removedRegions.includes(String(item.value)));
    if (dropped.length > 0) {
      node.items = node.items.filter((item) => !dropped.includes(item));
      const names = dropped.map((item) => String((item as { value: unknown }).value)).join(", ");
      appendComment(owner.key as Node, `${MARK} removed ${names} from this list: ${context.options.name} does not run there.`);
      context.notes.push(`removed ${names} from ${dotted(path)}`);
    }
    node.items.forEach((item, index) => {
      if (!isScalar(item)) adaptNode(item, [...path, String(index)], owner, context);
    });
  } else if (isScalar(node) && typeof node.value === "string" && !EDGE_ARN.test(node.value)) {
    const mentioned = context.removedRegions.filter((region) => mentionsRegion(node.value as string, region));
    if (mentioned.length > 0) {
      appendComment(owner.key as Node, `${MARK} this value names ${mentioned.join(", ")}, where ${context.options.name} does not run; review it.`);
      context.notes.push(`${dotted(path)} names ${mentioned.join(", ")}, which ${context.options.name} does not run in: review it`);
    }
  }
}

/** A map keyed by region (e.g. domain.certificateArns): drop left-out regions, flag missing ones. */
function adaptRegionMap(map: YAMLMap, path: readonly string[], owner: Pair, context: Context): void {
  const removed: string[] = [];
  for (let index = 0; index < map.items.length; index++) {
    const key = keyOf(map.items[index]);
    if (isRegionName(key) && !context.regionNames.has(key!)) {
      removed.push(key!);
      map.items.splice(index--, 1);
    }
  }
  const present = new Set(map.items.map(keyOf));
  const missing = [...context.regionNames].filter((region) => !present.has(region));
  const isCertificates = path.length === 2 && path[0] === DOMAIN_KEY && path[1] === "certificateArns";
  if (isCertificates && missing.length > 0 && !context.domainHasHostedZone) {
    // ACM certificates are regional: the stack cannot use another region's, and the tool cannot issue one.
    context.dropDomainReason = `certificateArns has no certificate for ${missing.join(", ")} (ACM certificates are regional)`;
    return;
  }
  if (removed.length > 0) {
    appendComment(owner.key as Node, `${MARK} dropped the entries for ${removed.join(", ")}: ${context.options.name} does not run there.`);
    context.notes.push(`dropped ${dotted(path)} entries for ${removed.join(", ")}`);
  }
  if (missing.length > 0) {
    appendComment(owner.key as Node, `${MARK} no entry for ${missing.join(", ")}; add one per region.`);
    context.notes.push(`${dotted(path)} has no entry for ${missing.join(", ")}: add one per region`);
  }
}

/**
 * The domain's names, hosted zone and certificates were issued for the source stack. Without a
 * certificate for every region (and no hosted zone to issue them) it is dropped; otherwise it is
 * kept with a reminder, since two stacks cannot serve the same names.
 */
function adaptDomain(config: YAMLMap, context: Context): void {
  const index = config.items.findIndex((pair) => keyOf(pair) === DOMAIN_KEY);
  if (index < 0) return;
  if (context.dropDomainReason) {
    removePair(
      config,
      index,
      `${MARK} blueprint:domain was dropped: ${context.dropDomainReason}.\n` +
        `   The load balancers serve plain HTTP (a mandatory policy violation outside dev) until a domain\n   with a certificate per region, or a hostedZoneId, is added.`,
    );
    context.notes.push(`dropped blueprint:domain: ${context.dropDomainReason}; add a domain with a certificate per region or a hostedZoneId`);
    for (const [section, key] of DOMAIN_BOUND_KEYS) {
      const map = config.get(section);
      const keyIndex = isMap(map) ? map.items.findIndex((pair) => keyOf(pair) === key) : -1;
      if (keyIndex < 0) continue;
      removePair(map as YAMLMap, keyIndex, `${MARK} ${key} was dropped with blueprint:domain: it is the certificate of the domain's names.`);
      context.notes.push(`dropped ${section}.${key} with blueprint:domain`);
    }
    return;
  }
  appendComment(
    config.items[index].key as Node,
    `${MARK} copied from ${context.options.from}: give ${context.options.name} its own domain name (and certificates for it)\n` +
      `   before deploying; two stacks cannot serve the same DNS names.`,
  );
  context.notes.push(`blueprint:domain is ${context.options.from}'s: give ${context.options.name} its own domain name before deploying`);
}

function noteOptInRegions(context: Context): void {
  for (const region of context.options.regions) {
    if (!region.fromSource && regionInfo(region.name)?.optIn) {
      context.notes.push(`${region.name} is an opt-in region: enable it for the account before deploying`);
    }
  }
}

function regionNamesOf(sequence: YAMLSeq): string[] {
  return sequence.items.flatMap((item) => (isMap(item) && typeof item.get("name") === "string" ? [item.get("name") as string] : []));
}

function keyOf(pair: Pair | undefined): string | undefined {
  return pair && isScalar(pair.key) && typeof pair.key.value === "string" ? pair.key.value : undefined;
}

function isRegionName(key: string | undefined): boolean {
  return key !== undefined && regionInfo(key) !== undefined;
}

/** True when `text` names the region as a whole word (an ARN, an AZ name), not as part of another region. */
function mentionsRegion(text: string, region: string): boolean {
  return new RegExp(`(^|[^a-z0-9-])${region.replace(/-/g, "\\-")}(?![0-9])`).test(text);
}

function dotted(path: readonly string[]): string {
  return path.join(".");
}

/** Adds a comment line (or lines) after a node's existing leading comment. */
function appendComment(node: Node, text: string): void {
  node.commentBefore = node.commentBefore ? `${node.commentBefore}\n${text}` : text;
}

/** Removes a pair and leaves `comment` where it was: before the next key, or after the map. */
function removePair(map: YAMLMap, index: number, comment: string): void {
  map.items.splice(index, 1);
  const next = map.items[index];
  if (next && isScalar(next.key)) {
    next.key.commentBefore = next.key.commentBefore ? `${comment}\n${next.key.commentBefore}` : comment;
  } else {
    map.comment = map.comment ? `${map.comment}\n${comment}` : comment;
  }
}
