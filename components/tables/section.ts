/**
 * `blueprint:tables`: the DynamoDB global tables of the stack, each with a replica in every region,
 * and the rules each must satisfy (names unique once they become environment variables).
 */
import { envSuffix } from "../compute/lib/userData";
import { listSection, type Problem } from "../lib/settings";
import { tableSpecProblems } from "./lib/tableRules";
import { tableKeys } from "./settings";

/** The `tables` section of a stack file. */
export const tablesSection = listSection("tables", {
  description:
    "DynamoDB global tables: each has a replica in every region under that region's key, point-in-time recovery and alarms; the tiers use their own region's replica.",
  item: { description: "A DynamoDB table with a replica in every region of the stack.", keys: tableKeys },
  default: [],
  showValues: true,
  check: (tables, scope) => {
    const problems: Problem[] = [];
    const seen = new Map<string, number>();
    tables.forEach((table, index) => {
      if (typeof table.name !== "string" || table.name === "") return;
      // instances see BLUEPRINT_TABLE_<NAME>_NAME: names that differ only in case, - or _ would collide
      const key = envSuffix(table.name);
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push({
          field: `${index}.name`,
          message: `duplicates tables[${first}].name once case, - and _ are ignored (both would be BLUEPRINT_TABLE_${key}_NAME)`,
        });
      }
      seen.set(key, index);
      for (const problem of tableSpecProblems(table, { namePrefix: scope.namePrefix, regionCount: scope.regions.length })) {
        problems.push({ field: `${index}.${problem.field}`, message: problem.message });
      }
    });
    return problems;
  },
});
