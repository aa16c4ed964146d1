/**
 * DynamoDB global tables (version 2019.11.21): per configured table, the table in the primary
 * region and a `TableReplica` in every other region, each encrypted with its own region's customer
 * managed key, with point-in-time recovery, deletion protection from the profile, and alarms on
 * throttling and replication latency in every region.
 *
 * The replicas are separate resources (not the table's `replicas` block), so adding a region adds
 * a resource and replaces nothing; the table ignores its `replicas` attribute, which AWS fills in.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { metricAlarmInputs } from "../observability/metricAlarmInputs";
import { tableAlarmSpecs } from "./lib/tableAlarms";
import { tablePhysicalName, tableSpecProblems } from "./lib/tableRules";
import type { TableSpec } from "./settings";

export type { TableSpec } from "./settings";
export { tablePhysicalName, tableUserStatements, TABLE_ITEM_ACTIONS } from "./lib/tableRules";

/** Inputs of the table that Pulumi must not reconcile: `replicas`, which AWS reports for the TableReplica resources. */
export const TABLE_IGNORED_CHANGES: readonly string[] = ["replicas"];

/** Arguments of the GlobalTables component. */
export interface GlobalTablesArgs {
  /** The region the tables are created in (the stack's primary). */
  readonly primaryRegion: string;
  /** Every region of the stack, the primary included; each gets a replica. */
  readonly regions: readonly string[];
  /** `<project>-<stack>`: prefix of every physical name. */
  readonly namePrefix: string;
  /** The tables, defaults applied. */
  readonly tables: readonly TableSpec[];
  /** Each region's customer managed key. */
  readonly kmsKeyArns: Readonly<Record<string, pulumi.Input<string>>>;
  /** Each region's alarm topic. */
  readonly alarmTopicArns: Readonly<Record<string, pulumi.Input<string>>>;
  /** Pulumi `protect` on the tables and replicas. @default false */
  readonly protect?: boolean;
  /** Tags of every table, replica and alarm (without `Region`: the replicas live in several). @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** One table, as the tiers of a region see it. */
export interface RegionalTable {
  /** The logical name of `blueprint:tables`. */
  readonly name: string;
  /** The physical name, the same in every region. */
  readonly tableName: string;
  /** The region's replica's ARN. */
  readonly arn: pulumi.Output<string>;
}

/**
 * The stack's global tables.
 *
 * Cost: on demand, per request unit in each region (replicated writes bill in every region) and
 * storage per replica; point-in-time recovery per GB; two or more alarms per table and region.
 */
export class GlobalTables extends pulumi.ComponentResource {
  /** Per region, the region's replica of each table. */
  public readonly byRegion: Readonly<Record<string, readonly RegionalTable[]>>;

  constructor(name: string, args: GlobalTablesArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:tables:GlobalTables", name, {}, opts);
    const problems = args.tables.flatMap((spec) =>
      tableSpecProblems(spec, { namePrefix: args.namePrefix, regionCount: args.regions.length }).map(
        (problem) => `${spec.name}.${problem.field} ${problem.message}`,
      ),
    );
    if (!args.regions.includes(args.primaryRegion)) problems.push(`primaryRegion ${args.primaryRegion} must be one of regions`);
    for (const region of args.regions) {
      if (args.kmsKeyArns[region] === undefined) problems.push(`kmsKeyArns has no key for ${region}`);
      if (args.alarmTopicArns[region] === undefined) problems.push(`alarmTopicArns has no topic for ${region}`);
    }
    if (problems.length > 0) throw new Error(`GlobalTables ${name} has invalid arguments:\n  - ${problems.join("\n  - ")}`);

    const tags = { ...(args.tags ?? {}) };
    const opt = { parent: this };
    const stateful = { parent: this, protect: args.protect ?? false };
    const byRegion: Record<string, RegionalTable[]> = Object.fromEntries(args.regions.map((region) => [region, []]));

    for (const spec of args.tables) {
      const tableName = tablePhysicalName(args.namePrefix, spec.name);
      const base = `${name}-${spec.name}`;
      const attributes = [
        { name: spec.partitionKey, type: spec.partitionKeyType },
        ...(spec.sortKey !== undefined ? [{ name: spec.sortKey, type: spec.sortKeyType }] : []),
      ];
      const table = new aws.dynamodb.Table(
        base,
        {
          region: args.primaryRegion,
          name: tableName,
          billingMode: spec.billingMode,
          ...(spec.billingMode === "PROVISIONED" ? { readCapacity: spec.readCapacity, writeCapacity: spec.writeCapacity } : {}),
          hashKey: spec.partitionKey,
          ...(spec.sortKey !== undefined ? { rangeKey: spec.sortKey } : {}),
          attributes,
          ...(spec.ttlAttribute !== undefined ? { ttl: { enabled: true, attributeName: spec.ttlAttribute } } : {}),
          ...(spec.stream !== "none" ? { streamEnabled: true, streamViewType: spec.stream } : { streamEnabled: false }),
          serverSideEncryption: { enabled: true, kmsKeyArn: args.kmsKeyArns[args.primaryRegion] },
          pointInTimeRecovery: { enabled: spec.pointInTimeRecovery },
          deletionProtectionEnabled: spec.deletionProtection,
          tags: { ...tags, Region: args.primaryRegion },
        },
        { ...stateful, ignoreChanges: [...TABLE_IGNORED_CHANGES] },
      );
      byRegion[args.primaryRegion].push({ name: spec.name, tableName, arn: table.arn });

      for (const region of args.regions.filter((candidate) => candidate !== args.primaryRegion)) {
        const replica = new aws.dynamodb.TableReplica(
          `${base}-${region}`,
          {
            region,
            globalTableArn: table.arn,
            kmsKeyArn: args.kmsKeyArns[region],
            pointInTimeRecovery: spec.pointInTimeRecovery,
            deletionProtectionEnabled: spec.deletionProtection,
            tags: { ...tags, Region: region },
          },
          stateful,
        );
        byRegion[region].push({ name: spec.name, tableName, arn: replica.arn });
      }

      for (const region of args.regions) {
        for (const alarm of tableAlarmSpecs({ spec, tableName, namePrefix: args.namePrefix, region, regions: args.regions })) {
          new aws.cloudwatch.MetricAlarm(
            `${base}-${region}-${alarm.key}`,
            {
              region,
              ...metricAlarmInputs(alarm),
              actionsEnabled: true,
              alarmActions: [args.alarmTopicArns[region]],
              okActions: [args.alarmTopicArns[region]],
              tags: { ...tags, Region: region },
            },
            opt,
          );
        }
      }
    }

    this.byRegion = byRegion;
    this.registerOutputs({ byRegion: this.byRegion });
  }
}
