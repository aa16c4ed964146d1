/**
 * The in-process analyzer (tools/plan/policyRuntime.ts) behaves like @pulumi/policy 1.21's server:
 * these tests pin each behaviour the harness and the plan rely on.
 */
import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import { validateResourceOfType, validateStackResourcesOfType, type ResourceValidationPolicy, type StackValidationPolicy } from "@pulumi/policy";
import {
  frozenTags,
  isTypeOf,
  policyResources,
  resourceValidationArgs,
  runResourcePolicy,
  runStackPolicy,
  UNKNOWN_SENTINELS,
} from "../../../tools/plan/policyRuntime";
import { testUrn } from "../../support/policies/harness";

const settings = { config: {}, stackTags: frozenTags({ "blueprint:environment": "dev" }) };
const queue = { type: "aws:sqs/queue:Queue", name: "q", urn: testUrn("aws:sqs/queue:Queue", "q"), props: { sqsManagedSseEnabled: true, tags: { A: "b" } } };

describe("policy runtime (the analyzer, in process)", () => {
  it("pins the SDK's preview-unknown sentinels", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- proxy.js is internal to @pulumi/policy
    const proxy = require("@pulumi/policy/proxy") as Record<string, unknown>;
    assert.deepEqual(UNKNOWN_SENTINELS, {
      boolean: proxy.unknownBooleanValue,
      number: proxy.unknownNumberValue,
      string: proxy.unknownStringValue,
      array: proxy.unknownArrayValue,
      asset: proxy.unknownAssetValue,
      archive: proxy.unknownArchiveValue,
      object: proxy.unknownObjectValue,
    });
  });

  it("compares isType and asType against the class given, not the policy's own type", () => {
    const args = resourceValidationArgs(queue, settings);
    assert.equal(args.isType(aws.sqs.Queue), true);
    assert.equal(args.isType(aws.s3.Bucket), false);
    assert.equal(args.asType(aws.s3.Bucket), undefined);
    assert.equal(args.asType(aws.sqs.Queue)?.sqsManagedSseEnabled, true);
    assert.equal(isTypeOf("aws:sqs/queue:Queue", { isInstance: (o: { __pulumiType: string }) => o.__pulumiType === "aws:sqs/queue:Queue" }), true);
    assert.equal(isTypeOf("aws:sqs/queue:Queue", {}), false);
  });

  it("puts props behind the unknown-checking proxy, where array methods still work", () => {
    const args = resourceValidationArgs(
      { ...queue, props: { list: [1, 2, 3], name: UNKNOWN_SENTINELS.string, nested: { flag: UNKNOWN_SENTINELS.boolean } } },
      settings,
    );
    assert.deepEqual(
      (args.props.list as number[]).filter((n) => n > 1).map((n) => n * 2),
      [4, 6],
    );
    assert.equal("name" in args.props, true, "`in` does not read the value");
    assert.throws(() => args.props.name, /string value at \.name can't be known during preview/);
    assert.throws(() => (args.props.nested as { flag: boolean }).flag, /boolean value at \.nested\.flag can't be known during preview/);
  });

  it("gives every validation its own copy of the props", async () => {
    const policy: ResourceValidationPolicy = {
      name: "mutates",
      description: "d",
      validateResource: [
        (args) => {
          (args.props.tags as Record<string, string>).A = "changed";
        },
        (args, report) => report(String((args.props.tags as Record<string, string>).A)),
      ],
    };
    assert.deepEqual((await runResourcePolicy(policy, queue, settings)).violations, [{ message: "b" }]);
    assert.equal(queue.props.tags.A, "b");
  });

  it("exposes stack tags read-only and getConfig as given", async () => {
    const args = resourceValidationArgs(queue, { config: { limit: 3 }, stackTags: settings.stackTags });
    assert.equal(args.stackTags.get("blueprint:environment"), "dev");
    assert.equal("set" in args.stackTags, false, "stack tags are read-only");
    assert.deepEqual(args.getConfig(), { limit: 3 });
  });

  it("reports a type mismatch as not applicable, through the fast path or the typed helper", async () => {
    const typed: ResourceValidationPolicy = {
      name: "typed",
      description: "d",
      validateResource: validateResourceOfType(aws.s3.Bucket, (_props, _args, report) => report("never")),
    };
    assert.deepEqual(await runResourcePolicy(typed, queue, settings), {
      violations: [],
      notApplicable: "Policy only applies to resources of type 'aws:s3/bucket:Bucket'",
    });
    const untyped: ResourceValidationPolicy = { name: "untyped", description: "d", validateResource: [(args) => args.notApplicable("no reason")] };
    assert.deepEqual(await runResourcePolicy(untyped, queue, settings), { violations: [], notApplicable: "no reason" });
  });

  it("keeps violations reported before an unknown value stopped the policy", async () => {
    const policy: ResourceValidationPolicy = {
      name: "partial",
      description: "d",
      validateResource: (args, report) => {
        report("first");
        void args.props.name;
      },
    };
    const outcome = await runResourcePolicy(policy, { ...queue, props: { name: UNKNOWN_SENTINELS.string } }, settings);
    assert.deepEqual(outcome.violations, [{ message: "first" }]);
    assert.equal(outcome.unknown, "can't run policy 'partial' during preview: string value at .name can't be known during preview");
  });

  it("surfaces any other error as a failure naming the policy", async () => {
    const policy: ResourceValidationPolicy = {
      name: "broken",
      description: "d",
      validateResource: () => {
        throw new TypeError("boom");
      },
    };
    await assert.rejects(runResourcePolicy(policy, queue, settings), /Error validating with policy 'broken': boom/);
  });

  it("resolves parent, dependencies and property dependencies of stack resources to objects", async () => {
    const parentUrn = testUrn("blueprint:queue:Queues", "qs");
    const resources = policyResources([
      { type: "blueprint:queue:Queues", name: "qs", urn: parentUrn, props: {} },
      { ...queue, parent: parentUrn },
      {
        type: "aws:sqs/queuePolicy:QueuePolicy",
        name: "p",
        urn: testUrn("aws:sqs/queuePolicy:QueuePolicy", "p"),
        props: { queueUrl: "u" },
        parent: parentUrn,
        dependencies: [queue.urn, "urn:not-in-stack"],
        propertyDependencies: { queueUrl: [queue.urn] },
        provider: { type: "pulumi:providers:aws", name: "default", urn: "urn:provider", props: { region: "eu-west-1" } },
      },
    ]);
    const [parent, q, p] = resources;
    assert.equal(q.parent, parent);
    assert.deepEqual(p.dependencies, [q]);
    assert.deepEqual(p.propertyDependencies.queueUrl, [q]);
    assert.equal(p.provider?.props.region, "eu-west-1");
    assert.equal(p.opts.parent, parentUrn);
    assert.equal(q.isType(aws.sqs.Queue), true);
    assert.equal(q.asType(aws.sqs.QueuePolicy), undefined);
  });

  it("filters stack resources by type with the SDK's typed helper, not applicable when none match", async () => {
    const policy: StackValidationPolicy = {
      name: "queues",
      description: "d",
      validateStack: validateStackResourcesOfType(aws.sqs.Queue, (queues, _args, report) => report(`${queues.length} queue(s)`)),
    };
    assert.deepEqual((await runStackPolicy(policy, policyResources([queue]), settings)).violations, [{ message: "1 queue(s)" }]);
    assert.deepEqual(await runStackPolicy(policy, policyResources([]), settings), {
      violations: [],
      notApplicable: "Policy only applies to resources of type 'aws:sqs/queue:Queue'",
    });
  });
});
