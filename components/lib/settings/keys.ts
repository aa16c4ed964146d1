/**
 * The keys a declaration allows at a path, for "is not a known key; allowed here: ..." messages.
 */
import type { AnySetting } from "./setting";

/**
 * The keys allowed at `path` inside a setting: a group's keys, following groups by key and lists
 * and maps through their items (list indexes and map keys in the path are skipped). Empty when the
 * path leads nowhere a key can be.
 */
export function allowedKeysAt(setting: AnySetting, path: ReadonlyArray<string | number>): string[] {
  let current: AnySetting | undefined = setting;
  for (const part of path) {
    while (current && (current.kind === "list" || current.kind === "map")) current = current.item;
    if (current?.kind !== "group" || typeof part !== "string") {
      if (current?.kind === "group" && typeof part === "number") continue;
      return [];
    }
    current = current.keys?.[part];
  }
  while (current && (current.kind === "list" || current.kind === "map")) current = current.item;
  return current?.kind === "group" ? Object.keys(current.keys ?? {}) : [];
}
