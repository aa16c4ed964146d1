import * as assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { COMPONENTS, PLAN_FACTS } from "../../components/catalog";
import { buildFactIndex } from "../../components/lib/plan/factIndex";
import { KIND_ORDER } from "../../components/lib/plan/nodeKinds";
import type { PlanFile } from "../../tools/plan/planFile";
import { diagramModel } from "../../tools/plan/report/diagramModel";
import { declarationFile, declaredOutputs, declaredResultFields } from "../support/sdkOutputs";
import { shippedPlan } from "../support/shippedPlans";

const SHIPPED_STACKS = ["dev", "staging", "prod"];
const index = buildFactIndex(PLAN_FACTS);

/** The relative imports of a TypeScript file, resolved to paths. */
function localImports(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']/g)].map((match) => match[1]);
  return {
    local: specifiers
      .filter((s) => s.startsWith("."))
      .map((s) => normalize(join(dirname(file), s)))
      .map((base) => (existsSync(`${base}.ts`) ? `${base}.ts` : join(base, "index.ts"))),
    packages: specifiers.filter((s) => !s.startsWith(".")),
  };
}

describe("component catalog", () => {
  it("builds its fact index: no type or invoke is claimed twice", () => {
    assert.ok(index.types.size > 0);
    assert.equal(index.components.length, COMPONENTS.length + 1, "the shared types and one entry per component");
  });

  it("names each component by its folder, which holds the plan facts it lists", () => {
    for (const { name, plan } of COMPONENTS) {
      assert.equal(plan.component, name);
      assert.ok(existsSync(join("components", name, "plan.ts")), `components/${name}/plan.ts`);
    }
    assert.equal(new Set(COMPONENTS.map((component) => component.name)).size, COMPONENTS.length);
    assert.deepEqual(PLAN_FACTS[0].component, "shared");
  });

  it("stays pure: nothing it loads imports a Pulumi SDK (plan diff and the report load it)", () => {
    const seen = new Set<string>();
    const pending = ["components/catalog.ts"];
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const { local, packages } = localImports(file);
      assert.deepEqual(
        packages.filter((name) => name.startsWith("@pulumi/")),
        [],
        `${file} imports a Pulumi SDK`,
      );
      pending.push(...local);
    }
    assert.ok(seen.size > COMPONENTS.length, [...seen].join(", "));
  });

  it("declares every stateful type with what it is, what it loses and the inputs that replace it", () => {
    const stateful = [...index.types].filter(([, declared]) => declared.facts.stateful !== undefined);
    assert.equal(stateful.length, 18);
    for (const [type, { facts }] of stateful) {
      const { label, loses, replacedBy } = facts.stateful!;
      assert.ok(label.length > 0 && loses.length > 10, type);
      assert.ok(replacedBy.length > 0 && replacedBy.some((rule) => rule.input === "region"), `${type} is replaced by a region change`);
      assert.equal(new Set(replacedBy.map((rule) => rule.input)).size, replacedBy.length, `${type} lists an input twice`);
      for (const rule of replacedBy)
        assert.equal(rule.when === undefined, rule.condition === undefined, `${type}.${rule.input}: a condition needs its description`);
      assert.ok(facts.kind !== undefined, `${type} holds data, so the diagram draws it`);
    }
  });

  describe("every shipped stack", () => {
    const plans = new Map<string, PlanFile>();
    before(async function () {
      this.timeout(60_000);
      for (const stack of SHIPPED_STACKS) plans.set(stack, await shippedPlan(stack));
    });

    it("mocks only outputs the real resource or component returns (its SDK class declares each one)", () => {
      let checked = 0;
      const invented = new Map<string, Set<string>>();
      for (const plan of plans.values()) {
        for (const resource of plan.resources) {
          if (declarationFile(resource.type) === undefined) continue;
          const declared = declaredOutputs(resource.type);
          // outputs beyond the inputs are the mock's
          for (const key of Object.keys(resource.outputs).filter((key) => !(key in resource.inputs))) {
            checked++;
            if (!declared.has(key)) invented.set(resource.type, new Set([...(invented.get(resource.type) ?? []), key]));
          }
        }
      }
      assert.ok(checked > 300, `only ${checked} mocked outputs checked`);
      assert.deepEqual(Object.fromEntries([...invented].map(([type, keys]) => [type, [...keys]])), {});
    });

    it("mocks only invoke results the data source's result type declares", () => {
      // a representative input per invoke (the prefix-list mock refuses lists it does not know)
      const inputs: Record<string, Record<string, unknown>> = {
        "aws:ec2/getManagedPrefixList:getManagedPrefixList": { name: "com.amazonaws.global.cloudfront.origin-facing" },
        "aws:ec2/getRouteTables:getRouteTables": { vpcId: "vpc-0abc", filters: [{ name: "association.subnet-id", values: ["subnet-0abc"] }] },
        "aws:ssm/getParameter:getParameter": { name: "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64" },
      };
      assert.ok(index.invokes.size >= 6);
      for (const [token, declared] of index.invokes) {
        const fields = declaredResultFields(token);
        const invented = Object.keys(declared.mock(inputs[token] ?? {}, "eu-west-1")).filter((key) => !fields.has(key));
        assert.deepEqual(invented, [], token);
      }
    });

    it("reads the real classes: the awsx VPC has no summary fields, a bucket setting has no ARN", () => {
      const vpc = declaredOutputs("awsx:ec2:Vpc");
      for (const key of ["vpcId", "privateSubnetIds", "routeTables", "vpcEndpoints"]) assert.ok(vpc.has(key), key);
      for (const key of ["subnetDetails", "routeTableIds", "natGatewayDetails", "vpcEndpointDetails", "internetGatewayId"]) assert.ok(!vpc.has(key), key);
      assert.ok(!declaredOutputs("aws:s3/bucketPolicy:BucketPolicy").has("arn"));
      assert.ok(declaredOutputs("aws:sqs/queue:Queue").has("arn"));
    });

    it("plans only AWS types with declared facts: an explicit mock and a creation time with its basis", () => {
      for (const [stack, plan] of plans) {
        const types = new Set(plan.resources.filter((r) => r.type.startsWith("aws:") || r.type.startsWith("awsx:")).map((r) => r.type));
        assert.ok(types.size > 40, stack);
        const undeclared = [...types].filter((type) => {
          const facts = index.facts(type);
          return facts === undefined || typeof facts.mock !== "function" || !(facts.creation.seconds > 0) || facts.creation.basis.length === 0;
        });
        assert.deepEqual(undeclared, [], `${stack} plans types without facts`);
      }
    });

    it("plans every stateful resource it creates as a drawn box, and prod draws every kind", () => {
      for (const [stack, plan] of plans) {
        const model = diagramModel(plan);
        const drawn = new Set([...model.global, ...model.regions.flatMap((region) => region.nodes)].flatMap((node) => node.resources.map((r) => r.urn)));
        const statefulUndrawn = plan.resources.filter((r) => index.facts(r.type)?.stateful !== undefined && !drawn.has(r.urn)).map((r) => r.urn);
        assert.deepEqual(statefulUndrawn, [], stack);
      }
      const prod = diagramModel(plans.get("prod")!);
      const kinds = new Set([...prod.global, ...prod.regions.flatMap((region) => region.nodes)].map((node) => node.kind));
      assert.deepEqual(
        KIND_ORDER.filter((kind) => !kinds.has(kind)),
        [],
      );
    });
  });
});
