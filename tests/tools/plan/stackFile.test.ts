import * as assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { planStack } from "../../../tools/plan/planStack";
import { loadStackFile } from "../../../tools/plan/stackFile";

describe("stack files as pulumi config set --path writes them", () => {
  /** dev's stack file with a health-check matcher and a tag value stored as numbers, as `--path` stores them. */
  function devWithNumbers(): string {
    const dir = mkdtempSync(join(tmpdir(), "path-"));
    const document = parseDocument(readFileSync("stacks/Pulumi.dev.yaml", "utf8"));
    document.setIn(["config", "blueprint:web", "healthCheck", "matcher"], 200);
    document.setIn(["config", "blueprint:tags"], { CostCode: 1234 });
    writeFileSync(join(dir, "Pulumi.dev.yaml"), document.toString());
    return dir;
  }

  it("hands the program the numbers JSON-encoded, as the Pulumi CLI does", () => {
    const { config } = loadStackFile("dev", devWithNumbers());
    assert.deepEqual(JSON.parse(config["blueprint:web"]).healthCheck, { matcher: 200 });
    assert.equal(config["blueprint:tags"], '{"CostCode":1234}');
  });

  it("plans them: the target groups' matcher is the text 200 and a tagged security group carries CostCode 1234", async function () {
    this.timeout(60000);
    const plan = await planStack("dev", { stacksDir: devWithNumbers() });
    const targetGroups = plan.resources.filter((r) => r.type === "aws:lb/targetGroup:TargetGroup");
    assert.ok(targetGroups.length > 0);
    for (const group of targetGroups) assert.equal((group.inputs.healthCheck as { matcher: string }).matcher, "200");
    const securityGroup = plan.resources.find((r) => r.type === "aws:ec2/securityGroup:SecurityGroup")!;
    assert.equal((securityGroup.inputs.tags as Record<string, string>).CostCode, "1234");
  });
});
