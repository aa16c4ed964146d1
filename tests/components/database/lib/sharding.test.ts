import * as assert from "node:assert/strict";
import {
  HASH_SPACE,
  hashRange,
  shardMap,
  shardMapParameterName,
  shardNamePrefix,
  shardProblems,
  shardResourceName,
} from "../../../../components/database/lib/sharding";

describe("database sharding", () => {
  it("keeps shard 0's names and suffixes the others", () => {
    assert.deepEqual([shardNamePrefix("blueprint-prod", 0), shardNamePrefix("blueprint-prod", 2)], ["blueprint-prod", "blueprint-prod-s2"]);
    assert.deepEqual([shardResourceName("us-east-1", 0), shardResourceName("us-east-1", 1)], ["us-east-1", "us-east-1-s1"]);
    assert.equal(shardMapParameterName("blueprint-prod"), "/blueprint-prod/database/shard-map");
  });

  it("splits the hash space into contiguous, disjoint ranges that cover it", () => {
    for (const active of [1, 2, 3, 7, 16]) {
      const ranges = Array.from({ length: active }, (_, index) => hashRange(index, active));
      assert.equal(ranges[0][0], 0);
      assert.equal(ranges[active - 1][1], HASH_SPACE - 1);
      for (let i = 1; i < active; i++) assert.equal(ranges[i][0], ranges[i - 1][1] + 1);
    }
    assert.deepEqual(hashRange(1, 3), [1431655765, 2863311529]);
  });

  it("writes a versioned map: ranges for the active shards only, the region's endpoints for every shard", () => {
    const endpoint = (shard: number) => ({ writerEndpoint: `w${shard}`, readerEndpoint: `r${shard}`, secretArn: `s${shard}` });
    assert.deepEqual(shardMap("eu-west-1", [endpoint(0), endpoint(1), endpoint(2)], 2), {
      format: "blueprint-shard-map/1",
      version: 2,
      region: "eu-west-1",
      hash: { space: HASH_SPACE, function: "xxhash32" },
      shards: [
        { shard: 0, range: [0, 2147483647], ...endpoint(0) },
        { shard: 1, range: [2147483648, 4294967295], ...endpoint(1) },
        { shard: 2, ...endpoint(2) },
      ],
    });
  });

  it("refuses more active shards than shards", () => {
    assert.deepEqual(shardProblems({ shards: 2, activeShards: 3 }), [
      { field: "activeShards", message: "must be at most shards (2): a range cannot point at a shard that does not exist, got 3" },
    ]);
    assert.deepEqual(shardProblems({ shards: 2 }), []);
  });
});
