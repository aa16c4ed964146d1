/**
 * The rules of one DynamoDB global table, as plain data: its physical name, the problems of its
 * settings (AWS's create-time failures, offline), and the IAM statements of a tier that may use
 * only its own region's replica.
 */
import type { IamStatement } from "../../lib/iam";
import type { TableSpec } from "../settings";
import { GLOBAL_TABLE_STREAM_VIEW, KEY_ATTRIBUTE_PATTERN, TABLE_NAME_PATTERN } from "./limits";

/** A problem at a key of one table. */
export interface TableProblem {
  readonly field: string;
  readonly message: string;
}

/** Logical names: letters, digits, - and _ (they become part of the physical name and of an environment variable). */
const LOGICAL_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** The table's physical name, the same in every region (a global table's replicas share it). */
export function tablePhysicalName(namePrefix: string, name: string): string {
  return `${namePrefix}-${name}`;
}

/** Every problem of one table's settings. */
export function tableSpecProblems(spec: TableSpec, context: { readonly namePrefix: string; readonly regionCount: number }): TableProblem[] {
  const problems: TableProblem[] = [];
  if (!LOGICAL_NAME.test(spec.name)) {
    problems.push({ field: "name", message: "must be 1-64 letters, digits, - or _" });
  } else {
    const physical = tablePhysicalName(context.namePrefix, spec.name);
    if (!TABLE_NAME_PATTERN.test(physical)) {
      problems.push({ field: "name", message: `gives the table name ${JSON.stringify(physical)}; DynamoDB allows 3-255 letters, digits, _, - and .` });
    }
  }
  for (const field of ["partitionKey", "sortKey", "ttlAttribute"] as const) {
    const value = spec[field];
    if (value !== undefined && !KEY_ATTRIBUTE_PATTERN.test(value)) {
      problems.push({ field, message: "must be 1-255 printable characters without spaces" });
    }
  }
  if (spec.sortKey !== undefined && spec.sortKey === spec.partitionKey) {
    problems.push({
      field: "sortKey",
      message: `must differ from partitionKey (${JSON.stringify(spec.partitionKey)}): DynamoDB refuses a key schema that names one attribute twice`,
    });
  }
  if (spec.ttlAttribute !== undefined && (spec.ttlAttribute === spec.partitionKey || spec.ttlAttribute === spec.sortKey)) {
    problems.push({
      field: "ttlAttribute",
      message: "must not be a key attribute: DynamoDB's TTL attribute holds a number of epoch seconds that changes, keys never change",
    });
  }
  if (spec.billingMode === "PROVISIONED") {
    for (const field of ["readCapacity", "writeCapacity"] as const) {
      if (spec[field] === undefined)
        problems.push({ field, message: "is required with billingMode PROVISIONED (DynamoDB refuses a provisioned table without capacity)" });
    }
  } else {
    for (const field of ["readCapacity", "writeCapacity"] as const) {
      if (spec[field] !== undefined)
        problems.push({ field, message: "applies only with billingMode PROVISIONED (DynamoDB refuses capacity on an on-demand table)" });
    }
  }
  if (context.regionCount > 1 && spec.stream !== GLOBAL_TABLE_STREAM_VIEW) {
    problems.push({
      field: "stream",
      message: `must be ${GLOBAL_TABLE_STREAM_VIEW} in a stack with ${context.regionCount} regions: a global table replicates through its stream`,
    });
  }
  return problems;
}

/**
 * What a tier may do with a table: item reads and writes, queries and scans, on the table and its
 * indexes; no table management, no stream, no export or restore.
 */
export const TABLE_ITEM_ACTIONS: readonly string[] = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:Scan",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:ConditionCheckItem",
  "dynamodb:DescribeTable",
];

/**
 * IAM statements of a tier that uses the given replicas of its own region, and nothing else: the
 * ARNs are the region's replica's (`arn:aws:dynamodb:<region>:…`), so another region's replica is
 * refused even though it holds the same items.
 *
 * @param replicaArns the region's replica of each table; none gives no statement
 */
export function tableUserStatements<T>(replicaArns: readonly T[], indexArn: (arn: T) => T): IamStatement<T>[] {
  if (replicaArns.length === 0) return [];
  return [{ Sid: "RegionTables", Effect: "Allow", Action: [...TABLE_ITEM_ACTIONS], Resource: replicaArns.flatMap((arn) => [arn, indexArn(arn)]) }];
}
