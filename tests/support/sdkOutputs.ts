/**
 * The outputs a Pulumi SDK class declares, read from its type declarations in node_modules: what
 * the real resource or component returns, against which the plan's mocks are held.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const PULUMI_PACKAGES = join(__dirname, "../../node_modules/@pulumi");

/** The declaration file of a type token (`aws:sqs/queue:Queue`, `awsx:ec2:Vpc`, `random:index/randomPassword:RandomPassword`), if it is one of these packages. */
export function declarationFile(type: string): string | undefined {
  const [pkg, module, className] = type.split(":");
  if (pkg === "aws") {
    const [folder, file] = module.split("/");
    return join(PULUMI_PACKAGES, "aws", folder, `${file}.d.ts`);
  }
  if (pkg === "awsx") return join(PULUMI_PACKAGES, "awsx", module, `${className[0].toLowerCase()}${className.slice(1)}.d.ts`);
  if (pkg === "random") return join(PULUMI_PACKAGES, "random", `${module.split("/")[1]}.d.ts`);
  if (pkg === "grafana") {
    const [folder, file] = module.split("/");
    return join(PULUMI_PACKAGES, "..", "@pulumiverse", "grafana", folder, `${file}.d.ts`);
  }
  return undefined;
}

/** The `readonly <name>: pulumi.Output<…>` members of the type's class (`id` and `urn` come from the base class). */
export function declaredOutputs(type: string): Set<string> {
  const file = declarationFile(type);
  if (file === undefined || !existsSync(file)) throw new Error(`${type}: no declaration file ${String(file)}`);
  const text = readFileSync(file, "utf8");
  const className = type.split(":")[2];
  const start = text.indexOf(`export declare class ${className} `);
  if (start < 0) throw new Error(`${type}: ${file} declares no class ${className}`);
  const body = text.slice(start, text.indexOf("\n}\n", start));
  return new Set(["id", "urn", ...[...body.matchAll(/^\s+readonly (\w+)\??: pulumi\.Output</gm)].map((match) => match[1])]);
}

/** The fields of an invoke's result interface (`aws:ec2/getRouteTables:getRouteTables` → `GetRouteTablesResult`). */
export function declaredResultFields(token: string): Set<string> {
  const [pkg, module, fn] = token.split(":");
  if (pkg !== "aws") throw new Error(`${token}: only aws invokes are read`);
  const [folder, file] = module.split("/");
  const path = join(PULUMI_PACKAGES, "aws", ...(folder === "index" ? [] : [folder]), `${file}.d.ts`);
  const name = `${fn[0].toUpperCase()}${fn.slice(1)}Result`;
  const text = readFileSync(path, "utf8");
  const start = text.indexOf(`export interface ${name} {`);
  if (start < 0) throw new Error(`${token}: ${path} declares no ${name}`);
  const body = text.slice(start, text.indexOf("\n}\n", start));
  return new Set([...body.matchAll(/^\s+readonly (\w+)\??:/gm)].map((match) => match[1]));
}
