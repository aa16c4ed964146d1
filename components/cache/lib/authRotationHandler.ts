/**
 * The source of the cache AUTH token's rotation function, shipped as the archive's `index.js`: the
 * pure module `authRotationSteps.ts` transpiled to CommonJS (TypeScript's `transpileModule` only
 * strips types; the module imports nothing), then the handler, which wires the AWS SDK v3 of the
 * Lambda Node.js runtime into it. No dependency is bundled: the runtime provides the SDK.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";

/** The file name of the module inside the function's archive (the handler is `index.handler`). */
export const ROTATION_HANDLER_FILE = "index.js";

/** The handler Lambda calls: the real clients, then one rotation step. */
const HANDLER = `
// Lambda entry point: the runtime's AWS SDK v3 and node:crypto, then one rotation step.
exports.handler = (event, context) =>
  exports.rotate(
    event,
    exports.awsRotationDeps(
      {
        secretsManager: require("@aws-sdk/client-secrets-manager"),
        elastiCache: require("@aws-sdk/client-elasticache"),
        randomInt: require("node:crypto").randomInt,
      },
      process.env,
      context,
    ),
  );
`;

/** The module's source: the transpiled rotation steps and the handler. */
export function authRotationHandlerSource(): string {
  const steps = readFileSync(join(__dirname, "authRotationSteps.ts"), "utf8");
  const { outputText } = ts.transpileModule(steps, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, removeComments: false },
    fileName: "authRotationSteps.ts",
  });
  return `${outputText}${HANDLER}`;
}
