/**
 * Stack files generated for a number of regions, for the benchmark, the report's render check and
 * the tests that need real plans of 1 to 6 regions: a valid staging stack over the first `count`
 * regions that have three AZs, the first one primary.
 */
import { REGIONS } from "../../components/lib/regions";
import type { StackFile } from "./stackFile";

/** Options of `generatedStackFile`. */
export interface GeneratedStackOptions {
  /** Stack name. @default `regions-<count>` */
  readonly stack?: string;
  /** Tag values of `blueprint:owner` and `blueprint:costCenter`. @default "test" */
  readonly owner?: string;
  /**
   * Cache mode. A Global Datastore spans at most three regions; beyond, each region gets its own cache.
   * @default "global" up to three regions, "regional" beyond
   */
  readonly cache?: "global" | "regional";
  /** Serve the stack under a Route 53 domain (alias and latency records, health checks). @default false */
  readonly domain?: boolean;
}

/** The stack file of a generated stack with `count` regions. */
export function generatedStackFile(count: number, options: GeneratedStackOptions = {}): StackFile {
  const regions = [...REGIONS.values()].filter((r) => r.azLetters.length >= 3).slice(0, count);
  const owner = options.owner ?? "test";
  const config: Record<string, string> = {
    "aws:region": regions[0].name,
    "blueprint:environment": "staging",
    "blueprint:owner": owner,
    "blueprint:costCenter": owner,
    "blueprint:cache": JSON.stringify({ mode: options.cache ?? (count > 3 ? "regional" : "global") }),
    "blueprint:regions": JSON.stringify(
      regions.map((r, i) => ({
        name: r.name,
        ...(i === 0 ? { primary: true } : {}),
        vpcCidr: `10.${i}.0.0/16`,
        availabilityZones: r.azLetters.slice(0, 3).map((letter) => `${r.name}${letter}`),
      })),
    ),
    // the drills run one after another, 30 minutes apart (two a region, and the bucket's): from
    // staging's 14:00 default, ten regions' would run past midnight, so large stacks start at 02:00
    ...(count >= 8 ? { "blueprint:resilience": JSON.stringify({ drillSchedule: "cron(0 2 ? * TUE *)" }) } : {}),
    ...(options.domain ? { "blueprint:domain": JSON.stringify({ name: "example.org", hostedZoneId: "Z0123456789ABCDEFGHIJ" }) } : {}),
  };
  return { stack: options.stack ?? `regions-${count}`, path: "(generated)", config, secretKeys: [] };
}
