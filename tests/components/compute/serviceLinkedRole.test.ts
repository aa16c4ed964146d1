import * as assert from "node:assert/strict";
import { autoScalingRoleSuffixProblems, MAX_AUTO_SCALING_ROLE_SUFFIX } from "../../../components/compute/serviceLinkedRole";

describe("autoScalingRoleSuffixProblems", () => {
  it("accepts a stack's name prefix", () => {
    assert.deepEqual(autoScalingRoleSuffixProblems("blueprint-prod"), []);
  });

  it("refuses a suffix IAM's 64-character role name cannot hold, or characters it refuses", () => {
    assert.equal(MAX_AUTO_SCALING_ROLE_SUFFIX, 35);
    assert.deepEqual(autoScalingRoleSuffixProblems("x".repeat(36)), ["the Auto Scaling role suffix must be 1 to 35 characters, got 36"]);
    assert.deepEqual(autoScalingRoleSuffixProblems("a b"), ['the Auto Scaling role suffix may only hold letters, digits and + = , . @ _ -, got "a b"']);
  });
});
