/**
 * The pack as the Pulumi CLI runs it: start `policies/index.ts` in its own directory (it serves
 * gRPC and prints its port), connect as the engine's analyzer client, read the pack's info,
 * configure it with prod's pack config, and analyze a non-compliant and a compliant resource.
 */
import * as assert from "node:assert/strict";
import { type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { PolicyPackConfig } from "@pulumi/policy";
import { ALL_POLICIES, PACK_NAME } from "../../policies/all";
import { configOf, enforcementOf } from "../../policies/lib/enforcement";
import { analyzeRequest, analyzerClient, analyzerPb, call, Empty, LEVELS, startPack, Struct } from "../support/policies/analyzer";
import { testUrn } from "../support/policies/harness";

const PACK_DIR = resolve(__dirname, "../../policies");

describe("the pack under the analyzer protocol (as `pulumi preview --policy-pack policies` runs it)", function () {
  this.timeout(60000);
  let child: ChildProcess | undefined;
  let client: any;

  before(async () => {
    const started = startPack(["--require", "tsx/cjs", "index.ts"], PACK_DIR);
    child = started.child;
    client = analyzerClient(await started.port);
  });

  after(() => {
    client?.close();
    child?.kill();
  });

  it("describes the pack and every policy with its metadata and config schema", async () => {
    const info = await call<any>(client, "getAnalyzerInfo", new Empty());
    assert.equal(info.getName(), PACK_NAME);
    assert.equal(info.getVersion(), JSON.parse(readFileSync(join(PACK_DIR, "package.json"), "utf8")).version);
    assert.equal(info.getSupportsconfig(), true);
    const served = new Map<string, any>(info.getPoliciesList().map((p: any) => [p.getName(), p]));
    assert.deepEqual(
      [...served.keys()],
      ALL_POLICIES.map((p) => p.name),
    );
    const retention = served.get("aws-cloudwatch-loggroup-configure-retention");
    assert.equal(retention.getRemediationSteps(), ALL_POLICIES.find((p) => p.name === "aws-cloudwatch-loggroup-configure-retention")!.remediationSteps);
    assert.deepEqual(retention.getTagsList(), [
      "service:observability",
      "checkov:CKV_AWS_66",
      "checkov:CKV_AWS_338",
      "cdk-nag:CloudWatchLogGroupRetentionPeriod",
      "well-architected:SEC04-BP01",
      "well-architected:REL06-BP01",
    ]);
    assert.equal(retention.getSeverity(), analyzerPb.PolicySeverity.POLICY_SEVERITY_MEDIUM);
    assert.equal(retention.getConfigschema().getProperties().toJavaScript().minimumRetentionDays.default, 365);
    assert.equal(served.get("stack-require-matching-policy-config").getEnforcementlevel(), LEVELS.mandatory);
  });

  it("enforces prod's config: a non-compliant queue fails mandatory, a queue without a customer key fails too (prod waives no queue policy)", async () => {
    const prod = JSON.parse(readFileSync(join(PACK_DIR, "config/prod.json"), "utf8")) as PolicyPackConfig;
    const configure = new analyzerPb.ConfigureAnalyzerRequest();
    for (const policy of ALL_POLICIES) {
      const entry = new analyzerPb.PolicyConfig();
      entry.setEnforcementlevel(LEVELS[enforcementOf(policy, prod)]);
      entry.setProperties(Struct.fromJavaScript(configOf(policy, prod)));
      configure.getPolicyconfigMap().set(policy.name, entry);
    }
    await call(client, "configure", configure);
    const stack = new analyzerPb.AnalyzerStackConfigureRequest();
    stack.setStack("prod");
    stack.getTagsMap().set("blueprint:environment", "prod");
    await call(client, "configureStack", stack);

    const diagnostics = async (props: Record<string, unknown>) =>
      ((await call<any>(client, "analyze", analyzeRequest("aws:sqs/queue:Queue", "jobs", props))).getDiagnosticsList() as any[]).map(
        (d) => `${d.getEnforcementlevel() === LEVELS.mandatory ? "mandatory" : "advisory"} ${d.getPolicyname()}: ${d.getMessage().split("\n").pop()}`,
      );
    assert.deepEqual(await diagnostics({ region: "us-east-1", sqsManagedSseEnabled: false }), [
      "mandatory aws-sqs-queue-enable-encryption: The queue turns server-side encryption off.",
      "mandatory aws-sqs-queue-configure-customer-managed-key: The queue is not encrypted with a customer-managed KMS key.",
    ]);
    // prod's config waives no queue policy: SSE-SQS alone is not enough
    assert.deepEqual(await diagnostics({ region: "us-east-1", sqsManagedSseEnabled: true }), [
      "mandatory aws-sqs-queue-configure-customer-managed-key: The queue is not encrypted with a customer-managed KMS key.",
    ]);
    assert.deepEqual(await diagnostics({ region: "us-east-1", kmsMasterKeyId: "arn:aws:kms:us-east-1:123456789012:key/1" }), []);
  });

  it("analyzes the stack: parents and property dependencies arrive, and a VPC without flow log fails", async () => {
    const resource = (type: string, name: string, props: Record<string, unknown>, edges: { parent?: string; deps?: Record<string, string[]> } = {}) => {
      const r = new analyzerPb.AnalyzerResource();
      r.setType(type);
      r.setName(name);
      r.setUrn(testUrn(type, name));
      r.setProperties(Struct.fromJavaScript(props));
      const options = new analyzerPb.AnalyzerResourceOptions();
      options.setProtect(false);
      r.setOptions(options);
      if (edges.parent) r.setParent(edges.parent);
      for (const [prop, urns] of Object.entries(edges.deps ?? {})) {
        const deps = new analyzerPb.AnalyzerPropertyDependencies();
        deps.setUrnsList(urns);
        r.getPropertydependenciesMap().set(prop, deps);
      }
      r.setDependenciesList(Object.values(edges.deps ?? {}).flat());
      return r;
    };
    const stackUrn = testUrn("pulumi:pulumi:Stack", "blueprint-prod");
    const vpc = (region: string) => testUrn("awsx:ec2:Vpc", `${region}-vpc`);
    const request = new analyzerPb.AnalyzeStackRequest();
    request.setResourcesList([
      resource("pulumi:pulumi:Stack", "blueprint-prod", { environment: "prod" }),
      resource(
        "awsx:ec2:Vpc",
        "us-east-1-vpc",
        { region: "us-east-1", cidrBlock: "10.128.0.0/16", vpcId: "vpc-1", availabilityZoneNames: ["us-east-1a", "us-east-1b", "us-east-1c"] },
        { parent: stackUrn },
      ),
      resource(
        "awsx:ec2:Vpc",
        "eu-west-1-vpc",
        { region: "eu-west-1", cidrBlock: "10.129.0.0/16", vpcId: "vpc-2", availabilityZoneNames: ["eu-west-1a", "eu-west-1b", "eu-west-1c"] },
        { parent: stackUrn },
      ),
      resource(
        "aws:ec2/flowLog:FlowLog",
        "us-east-1-flow-log",
        { region: "us-east-1", vpcId: "vpc-1", trafficType: "ALL" },
        { parent: stackUrn, deps: { vpcId: [vpc("us-east-1")] } },
      ),
      resource(
        "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
        "us-east-1-default",
        { region: "us-east-1", vpcId: "vpc-1", ingress: [], egress: [] },
        { deps: { vpcId: [vpc("us-east-1")] } },
      ),
      resource(
        "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
        "eu-west-1-default",
        { region: "eu-west-1", vpcId: "vpc-2", ingress: [], egress: [] },
        { deps: { vpcId: [vpc("eu-west-1")] } },
      ),
    ]);
    const response = await call<any>(client, "analyzeStack", request);
    const mandatory = (response.getDiagnosticsList() as any[])
      .filter((d) => d.getEnforcementlevel() === LEVELS.mandatory)
      .map((d) => `${d.getPolicyname()} ${d.getUrn()}: ${d.getMessage().split("\n").pop()}`);
    assert.deepEqual(mandatory, [
      `aws-ec2-vpc-enable-flow-logs ${vpc("eu-west-1")}: VPC eu-west-1-vpc has no flow log.`,
      // two bare VPCs: neither region has its composite health alarm
      "aws-cloudwatch-compositealarm-require-per-region : Region eu-west-1 has no composite alarm: nothing sums up its health.",
      "aws-cloudwatch-compositealarm-require-per-region : Region us-east-1 has no composite alarm: nothing sums up its health.",
      "stack-require-identical-regional-stamps : Region eu-west-1 has no aws:ec2/flowLog:FlowLog, which us-east-1 has.",
      // two regions and no Region switch plan
      "stack-require-switch-plan-covers-every-region : No Region switch plan covers eu-west-1, us-east-1: a switchover there is a runbook, not a plan.",
    ]);
  });
});
