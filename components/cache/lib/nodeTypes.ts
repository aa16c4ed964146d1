/**
 * The ElastiCache node types a Valkey or Redis OSS replication group can be created with, the
 * oldest engine version each supports, and which of them a Global Datastore accepts.
 *
 * ElastiCache rejects an unknown node type, a node type older than the engine version allows, and
 * (for a Global Datastore) a burstable or previous-generation node only when `pulumi up` calls
 * CreateReplicationGroup, so the table lives here and config validation reads it. `[volatile]`:
 * AWS adds families (m8g, r8g and c8gn are the latest) and retires old ones.
 *
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheNodes.SupportedTypes.html
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Redis-Global-Datastores-Getting-Started.html
 */
import { atLeast, ENGINE_LABELS, type CacheEngine } from "./engineVersions";

/** Sizes of the Graviton families, smallest first. */
const GRAVITON_SIZES = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"] as const;
/** Sizes of the burstable families. */
const BURSTABLE_SIZES = ["micro", "small", "medium"] as const;

/** One node family as ElastiCache offers it. */
export interface NodeFamily {
  /** Sizes AWS offers, smallest first. */
  readonly sizes: readonly string[];
  /** Oldest engine version per engine; an engine without an entry cannot run on the family. */
  readonly minVersion: Readonly<Partial<Record<CacheEngine, string>>>;
  /** Per-size exceptions to `minVersion` (cache.t4g.micro runs older Redis OSS than small and medium). */
  readonly minVersionBySize?: Readonly<Record<string, Readonly<Partial<Record<CacheEngine, string>>>>>;
  /** T families: CPU credits, never enough for a Global Datastore. */
  readonly burstable: boolean;
  /** Whether a Global Datastore member may use the family (at size large or above). */
  readonly globalDatastore: boolean;
  /** r6gd: data tiering, which needs `dataTieringEnabled`; the blueprint does not offer it. */
  readonly dataTiering?: boolean;
}

/**
 * The families of current-generation node types, keyed by the middle part of `cache.<family>.<size>`.
 *
 * T2 is absent: AWS moved it to previous generation and no longer creates new T2 clusters. M4 and
 * R4 are still offered but previous-generation for a Global Datastore. The Global Datastore page
 * lists M5, M6g, M7g, R5, R6g, R6gd, R7g and C7gn, and its newest revision says only "size large
 * and above"; the Graviton4 families (m8g, r8g, c8gn) are taken as supported on that reading.
 * `[volatile]`
 */
export const NODE_FAMILIES: Readonly<Record<string, NodeFamily>> = {
  m8g: { sizes: GRAVITON_SIZES, minVersion: { valkey: "7.2" }, burstable: false, globalDatastore: true },
  m7g: { sizes: GRAVITON_SIZES, minVersion: { valkey: "7.2", redis: "6.2" }, burstable: false, globalDatastore: true },
  m6g: { sizes: GRAVITON_SIZES, minVersion: { valkey: "7.2", redis: "5.0.6" }, burstable: false, globalDatastore: true },
  m5: {
    sizes: ["large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"],
    minVersion: { valkey: "7.2", redis: "4.0.10" },
    burstable: false,
    globalDatastore: true,
  },
  m4: {
    sizes: ["large", "xlarge", "2xlarge", "4xlarge", "10xlarge"],
    minVersion: { valkey: "7.2", redis: "4.0.10" },
    burstable: false,
    globalDatastore: false,
  },
  r8g: { sizes: GRAVITON_SIZES, minVersion: { valkey: "7.2" }, burstable: false, globalDatastore: true },
  r7g: { sizes: GRAVITON_SIZES, minVersion: { valkey: "7.2", redis: "6.2" }, burstable: false, globalDatastore: true },
  r6g: { sizes: GRAVITON_SIZES, minVersion: { valkey: "7.2", redis: "5.0.6" }, burstable: false, globalDatastore: true },
  r6gd: {
    sizes: ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"],
    minVersion: { valkey: "7.2", redis: "6.2.0" },
    burstable: false,
    globalDatastore: true,
    dataTiering: true,
  },
  r5: {
    sizes: ["large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"],
    minVersion: { valkey: "7.2", redis: "4.0.10" },
    burstable: false,
    globalDatastore: true,
  },
  r4: {
    sizes: ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge"],
    minVersion: { valkey: "7.2", redis: "4.0.10" },
    burstable: false,
    globalDatastore: false,
  },
  c8gn: { sizes: GRAVITON_SIZES, minVersion: { valkey: "7.2" }, burstable: false, globalDatastore: true },
  c7gn: { sizes: GRAVITON_SIZES, minVersion: { valkey: "7.2", redis: "6.2" }, burstable: false, globalDatastore: true },
  t4g: {
    sizes: BURSTABLE_SIZES,
    minVersion: { valkey: "7.2", redis: "5.0.6" },
    minVersionBySize: { micro: { valkey: "7.2", redis: "4.0.10" } },
    burstable: true,
    globalDatastore: false,
  },
  t3: { sizes: BURSTABLE_SIZES, minVersion: { valkey: "7.2", redis: "4.0.10" }, burstable: true, globalDatastore: false },
};

/** Sizes in the order AWS ranks them; "large and above" is every size from `large` on. */
const SIZE_ORDER = ["micro", "small", "medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "10xlarge", "12xlarge", "16xlarge", "24xlarge"];

/** The smallest size a Global Datastore accepts. `[volatile]` */
export const GLOBAL_DATASTORE_MIN_SIZE = "large";

/** A node type split into its parts. */
export interface ParsedNodeType {
  readonly family: string;
  readonly size: string;
  readonly info: NodeFamily;
}

const NODE_TYPE = /^cache\.([a-z0-9]+)\.([a-z0-9]+)$/;

/** The families as a readable list, e.g. for messages. */
export const nodeFamilyList = (filter: (family: NodeFamily) => boolean = () => true): string =>
  Object.entries(NODE_FAMILIES)
    .filter(([, family]) => filter(family) && !family.dataTiering)
    .map(([name]) => name)
    .join(", ");

/** The parts of a node type, or why it is not one ElastiCache can create. */
export function parseNodeType(nodeType: string): ParsedNodeType | { readonly problem: string } {
  const match = NODE_TYPE.exec(nodeType);
  if (!match) {
    return { problem: `${JSON.stringify(nodeType)} is not an ElastiCache node type; write cache.<family>.<size>, e.g. cache.r7g.large` };
  }
  const [, family, size] = match as unknown as [string, string, string];
  if (family === "t2" || family === "t1" || family === "m1" || family === "m2" || family === "m3" || family === "c1" || family === "r3") {
    return {
      problem: `${nodeType} is a previous-generation node type AWS no longer creates; use ${family.startsWith("t") ? "cache.t4g" : "a current family such as cache.m7g or cache.r7g"}`,
    };
  }
  const info = NODE_FAMILIES[family];
  if (!info) return { problem: `${nodeType} is not a node type ElastiCache offers; the families are ${nodeFamilyList()}` };
  if (!info.sizes.includes(size)) {
    return { problem: `${nodeType} does not exist: the ${family} family comes in ${info.sizes.join(", ")}` };
  }
  if (info.dataTiering) {
    return {
      problem:
        `${nodeType} is a data-tiering node, which needs dataTieringEnabled and keeps cold data on SSD; ` +
        "the blueprint does not offer data tiering (choose cache.r7g or cache.r6g)",
    };
  }
  return { family, size, info };
}

/** Why the engine version cannot run on the node type, or undefined when it can. */
export function nodeTypeEngineProblem(parsed: ParsedNodeType, engine: CacheEngine, engineVersion: string): string | undefined {
  const minimum = parsed.info.minVersionBySize?.[parsed.size]?.[engine] ?? parsed.info.minVersion[engine];
  const nodeType = `cache.${parsed.family}.${parsed.size}`;
  if (minimum === undefined) {
    const engines = Object.keys(parsed.info.minVersion).map((name) => ENGINE_LABELS[name as CacheEngine]);
    return `${nodeType} runs ${engines.join(" and ")} only, not ${ENGINE_LABELS[engine]}`;
  }
  if (!atLeast(engineVersion, minimum)) {
    return `${nodeType} needs ${ENGINE_LABELS[engine]} ${minimum} or later; the engine version is ${engineVersion}`;
  }
  return undefined;
}

/** Why a Global Datastore cannot use the node type, or undefined when it can. */
export function globalDatastoreNodeTypeProblem(parsed: ParsedNodeType): string | undefined {
  const nodeType = `cache.${parsed.family}.${parsed.size}`;
  const families = nodeFamilyList((family) => family.globalDatastore);
  if (!parsed.info.globalDatastore) {
    const why = parsed.info.burstable ? "burstable (T) nodes" : "previous-generation nodes";
    return `${nodeType} cannot join a Global Datastore: ${why} are not supported; use ${families} at size ${GLOBAL_DATASTORE_MIN_SIZE} or above`;
  }
  if (SIZE_ORDER.indexOf(parsed.size) < SIZE_ORDER.indexOf(GLOBAL_DATASTORE_MIN_SIZE)) {
    return `${nodeType} is too small for a Global Datastore, which needs size ${GLOBAL_DATASTORE_MIN_SIZE} or above`;
  }
  return undefined;
}
