import * as assert from "node:assert/strict";
import { standardTags, tagKeyProblem, tagValueProblem } from "../../../components/lib/tags";

describe("tags", () => {
  const context = { project: "blueprint", environment: "prod", owner: "team", costCenter: "CC-1", extra: { Team: "x" } };

  it("sets the standard keys, Region only for regional resources", () => {
    assert.deepEqual(standardTags(context, "eu-west-1"), {
      Team: "x",
      Environment: "prod",
      Project: "blueprint",
      Owner: "team",
      CostCenter: "CC-1",
      ManagedBy: "pulumi",
      Region: "eu-west-1",
    });
    assert.equal("Region" in standardTags(context), false);
  });

  it("applies AWS's tag rules", () => {
    assert.match(tagKeyProblem("aws:owner")!, /must not start with aws:/);
    assert.match(tagKeyProblem("")!, /1 to 128 characters/);
    assert.match(tagValueProblem("a;b")!, /may only contain/);
    assert.equal(tagValueProblem("platform team @ HQ"), undefined);
  });
});
