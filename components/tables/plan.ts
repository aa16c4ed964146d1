/**
 * Plan facts of the tables component: DynamoDB tables (the global table, in the primary region)
 * and their replicas in the other regions; what replaces them; the diagram's table boxes with the
 * replication between them; and the report's table replication section.
 */
import { always, type ComponentPlanFacts, type EdgeContext, type ReportContext } from "../lib/plan/facts";
import { named, textInput, type Builder } from "../lib/plan/mock";
import { arn } from "../lib/plan/mockIds";
import { referenced } from "../lib/plan/graphQueries";
import { stringInput } from "../lib/plan/planGraph";
import { traffic, type CostRule } from "../lib/plan/cost";

/** A DynamoDB table. */
export const DYNAMODB_TABLE = "aws:dynamodb/table:Table";
/** A replica of a DynamoDB global table in another region. */
export const DYNAMODB_TABLE_REPLICA = "aws:dynamodb/tableReplica:TableReplica";

/** The stream label DynamoDB returns: the stream's creation time in ISO 8601 (fixed, so plans are stable). */
const MOCK_STREAM_LABEL = "2026-01-01T00:00:00.000";

/** A table: its ID is its name; the ARN, and the stream's ARN and label when the stream is on. */
export const table: Builder = (input, region) => {
  const name = named(input);
  const tableArn = arn("dynamodb", region, `table/${name}`);
  const stream = input.inputs.streamEnabled === true ? { streamArn: `${tableArn}/stream/${MOCK_STREAM_LABEL}`, streamLabel: MOCK_STREAM_LABEL } : {};
  return { id: name, outputs: { arn: tableArn, ...stream } };
};

/**
 * A replica: the provider's ID is `<table name>:<main region>`, and its ARN is the table's ARN in
 * the replica's region.
 */
export const tableReplica: Builder = (input, region) => {
  const globalArn = textInput(input, "globalTableArn") ?? "";
  const match = /^arn:[^:]+:dynamodb:([^:]+):[^:]+:table\/(.+)$/.exec(globalArn);
  const name = match?.[2] ?? input.name;
  const mainRegion = match?.[1] ?? region;
  return { id: `${name}:${mainRegion}`, outputs: { arn: arn("dynamodb", region, `table/${name}`) } };
};

/** Each replica is fed by, and feeds, its table (global tables replicate every way). */
function replicationEdges({ graph, nodeOf, connect }: EdgeContext): void {
  for (const replica of graph.ofTypes([DYNAMODB_TABLE_REPLICA])) {
    const source = referenced(graph, replica, "globalTableArn", new Set([DYNAMODB_TABLE]));
    if (source) connect(nodeOf(source.urn), nodeOf(replica.urn), "replication", "global table");
  }
}

/** The report's table replication: per table, where each region's copy is and how it is kept. */
export function tableReplicationSection(context: ReportContext): string[] {
  const tables = context.graph.ofTypes([DYNAMODB_TABLE]);
  if (tables.length === 0) return [];
  const replicas = context.graph.ofTypes([DYNAMODB_TABLE_REPLICA]);
  const header = ["table", ...context.regions];
  const rows = tables.map((source) => {
    const mine = replicas.filter((replica) => context.graph.propertyDependenciesOf(replica, "globalTableArn").includes(source.urn));
    const cells = context.regions.map((region) => {
      if (source.region === region)
        return `table${source.inputs.pointInTimeRecovery && (source.inputs.pointInTimeRecovery as { enabled?: unknown }).enabled === true ? ", PITR" : ""}`;
      const replica = mine.find((candidate) => candidate.region === region);
      return replica ? `replica${replica.inputs.pointInTimeRecovery === true ? ", PITR" : ""}` : "**none**";
    });
    return [`\`${stringInput(source, "name") ?? source.name}\``, ...cells];
  });
  return [
    "### Table replication",
    "",
    "Each DynamoDB global table and its copy in every region (the table in the region that created it, a replica elsewhere), each under its own region's key; every copy takes writes and replicates them to the others.",
    "",
    "| " + header.join(" | ") + " |",
    "| " + header.map(() => "---").join(" | ") + " |",
    ...rows.map((row) => "| " + row.join(" | ") + " |"),
    "",
  ];
}

/** The tables component's facts. */
/** How tables are billed: on demand, by requests and storage. */
const TABLES_COSTS: Readonly<Record<string, CostRule>> = {
  "aws:dynamodb/table:Table": traffic("on-demand read and write request units and storage ($0.25 per GB-month)"),
  "aws:dynamodb/tableReplica:TableReplica": traffic("replicated write request units and storage in the replica's region"),
};

export const tablesPlanFacts: ComponentPlanFacts = {
  component: "tables",
  costs: TABLES_COSTS,
  types: [
    {
      type: DYNAMODB_TABLE,
      mock: table,
      creation: {
        seconds: 30,
        basis: "experience: an empty on-demand table is active in under a minute (longer with streams and a customer key); provider create timeout 30 min",
      },
      stateful: {
        label: "table",
        loses: "every item of the table (and, through replication, of every replica)",
        replacedBy: always(
          "region",
          "name",
          "hashKey",
          "rangeKey",
          "localSecondaryIndexes",
          "restoreSourceName",
          "restoreSourceTableArn",
          "restoreDateTime",
          "restoreToLatestTime",
          "importTable",
        ),
      },
      kind: "table",
      noun: "table",
    },
    {
      type: DYNAMODB_TABLE_REPLICA,
      mock: tableReplica,
      creation: {
        seconds: 600,
        basis: "experience: 5-15 min for a replica of an empty table (DynamoDB copies existing items first); provider create timeout 30 min",
      },
      stateful: {
        label: "table replica",
        loses: "the region's copy of the table (rebuilt from the other replicas when re-added)",
        replacedBy: always("region", "globalTableArn", "kmsKeyArn"),
      },
      kind: "table",
      noun: "replica",
    },
  ],
  edges: { replication: replicationEdges },
  report: tableReplicationSection,
};
