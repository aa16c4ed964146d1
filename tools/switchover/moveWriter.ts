/**
 * Moves the database writer in the text of a stack file: sets `blueprint:writerRegion` to the
 * target region (or removes it when the target is the primary region, where the writer starts).
 * Pure (text in, text out) and, as new-env does, edited as a YAML document so comments, blank
 * lines and key order survive.
 */
import { isMap, isScalar, isSeq, parseDocument } from "yaml";
import { CONFIG_NAMESPACE } from "../../infra/configSchema";
import { REGIONS_KEY } from "../newenv/forkStack";

/** The stack file's key for the writer's region. */
export const WRITER_REGION_KEY = `${CONFIG_NAMESPACE}:writerRegion`;

/** Thrown when the stack file has no regions to move the writer between. */
export class SwitchoverError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SwitchoverError";
  }
}

/** The stack file's regions: their names, the primary's, and the writer's now. */
export interface StackRegions {
  readonly regions: readonly string[];
  readonly primaryRegion: string;
  readonly writerRegion: string;
}

function configOf(text: string, path: string) {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new SwitchoverError(`${path}: is not valid YAML (${doc.errors[0].message})`);
  const config = doc.get("config");
  if (!isMap(config)) throw new SwitchoverError(`${path}: has no config map`);
  return { doc, config };
}

/** Reads the regions of a stack file's text. */
export function stackRegions(text: string, path: string): StackRegions {
  const { config } = configOf(text, path);
  const list = config.get(REGIONS_KEY);
  if (!isSeq(list)) throw new SwitchoverError(`${path}: has no ${REGIONS_KEY} list`);
  const entries = list.items.filter(isMap);
  const names = entries.map((entry) => String(entry.get("name")));
  const primary = entries.find((entry) => entry.get("primary") === true);
  const primaryRegion = primary ? String(primary.get("name")) : names.length === 1 ? names[0] : "";
  const writer = config.get(WRITER_REGION_KEY);
  return { regions: names, primaryRegion, writerRegion: typeof writer === "string" ? writer : primaryRegion };
}

/** The stack file's text with the writer in `target` (a region of the stack). */
export function moveWriterText(text: string, path: string, target: string, command: string): string {
  const { doc, config } = configOf(text, path);
  const { primaryRegion } = stackRegions(text, path);
  config.delete(WRITER_REGION_KEY);
  if (target !== primaryRegion) {
    const pair = doc.createPair(WRITER_REGION_KEY, target);
    const key = pair.key;
    if (isScalar(key)) {
      key.commentBefore =
        ` Set by \`${command}\`: the global database's writer is in ${target} (the primary region keeps\n` +
        " the stack's global resources). Run the switchover it printed before `pulumi up`.";
    }
    const index = config.items.findIndex((item) => isScalar(item.key) && item.key.value === REGIONS_KEY);
    config.items.splice(index + 1, 0, pair);
  }
  return doc.toString({ flowCollectionPadding: false, lineWidth: 0 });
}
