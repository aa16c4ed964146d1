/**
 * The ports data stores listen on, for the diagram's security-group arrows (a rule into a group
 * shared by the cache and the database draws an arrow only to the store whose port it opens).
 */
import type { PlannedResource } from "./plannedResource";
import { stringInput } from "./planGraph";

/** Default ports of the engines, for a data store whose `port` input is not set. */
const ENGINE_PORTS: ReadonlyArray<[RegExp, number]> = [
  [/postgres/, 5432],
  [/mysql|mariadb/, 3306],
  [/redis|valkey/, 6379],
  [/memcached/, 11211],
];

/** A data store's port: its `port` input, else its engine's default, else `fallback` when it names no engine. */
export function servicePort(resource: PlannedResource, fallback?: number): number | undefined {
  if (typeof resource.inputs.port === "number") return resource.inputs.port;
  const engine = stringInput(resource, "engine");
  if (engine === undefined) return fallback;
  return ENGINE_PORTS.find(([pattern]) => pattern.test(engine))?.[1];
}
