/**
 * The pack as a whole: every policy is in the served list, names and metadata follow the pack's
 * conventions, the config files are valid for the CLI and match the environment profiles, and
 * the README documents every policy and every exception.
 */
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { PolicyPackConfig } from "@pulumi/policy";
import Ajv from "ajv";
import { parse } from "yaml";
import { PROFILES } from "../../infra/profiles";
import { ALL_POLICIES, PACK_NAME } from "../../policies/all";
import { isStackPolicy, type BlueprintPolicy } from "../../policies/lib/define";
import { ALL_POLICIES_KEY, ENFORCEMENT_BY_ENVIRONMENT, ENFORCEMENT_LEVELS, enforcementOf } from "../../policies/lib/enforcement";
import { ENVIRONMENTS } from "../../policies/lib/environment";
import { ID_PATTERNS, ID_SOURCES, idsFromTags, type PolicyIds } from "../../policies/lib/ids";

/** The exact size of the pack; change it together with the README table. */
const POLICY_COUNT = 105;

const SERVICE_MODULES = ["network", "iam", "observability", "database", "cache", "compute", "loadbalancer", "storage", "queue", "kms", "cdn", "dns", "stack"];
const NAME = /^(aws-[a-z0-9]+-[a-z0-9]+-(disallow|enable|configure|require|restrict|missing)(-[a-z0-9]+)+|stack-(disallow|enable|configure|require|restrict)(-[a-z0-9]+)+)$/;

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
}

/** The README's "Policy pack" section. */
function readmeSection(): string {
  const readme = readFileSync("README.md", "utf8");
  const start = readme.indexOf("\n## Policy pack\n");
  assert.ok(start >= 0, 'README.md has a "## Policy pack" section');
  const end = readme.indexOf("\n## ", start + 5);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe("the policy pack", () => {
  it(`has exactly ${POLICY_COUNT} policies, with unique names`, () => {
    assert.equal(ALL_POLICIES.length, POLICY_COUNT);
    assert.equal(new Set(ALL_POLICIES.map((p) => p.name)).size, POLICY_COUNT);
  });

  it("serves every policy a service module exports, and nothing else", () => {
    const exported: BlueprintPolicy[] = [];
    for (const module of SERVICE_MODULES) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- enumerate each module's exports
      for (const value of Object.values(require(`../../policies/${module}`) as Record<string, unknown>)) {
        if (value && typeof value === "object" && "name" in value && ("validateResource" in value || "validateStack" in value)) exported.push(value as BlueprintPolicy);
      }
    }
    assert.deepEqual(new Set(exported.map((p) => p.name)), new Set(ALL_POLICIES.map((p) => p.name)));
    for (const policy of exported) assert.ok(ALL_POLICIES.includes(policy), `${policy.name} is the object the pack serves`);
  });

  it("names policies in kebab case: aws-<service>-<resource>-<verb>-<thing> or stack-<verb>-<thing>", () => {
    for (const policy of ALL_POLICIES) {
      assert.match(policy.name, NAME, policy.name);
      assert.notEqual(policy.name, "all", '"all" is reserved by the CLI');
      assert.equal(policy.name.startsWith("stack-"), isStackPolicy(policy) && policy.tags.includes("service:stack"), `${policy.name}: stack- names are the multi-region stack policies`);
    }
    assert.match(PACK_NAME, /^[a-zA-Z0-9-_.]{1,100}$/);
  });

  it("gives every policy a one-sentence description, a severity, remediation steps and its service", () => {
    for (const policy of ALL_POLICIES) {
      assert.match(policy.description, /^Checks that [^]*[A-Za-z0-9)"]\.$/, policy.name);
      assert.doesNotMatch(policy.description.slice(0, -1), /\.\s[A-Z]/, `${policy.name}: one sentence`);
      assert.ok(["low", "medium", "high", "critical"].includes(policy.severity), policy.name);
      assert.ok(policy.remediationSteps.length >= 20, `${policy.name} has remediation steps`);
      const services = policy.tags.filter((tag) => tag.startsWith("service:"));
      assert.equal(services.length, 1, policy.name);
    }
  });

  it("records at least one well-formed outside ID per policy", () => {
    for (const policy of ALL_POLICIES) {
      const ids = idsFromTags(policy.tags);
      const all = Object.values(ids).flat();
      assert.ok(all.length > 0, `${policy.name} names the rules it corresponds to`);
      for (const [source, list] of Object.entries(ids) as Array<[keyof PolicyIds, string[]]>) {
        for (const id of list) assert.match(id, ID_PATTERNS[source], `${policy.name}: ${ID_SOURCES[source]}:${id}`);
      }
      const known = new Set(Object.values(ID_SOURCES).map((prefix) => `${prefix}:`));
      for (const tag of policy.tags.filter((t) => !t.startsWith("service:"))) assert.ok([...known].some((prefix) => tag.startsWith(prefix)), `${policy.name}: unknown tag ${tag}`);
    }
  });

  it("gives every threshold a default, and leaves levels to the pack config (but the guard)", () => {
    for (const policy of ALL_POLICIES) {
      for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
        assert.ok(schema.description, `${policy.name}.${key} is described`);
        if (key !== "environment") assert.notEqual(schema.default, undefined, `${policy.name}.${key} has a default`);
      }
      assert.equal(policy.configSchema?.properties.enforcementLevel, undefined, "the CLI rejects enforcementLevel in a schema");
      assert.equal(policy.enforcementLevel, policy.name === "stack-require-matching-policy-config" ? "mandatory" : undefined, policy.name);
    }
  });

  it("keeps policies/index.ts to constructing the PolicyPack from the explicit list", () => {
    const index = readFileSync("policies/index.ts", "utf8").replace(/\/\*\*[^]*?\*\/\s*/, "");
    assert.match(index, /new PolicyPack\(PACK_NAME, \{[^]*policies: \[\.\.\.ALL_POLICIES\],[^]*\}\);\s*$/);
    assert.deepEqual(index.match(/^import .*$/gm), [
      'import { PolicyPack } from "@pulumi/policy";',
      'import { ALL_POLICIES, PACK_DESCRIPTION, PACK_NAME } from "./all";',
      'import { PACK_ENFORCEMENT } from "./lib/enforcement";',
    ]);
  });

  it("is a Node.js pack with its own package.json pinned to the root's versions", () => {
    const manifest = parse(readFileSync("policies/PulumiPolicy.yaml", "utf8")) as Record<string, unknown>;
    assert.equal(manifest.runtime, "nodejs");
    assert.ok(typeof manifest.description === "string" && manifest.description.length > 20);
    const pack = readJson("policies/package.json") as { name: string; version: string; dependencies: Record<string, string> };
    const root = readJson("package.json") as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    assert.match(pack.version, /^\d+\.\d+\.\d+$/, "the SDK reads the pack version from package.json");
    assert.deepEqual(pack.dependencies, {
      "@pulumi/aws": root.dependencies["@pulumi/aws"],
      "@pulumi/policy": root.devDependencies["@pulumi/policy"],
      "@pulumi/pulumi": root.dependencies["@pulumi/pulumi"],
    });
  });

  describe("per-environment pack configs (policies/config/<environment>.json)", () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    for (const environment of ENVIRONMENTS) {
      it(`${environment}.json is valid for the CLI and matches the ${environment} profile`, () => {
        const config = readJson(`policies/config/${environment}.json`);
        assert.equal(config[ALL_POLICIES_KEY], PROFILES[environment].policyEnforcement, "all = the profile's policy enforcement");
        assert.equal(ENFORCEMENT_BY_ENVIRONMENT[environment], PROFILES[environment].policyEnforcement);
        assert.deepEqual(config["stack-require-matching-policy-config"], { enforcementLevel: "mandatory", environment });
        for (const [key, entry] of Object.entries(config)) {
          if (key === ALL_POLICIES_KEY) continue;
          const policy = ALL_POLICIES.find((p) => p.name === key);
          assert.ok(policy, `${environment}.json names an unknown policy ${key}`);
          if (typeof entry === "string") {
            assert.ok(ENFORCEMENT_LEVELS.includes(entry as never), `${key}: ${entry}`);
            continue;
          }
          const schema = {
            type: "object",
            properties: { ...(policy.configSchema?.properties ?? {}), enforcementLevel: { enum: ENFORCEMENT_LEVELS } },
            required: policy.configSchema?.required ?? [],
            additionalProperties: false,
          };
          assert.ok(ajv.validate(schema, entry), `${environment}.json ${key}: ${ajv.errorsText()}`);
        }
      });
    }

    it("every exception in staging and prod (a level below mandatory) is explained in the README", () => {
      const section = readmeSection();
      for (const environment of ["staging", "prod"] as const) {
        for (const [key, entry] of Object.entries(readJson(`policies/config/${environment}.json`))) {
          const level = typeof entry === "string" ? entry : (entry as { enforcementLevel?: string }).enforcementLevel;
          if (key !== ALL_POLICIES_KEY && level !== undefined && level !== "mandatory") {
            assert.match(section, new RegExp(`\\n\\| [^|\\n]*${environment}[^|\\n]* \\| \`${key}\` \\| ${level} \\| [^|\\n]{40,} \\|`), `README explains ${key} in ${environment}`);
          }
        }
      }
    });
  });

  it("lists every policy once in the README's table, with its kind, severity and level per environment", () => {
    const section = readmeSection();
    for (const policy of ALL_POLICIES) {
      const rows = section.split("\n").filter((line) => line.startsWith(`| \`${policy.name}\` |`));
      assert.equal(rows.length, 1, `README lists ${policy.name} once`);
      assert.match(rows[0], new RegExp(`\\| ${policy.severity} \\|`), `${policy.name} severity`);
    }
    const stack = ALL_POLICIES.filter(isStackPolicy).length;
    assert.match(section, new RegExp(`${POLICY_COUNT} policies: ${POLICY_COUNT - stack} on single resources, ${stack} on the whole\\s+stack`));
    for (const policy of ALL_POLICIES) {
      const row = section.split("\n").find((line) => line.startsWith(`| \`${policy.name}\` |`))!;
      assert.ok(row.startsWith(`| \`${policy.name}\` | ${isStackPolicy(policy) ? "stack" : "resource"} |`), `${policy.name} kind`);
      const levels = ENVIRONMENTS.map((environment) => enforcementOf(policy, readJson(`policies/config/${environment}.json`) as PolicyPackConfig)).join(" / ");
      assert.ok(row.endsWith(`| ${levels} |`), `${policy.name}: README says ${row.split("|").at(-2)?.trim()}, the configs give ${levels}`);
    }
  });
});
