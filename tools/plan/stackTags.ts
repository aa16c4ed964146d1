/**
 * `npm run -s plan -- stack-tags <stack>`: the stack tags the policy pack reads under the Pulumi
 * CLI, from the stack file, as one JSON object: `blueprint:environment` always, and
 * `blueprint:resilience-waiver` with the waiver's reason, or `null` when the stack has no waiver
 * (the deploy workflow then removes a tag left from an earlier waiver). The offline plan gives the
 * policies the same tags (policyRunner.ts `stackTagsFor`), so a stack that passes offline passes
 * `pulumi preview` too. Exit codes: 0 printed; 1 unknown stack or invalid config; 2 bad arguments.
 */
import { ConfigError, decodeConfigValue, parseConfig } from "../../infra/config";
import { CONFIG_NAMESPACE, STRING_KEYS } from "../../infra/configSchema";
import { ENVIRONMENT_TAG, RESILIENCE_WAIVER_TAG } from "../../policies/lib/environment";
import { EXIT_CODES } from "./args";
import { loadStackFile, StackFileError, type StackFile } from "./stackFile";

/** Usage text of the stack-tags subcommand. */
export const STACK_TAGS_USAGE = `Usage: npm run -s plan -- stack-tags <stack> [--stacks-dir <dir>]

Prints, as one JSON object, the stack tags the policy pack reads under the Pulumi CLI, taken from
stacks/Pulumi.<stack>.yaml: ${ENVIRONMENT_TAG} (the stack's environment) and
${RESILIENCE_WAIVER_TAG} (the reason of blueprint:resilienceWaiver, null when there is none).
Set them with \`pulumi stack tag set <key> <value>\` before \`pulumi preview\` or \`pulumi up\`.

Exit codes: 0 printed; 1 unknown stack or invalid stack config; 2 bad arguments.`;

/** The tags of a loaded stack file; throws ConfigError when its config is invalid. */
export function stackTagsOf(stackFile: StackFile): Record<string, string | null> {
  const prefix = `${CONFIG_NAMESPACE}:`;
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stackFile.config)) {
    if (!key.startsWith(prefix) || stackFile.secretKeys.includes(key)) continue;
    const name = key.slice(prefix.length);
    // decoded the way infra/config.ts loadConfig reads Pulumi's strings
    raw[name] = STRING_KEYS.has(name) ? value : decodeConfigValue(value);
  }
  const config = parseConfig(raw);
  return { [ENVIRONMENT_TAG]: config.environment, [RESILIENCE_WAIVER_TAG]: config.resilienceWaiver ?? null };
}

type Writer = (line: string) => void;

/** Runs the subcommand and returns its exit code. */
export function stackTagsMain(argv: readonly string[], out: Writer, err: Writer): number {
  if (argv.includes("--help")) {
    out(STACK_TAGS_USAGE);
    return EXIT_CODES.ok;
  }
  const dirAt = argv.indexOf("--stacks-dir");
  const stacksDir = dirAt >= 0 ? argv[dirAt + 1] : "stacks";
  const positional = argv.filter((arg, index) => !arg.startsWith("--") && (dirAt < 0 || index !== dirAt + 1));
  const unknown = argv.filter((arg) => arg.startsWith("--") && arg !== "--stacks-dir");
  if (positional.length !== 1 || unknown.length > 0 || stacksDir === undefined || stacksDir.startsWith("--")) {
    err(
      `${[
        ...(positional.length !== 1
          ? [`stack-tags needs exactly one stack; got ${positional.length}${positional.length > 0 ? ` (${positional.join(", ")})` : ""}`]
          : []),
        ...unknown.map((arg) => `unknown option ${arg}; allowed: --stacks-dir, --help`),
        ...(stacksDir === undefined || stacksDir.startsWith("--") ? ["--stacks-dir needs a value (a directory)"] : []),
      ].join("\n")}\n\n${STACK_TAGS_USAGE}`,
    );
    return EXIT_CODES.usage;
  }
  const [stack] = positional;
  try {
    out(JSON.stringify(stackTagsOf(loadStackFile(stack, stacksDir))));
    return EXIT_CODES.ok;
  } catch (error) {
    if (error instanceof ConfigError) err(`${stacksDir}/Pulumi.${stack}.yaml: ${error.message}`);
    else if (error instanceof StackFileError) err(error.message);
    else throw error;
    return EXIT_CODES.failed;
  }
}
