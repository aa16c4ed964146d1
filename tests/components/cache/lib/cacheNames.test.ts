import * as assert from "node:assert/strict";
import fc from "fast-check";
import {
  globalDatastoreIdSuffix,
  identifierProblems,
  MAX_GLOBAL_DATASTORE_ID_SUFFIX_LENGTH,
  memberClusterIds,
  replicationGroupId,
  slowLogGroupName,
} from "../../../../components/cache/lib/cacheNames";
import { REGION_NAMES } from "../../../../components/lib/regions";
import { physicalNamePrefix } from "../../../../components/lib/naming";

describe("cache names", () => {
  it("names the group after the stack and the region, never the role", () => {
    assert.equal(replicationGroupId("blueprint-prod", "eu-west-1"), "blueprint-prod-eu-west-1");
    assert.equal(globalDatastoreIdSuffix("blueprint-prod"), "blueprint-prod-cache");
    assert.deepEqual(memberClusterIds("blueprint-prod-eu-west-1", 3), [
      "blueprint-prod-eu-west-1-001",
      "blueprint-prod-eu-west-1-002",
      "blueprint-prod-eu-west-1-003",
    ]);
    assert.equal(slowLogGroupName("blueprint-prod-eu-west-1"), "/aws/elasticache/blueprint-prod-eu-west-1/slow-log");
  });

  it("states each identifier rule", () => {
    assert.deepEqual(identifierProblems("a".repeat(41)), ["must be 1 to 40 characters, and is 41"]);
    assert.deepEqual(identifierProblems("my--cache-"), ["must not contain two consecutive hyphens", "must not end with a hyphen"]);
    assert.deepEqual(identifierProblems("-x_y"), ["may only contain letters, digits and hyphens", "must begin with a letter"]);
    assert.deepEqual(identifierProblems(""), ["must be 1 to 40 characters, and is 0", "must begin with a letter"]);
  });

  it("keeps every derived ID valid and distinct for any project and stack that start with a letter (property)", () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9_. -]{0,60}$/);
    fc.assert(
      fc.property(word, word, fc.constantFrom(...REGION_NAMES), (project, stack, region) => {
        const prefix = physicalNamePrefix(project, stack);
        const id = replicationGroupId(prefix, region);
        const suffix = globalDatastoreIdSuffix(prefix);
        assert.deepEqual(identifierProblems(id), [], id);
        assert.deepEqual(identifierProblems(suffix, MAX_GLOBAL_DATASTORE_ID_SUFFIX_LENGTH), [], suffix);
        assert.ok(id.endsWith(`-${region}`), id);
        assert.notEqual(replicationGroupId(`${prefix}x`, region), id);
      }),
      { numRuns: 300 },
    );
  });
});
