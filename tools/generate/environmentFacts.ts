/**
 * The table of what each environment fixes for the whole stack, in `docs/environments.md`:
 * rendered from `infra/environments.ts` and the per-environment values of the components without a
 * config key for them, so no figure is restated by hand.
 */
import { MAX_SPOT_PERCENTAGE } from "../../components/compute/lib/limits";
import { DATA_KEY_DELETION_WINDOW_DAYS } from "../../components/kms/defaults";
import { SECRET_RECOVERY_WINDOW_DAYS } from "../../components/secrets/defaults";
import { ENVIRONMENTS, type Environment } from "../../components/lib/settings/environment";
import { ENVIRONMENT_FACTS } from "../../infra/environments";

type Row = readonly [string, (environment: Environment) => string];

const ROWS: readonly Row[] = [
  [
    "minimum regions / AZs per region (without a [waiver](#the-resilience-waiver))",
    (e) => `${ENVIRONMENT_FACTS[e].minRegions} / ${ENVIRONMENT_FACTS[e].minAzsPerRegion}`,
  ],
  ["policy enforcement (the pack config's `all`, see [policies.md](policies.md#enforcement))", (e) => ENVIRONMENT_FACTS[e].policyEnforcement],
  ["operational log retention (the default of the log retention keys)", (e) => `${ENVIRONMENT_FACTS[e].logRetentionDays} days`],
  ["Pulumi `protect` on stateful resources (the default of `blueprint:protect`)", (e) => String(ENVIRONMENT_FACTS[e].protect)],
  ["most Spot a tier may use (`spot.spotPercentage`, `components/compute/lib/limits.ts`)", (e) => `${MAX_SPOT_PERCENTAGE[e]} %`],
  ["data key deletion window (`components/kms/defaults.ts`)", (e) => `${DATA_KEY_DELETION_WINDOW_DAYS[e]} days`],
  [
    "secret recovery window (`components/secrets/defaults.ts`)",
    (e) => (SECRET_RECOVERY_WINDOW_DAYS[e] === 0 ? "0 (immediate)" : `${SECRET_RECOVERY_WINDOW_DAYS[e]} days`),
  ],
];

/** The table's lines. */
export function renderEnvironmentFacts(): string[] {
  // the cells hold links and code spans: rendered as written, not escaped
  return [
    `| | ${ENVIRONMENTS.join(" | ")} |`,
    `|---|${ENVIRONMENTS.map(() => "---").join("|")}|`,
    ...ROWS.map(([what, value]) => `| ${what} | ${ENVIRONMENTS.map(value).join(" | ")} |`),
  ];
}
