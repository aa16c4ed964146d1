/**
 * Policy test harness: runs one policy the way the analyzer does (tools/plan/policyRuntime.ts:
 * proxied props, isType/asType against the class given, notApplicable, stack tags, config = schema
 * defaults merged with the test's overrides) and states what a test expects of the outcome.
 *
 * `describeResourcePolicy` turns a spec (a compliant baseline, one mutation per way to violate, a
 * preview-unknown mutation) into the standard cases every resource policy gets.
 */
import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import type { BlueprintResourcePolicy, BlueprintStackPolicy, ResourceClass } from "../../../policies/lib/define";
import { typeToken } from "../../../policies/lib/define";
import { configOf } from "../../../policies/lib/enforcement";
import {
  frozenTags,
  policyResources,
  runResourcePolicy,
  runStackPolicy,
  UNKNOWN_SENTINELS,
  type PolicyOutcome,
  type ProviderInput,
  type StackResourceInput,
} from "../../../tools/plan/policyRuntime";

export { UNKNOWN_SENTINELS, type PolicyOutcome };

/** Options of one policy run. */
export interface RunOptions {
  /** This policy's pack-config entry (merged over its schema defaults). @default {} */
  readonly config?: Record<string, unknown>;
  /** @default { "blueprint:environment": "prod" } */
  readonly stackTags?: Record<string, string>;
  readonly provider?: ProviderInput;
  /** @default "test" */
  readonly name?: string;
}

const DEFAULT_TAGS = { "blueprint:environment": "prod" };

/** A URN of the test stack. */
export function testUrn(type: string, name: string): string {
  return `urn:pulumi:test::blueprint::${type}::${name}`;
}

/** Runs a resource policy over one resource of `resourceClass` (or of a type token) with `props` as inputs. */
export function checkResource(
  policy: BlueprintResourcePolicy,
  resourceClass: ResourceClass | string,
  props: Record<string, unknown>,
  options: RunOptions = {},
): Promise<PolicyOutcome> {
  const type = typeof resourceClass === "string" ? resourceClass : typeToken(resourceClass);
  const name = options.name ?? "test";
  return runResourcePolicy(
    policy,
    { type, name, urn: testUrn(type, name), props, ...(options.provider ? { provider: options.provider } : {}) },
    { config: configOf(policy, { [policy.name]: options.config ?? {} }), stackTags: frozenTags(options.stackTags ?? DEFAULT_TAGS) },
  );
}

/** Runs a stack policy over a resource graph. */
export function checkStack(policy: BlueprintStackPolicy, resources: readonly StackResourceInput[], options: RunOptions = {}): Promise<PolicyOutcome> {
  return runStackPolicy(policy, policyResources(resources), {
    config: configOf(policy, { [policy.name]: options.config ?? {} }),
    stackTags: frozenTags(options.stackTags ?? DEFAULT_TAGS),
  });
}

/** The outcome is a pass: applicable, known values, no violation. */
export function assertPasses(outcome: PolicyOutcome): void {
  assert.deepEqual(outcome, { violations: [] });
}

/** The outcome has exactly one violation per pattern, in order (and no not-applicable or unknown). */
export function assertViolations(outcome: PolicyOutcome, patterns: readonly RegExp[]): void {
  assert.equal(outcome.notApplicable, undefined, `not applicable: ${outcome.notApplicable}`);
  assert.equal(outcome.unknown, undefined, `unknown: ${outcome.unknown}`);
  assert.equal(
    outcome.violations.length,
    patterns.length,
    `expected ${patterns.length} violation(s), got: ${outcome.violations.map((v) => v.message).join(" | ") || "none"}`,
  );
  outcome.violations.forEach((violation, index) => assert.match(violation.message, patterns[index]));
}

/** The policy said it does not apply, and reported nothing. */
export function assertNotApplicable(outcome: PolicyOutcome, reason?: RegExp): void {
  assert.equal(outcome.violations.length, 0, `violations: ${outcome.violations.map((v) => v.message).join(" | ")}`);
  assert.ok(outcome.notApplicable !== undefined, "expected not applicable");
  if (reason) assert.match(outcome.notApplicable, reason);
}

/** The policy hit a preview-unknown value: the engine's advisory "can't run during preview". */
export function assertUnknown(outcome: PolicyOutcome): void {
  assert.equal(outcome.notApplicable, undefined);
  assert.match(outcome.unknown ?? "", /^can't run policy '[a-z0-9-]+' during preview: .+ can't be known during preview$/);
}

/** A deep copy of plain test data. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** One way to violate a policy. */
export interface ViolationCase {
  readonly name: string;
  /** Changes the compliant props (a fresh copy) in place. */
  readonly mutate: (props: Record<string, any>) => void;
  /** One pattern per expected violation message. */
  readonly expect: readonly RegExp[];
  readonly config?: Record<string, unknown>;
  /** Run against another class of the policy (an alias). */
  readonly resourceClass?: ResourceClass;
}

/** A variant that still complies. */
export interface CompliantCase {
  readonly name: string;
  readonly mutate: (props: Record<string, any>) => void;
  readonly config?: Record<string, unknown>;
  readonly resourceClass?: ResourceClass;
}

/** What `describeResourcePolicy` needs. */
export interface ResourcePolicySpec {
  readonly policy: BlueprintResourcePolicy;
  readonly resourceClass: ResourceClass;
  /** Other classes the policy covers; the compliant baseline passes for each. */
  readonly aliases?: readonly ResourceClass[];
  /** Inputs that comply, as the component declares them. */
  readonly compliant: Record<string, unknown>;
  readonly alsoCompliant?: readonly CompliantCase[];
  readonly violations: readonly ViolationCase[];
  /** Puts an unknown sentinel where the policy reads. */
  readonly unknown: (props: Record<string, any>) => void;
  /** A class the policy does not apply to. @default aws.sqs.Queue (or aws.s3.Bucket for SQS policies) */
  readonly foreignClass?: ResourceClass;
}

/** The standard cases of a resource policy: compliant, each violation, not applicable, preview-unknown. */
export function describeResourcePolicy(spec: ResourcePolicySpec): void {
  describe(spec.policy.name, () => {
    it("passes the compliant baseline", async () => {
      assertPasses(await checkResource(spec.policy, spec.resourceClass, clone(spec.compliant)));
    });
    for (const alias of spec.aliases ?? []) {
      it(`passes the compliant baseline as ${typeToken(alias)}`, async () => {
        assertPasses(await checkResource(spec.policy, alias, clone(spec.compliant)));
      });
    }
    for (const variant of spec.alsoCompliant ?? []) {
      it(`passes: ${variant.name}`, async () => {
        const props = clone(spec.compliant);
        variant.mutate(props);
        assertPasses(await checkResource(spec.policy, variant.resourceClass ?? spec.resourceClass, props, { config: variant.config }));
      });
    }
    for (const violation of spec.violations) {
      it(`reports: ${violation.name}`, async () => {
        const props = clone(spec.compliant);
        violation.mutate(props);
        assertViolations(
          await checkResource(spec.policy, violation.resourceClass ?? spec.resourceClass, props, { config: violation.config }),
          violation.expect,
        );
      });
    }
    it("does not apply to another resource type", async () => {
      const foreign = spec.foreignClass ?? (typeToken(spec.resourceClass).startsWith("aws:sqs/") ? aws.s3.Bucket : aws.sqs.Queue);
      assertNotApplicable(await checkResource(spec.policy, foreign, clone(spec.compliant)));
    });
    it("cannot run on a value unknown during preview", async () => {
      const props = clone(spec.compliant);
      spec.unknown(props);
      assertUnknown(await checkResource(spec.policy, spec.resourceClass, props));
    });
  });
}

/** A fixture resource a test may change. */
export type MutableResource = { -readonly [K in keyof StackResourceInput]: StackResourceInput[K] } & { props: Record<string, any> };

/** Builds resource graphs for stack policies. */
export class StackGraph {
  readonly resources: StackResourceInput[] = [];

  /** Adds a resource and returns its URN. */
  add(
    type: string,
    name: string,
    props: Record<string, unknown>,
    edges: { parent?: string; propertyDependencies?: Record<string, string[]>; provider?: ProviderInput } = {},
  ): string {
    const urn = testUrn(type, name);
    const propertyDependencies = edges.propertyDependencies ?? {};
    this.resources.push({
      type,
      name,
      urn,
      props,
      parent: edges.parent ?? null,
      dependencies: [...new Set(Object.values(propertyDependencies).flat())],
      propertyDependencies,
      ...(edges.provider ? { provider: edges.provider } : {}),
    });
    return urn;
  }

  /** The resource with this URN, writable (to mutate a fixture). */
  get(urn: string): MutableResource {
    const found = this.resources.find((resource) => resource.urn === urn);
    if (!found) throw new Error(`no resource ${urn}`);
    return found;
  }

  /** Removes the resources with these URNs. */
  remove(...urns: string[]): this {
    for (const urn of urns) {
      const index = this.resources.findIndex((resource) => resource.urn === urn);
      if (index < 0) throw new Error(`no resource ${urn}`);
      this.resources.splice(index, 1);
    }
    return this;
  }
}
