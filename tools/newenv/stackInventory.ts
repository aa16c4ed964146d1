/**
 * What the stacks directory already holds: each stack's name and the VPC blocks of its regions,
 * which a new environment must not overlap.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { parseCidr, type Cidr } from "../../components/lib/cidr";
import { isRecord } from "../../components/lib/guards";
import { CONFIG_NAMESPACE } from "../../infra/configSchema";
import { listStacks } from "../plan/stackFile";

/** One existing stack. */
export interface ExistingStack {
  readonly name: string;
  /** The `vpcCidr` of each region that parses as a CIDR block. */
  readonly vpcCidrs: readonly Cidr[];
}

/** Thrown when a stack file cannot be read as YAML: its CIDRs would be unknown. */
export class StackInventoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StackInventoryError";
  }
}

/**
 * Reads every `Pulumi.<stack>.yaml` in `dir`.
 *
 * A region whose `vpcCidr` does not parse is skipped (that stack's own validation reports it);
 * a file that is not YAML stops the tool, because a free CIDR could not be guaranteed.
 *
 * @throws StackInventoryError naming the file that is not valid YAML.
 */
export function readStackInventory(dir: string): ExistingStack[] {
  return listStacks(dir).map((name) => {
    const path = join(dir, `Pulumi.${name}.yaml`);
    let document: unknown;
    try {
      document = parse(readFileSync(path, "utf8"));
    } catch (error) {
      throw new StackInventoryError(`${path} is not valid YAML, so its VPC CIDRs are unknown: ${(error as Error).message.split("\n")[0]}`);
    }
    return { name, vpcCidrs: vpcCidrsOf(document) };
  });
}

/** The parseable `vpcCidr` values of a parsed stack document's regions. */
export function vpcCidrsOf(document: unknown): Cidr[] {
  const config = isRecord(document) ? document.config : undefined;
  if (!isRecord(config)) return [];
  // Pulumi puts keys without a namespace in the project's namespace.
  const regions = config[`${CONFIG_NAMESPACE}:regions`] ?? config.regions;
  if (!Array.isArray(regions)) return [];
  return regions.flatMap((region) => {
    if (!isRecord(region) || typeof region.vpcCidr !== "string") return [];
    const parsed = parseCidr(region.vpcCidr);
    return typeof parsed === "string" ? [] : [parsed];
  });
}
