import * as assert from "node:assert/strict";
import { compareVersions, parseEngineVersion, parseInstanceClass } from "../../../../components/database/lib/engines";

describe("database engines, windows and names", () => {
  it("parses versions into families and compares them numerically", () => {
    assert.deepEqual(parseEngineVersion("aurora-mysql", "8.0.mysql_aurora.3.08.0"), { major: "8.0", comparable: "3.08.0", family: "aurora-mysql8.0" });
    assert.deepEqual(parseEngineVersion("postgres", "17.2"), { major: "17", comparable: "17.2", family: "postgres17" });
    assert.deepEqual(parseEngineVersion("mysql", "8.4.5"), { major: "8.4", comparable: "8.4.5", family: "mysql8.4" });
    assert.ok(compareVersions("16.10", "16.6") > 0);
    assert.ok(compareVersions("3.08.0", "3.10.1") < 0);
    assert.equal(compareVersions("14.5", "14.5.0"), 0);
  });

  it("knows which classes each service offers", () => {
    assert.deepEqual(parseInstanceClass("db.t4g.micro", "rds"), { family: "t4g", size: "micro", kind: "burstable" });
    assert.deepEqual(parseInstanceClass("db.r8g.16xlarge", "aurora"), { family: "r8g", size: "16xlarge", kind: "memory" });
    assert.deepEqual(parseInstanceClass("db.m7g.large", "rds"), { family: "m7g", size: "large", kind: "general" });
  });
});
