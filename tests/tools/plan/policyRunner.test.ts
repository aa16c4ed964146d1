import * as assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PolicyPackConfig } from "@pulumi/policy";
import type { PlannedResource } from "../../../tools/plan/planFile";
import { planStack } from "../../../tools/plan/planStack";
import { shippedPlan } from "../../support/shippedPlans";
import { packConfigFor, PolicyConfigError, runPolicies, stackTagsFor, type PolicyStackContext } from "../../../tools/plan/policyRunner";
import { violatingProgram } from "../../support/policies/violatingProgram";

const context: PolicyStackContext = { project: "blueprint", stack: "t", environment: "prod", enforcement: "mandatory", defaultRegion: "us-east-1" };

function resource(type: string, name: string, inputs: Record<string, unknown>, extra: Partial<PlannedResource> = {}): PlannedResource {
  return {
    urn: `urn:pulumi:t::blueprint::${type}::${name}`,
    type,
    name,
    custom: true,
    parent: "urn:pulumi:t::blueprint::pulumi:pulumi:Stack::blueprint-t",
    region: typeof inputs.region === "string" ? inputs.region : null,
    inputs,
    outputs: inputs,
    dependencies: [],
    propertyDependencies: {},
    protect: false,
    ignoreChanges: [],
    deleteBeforeReplace: false,
    ...extra,
  };
}

const stackResource = resource("pulumi:pulumi:Stack", "blueprint-t", {}, { custom: false, parent: null });

describe("policy runner (the pack inside the plan)", () => {
  it("reports the five mistakes of the violating prod variant as mandatory, and nothing else", async () => {
    // SSH from anywhere breaks three rules: an admin port, a port that is not a public listener, and
    // internet ingress on a group no internet-facing load balancer uses; the far DLQ also has no alarm.
    const plan = await planStack("prod", { program: violatingProgram });
    const mandatory = plan.policies.violations.filter((v) => v.enforcementLevel === "mandatory");
    assert.deepEqual([...new Set(mandatory.map((v) => v.policy))].sort(), [
      "aws-autoscaling-group-configure-multi-az",
      "aws-ec2-securitygroup-disallow-public-admin-ingress",
      "aws-ec2-securitygroup-disallow-public-ingress",
      "aws-ec2-securitygroup-restrict-public-ingress-to-load-balancers",
      "aws-rds-database-disallow-public-access",
      "aws-sqs-queue-configure-customer-managed-key",
      "aws-sqs-queue-configure-dead-letter-queue",
      "aws-sqs-queue-enable-encryption",
      "stack-require-alarm-coverage",
    ]);
    const byPolicy = (name: string) => mandatory.filter((v) => v.policy === name).map((v) => `${v.urn?.split("::").pop()}: ${v.message}`);
    assert.deepEqual(byPolicy("aws-sqs-queue-enable-encryption"), ["plain: The queue turns server-side encryption off."]);
    assert.deepEqual(byPolicy("aws-sqs-queue-configure-dead-letter-queue"), [
      "plain: Queue plain has no dead-letter queue and is not one.",
      "near: Queue near (us-east-1) redrives to a dead-letter queue in eu-west-1; SQS needs it in the same region.",
    ]);
    assert.deepEqual(byPolicy("aws-autoscaling-group-configure-multi-az"), [
      "single-az: Auto-scaling group single-az launches into 0 AZ(s) (none known) and 1 subnet(s) the stack does not describe (subnet-0aaaaaaaaaaaaaaaa); at least 2 AZs are required.",
    ]);
    assert.deepEqual(byPolicy("aws-ec2-securitygroup-disallow-public-admin-ingress"), [
      "ssh: The ingress rule opens administration port(s) 22 (tcp 22) to 0.0.0.0/0.",
    ]);
    assert.deepEqual(byPolicy("aws-ec2-securitygroup-disallow-public-ingress"), [
      "ssh: The ingress rule opens tcp 22 to 0.0.0.0/0; only ports 443, 80 may be public.",
    ]);
    assert.deepEqual(byPolicy("aws-ec2-securitygroup-restrict-public-ingress-to-load-balancers"), [
      "ssh: Security group sg-0aaaaaaaaaaaaaaaa admits 0.0.0.0/0 (tcp 22) through rule ssh, but no internet-facing load balancer of the stack uses it.",
    ]);
    assert.deepEqual(byPolicy("stack-require-alarm-coverage"), ["far-dlq: Dead-letter queue far-dlq (eu-west-1) has no CloudWatch alarm in its region."]);
    assert.deepEqual(byPolicy("aws-rds-database-disallow-public-access"), ["public-reader: The cluster instance is publicly accessible."]);
  });

  it("reports the same mistakes as advisory in dev", async () => {
    const plan = await planStack("dev", { program: violatingProgram });
    assert.deepEqual(
      plan.policies.violations.filter((v) => v.enforcementLevel === "mandatory"),
      [],
    );
    const advisory = new Set(plan.policies.violations.map((v) => v.policy));
    for (const name of [
      "aws-sqs-queue-enable-encryption",
      "aws-autoscaling-group-configure-multi-az",
      "aws-ec2-securitygroup-disallow-public-admin-ingress",
      "aws-rds-database-disallow-public-access",
    ]) {
      assert.ok(advisory.has(name), name);
    }
  });

  it("applies pack-config overrides: a level per policy, thresholds, all", async () => {
    const plan = {
      resources: [stackResource, resource("aws:cloudwatch/logGroup:LogGroup", "logs", { region: "us-east-1", retentionInDays: 30, kmsKeyId: "k" })],
      outputs: { environment: "prod" },
    };
    const names = async (configOverrides: PolicyPackConfig) =>
      (await runPolicies(plan, context, { configOverrides })).violations
        .filter((v) => v.policy.startsWith("aws-cloudwatch-"))
        .map((v) => `${v.enforcementLevel} ${v.policy}: ${v.message}`);
    assert.deepEqual(await names({}), [
      "mandatory aws-cloudwatch-loggroup-configure-retention: The log group keeps events for 30 day(s); at least 365 are required.",
    ]);
    assert.deepEqual(await names({ "aws-cloudwatch-loggroup-configure-retention": { minimumRetentionDays: 30 } }), []);
    assert.deepEqual(await names({ "aws-cloudwatch-loggroup-configure-retention": "advisory" }), [
      "advisory aws-cloudwatch-loggroup-configure-retention: The log group keeps events for 30 day(s); at least 365 are required.",
    ]);
    assert.deepEqual(await names({ "aws-cloudwatch-loggroup-configure-retention": "disabled" }), []);
    assert.deepEqual(await names({ all: "advisory", "stack-require-matching-policy-config": "mandatory" }), [
      "advisory aws-cloudwatch-loggroup-configure-retention: The log group keeps events for 30 day(s); at least 365 are required.",
    ]);
  });

  it("turns a value the plan could not know into the engine's advisory can't-run result", async () => {
    const plan = {
      resources: [
        stackResource,
        resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "rule", {
          region: "us-east-1",
          ipProtocol: "tcp",
          fromPort: 22,
          toPort: 22,
          cidrIpv4: "[unknown]",
          description: "d",
        }),
      ],
      outputs: { environment: "prod" },
    };
    const { violations } = await runPolicies(plan, context);
    assert.deepEqual(
      violations.filter((v) => v.policy === "aws-ec2-securitygroup-disallow-public-admin-ingress"),
      [
        {
          policy: "aws-ec2-securitygroup-disallow-public-admin-ingress",
          enforcementLevel: "advisory",
          urn: plan.resources[1].urn,
          message:
            "can't run policy 'aws-ec2-securitygroup-disallow-public-admin-ingress' during preview: string value at .cidrIpv4 can't be known during preview",
        },
      ],
    );
  });

  it("gives stack policies the stack outputs on the root stack and resources the default provider's region", async () => {
    const queue = (name: string, inputs: Record<string, unknown>) => resource("aws:sqs/queue:Queue", name, { sqsManagedSseEnabled: true, ...inputs });
    const plan = {
      resources: [
        stackResource,
        queue("dlq", { region: "eu-west-1", arn: "arn:aws:sqs:eu-west-1:123456789012:dlq" }),
        queue("jobs", { redrivePolicy: JSON.stringify({ deadLetterTargetArn: "arn:aws:sqs:eu-west-1:123456789012:dlq", maxReceiveCount: 3 }) }),
      ],
      outputs: { environment: "dev" },
    };
    const result = await runPolicies(plan, context, { stackTags: {} });
    const messages = result.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => `${v.policy}: ${v.message}`);
    assert.ok(
      messages.includes("stack-require-matching-policy-config: The pack runs with the prod pack config but the stack is dev; use policies/config/dev.json."),
      messages.join("\n"),
    );
    assert.ok(
      messages.includes(
        "aws-sqs-queue-configure-dead-letter-queue: Queue jobs (us-east-1) redrives to a dead-letter queue in eu-west-1; SQS needs it in the same region.",
      ),
      messages.join("\n"),
    );
    assert.ok(result.notApplicable.some((n) => n.policy === "aws-ec2-vpc-enable-flow-logs" && n.urn === null && /no VPC/.test(n.reason)));
  });

  it("tags the stack with its environment and resilience waiver", () => {
    assert.deepEqual(stackTagsFor({ ...context, resilienceWaiver: "Only us-east-1 until the audit." }), {
      "pulumi:project": "blueprint",
      "pulumi:runtime": "nodejs",
      "blueprint:environment": "prod",
      "blueprint:resilience-waiver": "Only us-east-1 until the audit.",
    });
  });

  it("reads the environment's pack config, with `all` from the stack, and refuses one that disagrees", () => {
    const dir = mkdtempSync(join(tmpdir(), "policy-config-"));
    writeFileSync(join(dir, "prod.json"), JSON.stringify({ all: "advisory", x: "disabled" }));
    writeFileSync(join(dir, "staging.json"), JSON.stringify({ x: { limit: 1 } }));
    writeFileSync(join(dir, "dev.json"), "{ nope");
    assert.throws(
      () => packConfigFor(context, dir),
      (e: Error) =>
        e instanceof PolicyConfigError && /prod\.json sets "all": "advisory" but the prod profile's policy enforcement is mandatory/.test(e.message),
    );
    assert.deepEqual(packConfigFor({ environment: "staging", enforcement: "mandatory" }, dir), { x: { limit: 1 }, all: "mandatory" });
    assert.deepEqual(packConfigFor({ environment: "qa", enforcement: "advisory" }, dir), { all: "advisory" });
    assert.throws(() => packConfigFor({ environment: "dev", enforcement: "advisory" }, dir), /dev\.json is not valid JSON/);
    assert.equal(packConfigFor({ environment: "prod", enforcement: "mandatory" }).all, "mandatory");
  });
});

describe("the pack without a config file (as the Pulumi CLI serves a local pack without --policy-pack-config)", () => {
  // every policy mandatory at its schema's default thresholds
  const noConfig = { configDir: mkdtempSync(join(tmpdir(), "no-pack-config-")), configOverrides: { all: "mandatory" } } as const;
  for (const stack of ["staging", "prod"]) {
    it(`finds no violation at all on ${stack}, every policy mandatory at its default thresholds`, async () => {
      const plan = await planStack(stack, { policies: noConfig });
      assert.deepEqual(plan.policies.violations, []);
    });
  }

  it("and with each shipped config, every stack has no violation at any level", async () => {
    for (const stack of ["dev", "staging", "prod"]) {
      const plan = await shippedPlan(stack);
      assert.deepEqual(plan.policies.violations, [], stack);
    }
  });
});
