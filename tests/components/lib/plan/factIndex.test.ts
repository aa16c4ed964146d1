import * as assert from "node:assert/strict";
import { API_ONLY_CREATION } from "../../../../components/lib/plan/creation";
import { buildFactIndex, DuplicateFactsError } from "../../../../components/lib/plan/factIndex";
import type { ComponentPlanFacts, TypeFacts } from "../../../../components/lib/plan/facts";
import { genericMock, type InvokeMock } from "../../../../components/lib/plan/mock";

const facts = (type: string): TypeFacts => ({ type, mock: genericMock, creation: API_ONLY_CREATION });
const invoke: InvokeMock = () => ({ id: "x" });

/** A fake catalog: two components and the shared types. */
const CATALOG: readonly ComponentPlanFacts[] = [
  { component: "shared", types: [facts("aws:iam/role:Role")], invokes: { "aws:index/getPartition:getPartition": invoke } },
  { component: "alpha", types: [facts("aws:sqs/queue:Queue"), facts("aws:sqs/queuePolicy:QueuePolicy")] },
  { component: "beta", types: [facts("aws:sns/topic:Topic")], invokes: { "aws:ssm/getParameter:getParameter": invoke } },
];

describe("plan fact index", () => {
  it("indexes every declared type and invoke with the component that declares it, in catalog order", () => {
    const index = buildFactIndex(CATALOG);
    assert.deepEqual(
      [...index.types].map(([type, declared]) => [type, declared.component]),
      [
        ["aws:iam/role:Role", "shared"],
        ["aws:sqs/queue:Queue", "alpha"],
        ["aws:sqs/queuePolicy:QueuePolicy", "alpha"],
        ["aws:sns/topic:Topic", "beta"],
      ],
    );
    assert.equal(index.facts("aws:sqs/queue:Queue"), CATALOG[1].types[0]);
    assert.equal(index.facts("aws:rds/cluster:Cluster"), undefined);
    assert.equal(index.invoke("aws:ssm/getParameter:getParameter"), invoke);
    assert.equal(index.invoke("aws:ec2/getVpc:getVpc"), undefined);
    assert.deepEqual(
      [...index.invokes.values()].map((declared) => declared.component),
      ["shared", "beta"],
    );
    assert.deepEqual(
      index.components.map((component) => component.component),
      ["shared", "alpha", "beta"],
    );
  });

  it("refuses a type two components claim, naming both homes", () => {
    const claimedTwice = [...CATALOG, { component: "gamma", types: [facts("aws:sqs/queue:Queue")] }];
    assert.throws(
      () => buildFactIndex(claimedTwice),
      (error: unknown) =>
        error instanceof DuplicateFactsError &&
        error.message.startsWith("Two components claim the type aws:sqs/queue:Queue: components/alpha and components/gamma.") &&
        error.message.includes("components/lib/plan/sharedTypes.ts"),
    );
  });

  it("refuses a component's own type claimed by the shared types too", () => {
    assert.throws(
      () => buildFactIndex([...CATALOG, { component: "gamma", types: [facts("aws:iam/role:Role")] }]),
      /^DuplicateFactsError: Two components claim the type aws:iam\/role:Role: components\/lib\/plan \(shared\) and components\/gamma\./,
    );
  });

  it("refuses a type declared twice by one component, an invoke claimed twice and a component listed twice", () => {
    assert.throws(
      () => buildFactIndex([{ component: "alpha", types: [facts("aws:sqs/queue:Queue"), facts("aws:sqs/queue:Queue")] }]),
      /components\/alpha declares the plan facts of aws:sqs\/queue:Queue twice/,
    );
    assert.throws(
      () => buildFactIndex([...CATALOG, { component: "gamma", types: [], invokes: { "aws:index/getPartition:getPartition": invoke } }]),
      /Two components claim the invoke aws:index\/getPartition:getPartition: components\/lib\/plan \(shared\) and components\/gamma\./,
    );
    assert.throws(() => buildFactIndex([...CATALOG, { component: "beta", types: [] }]), /The component beta declares plan facts twice/);
  });
});
