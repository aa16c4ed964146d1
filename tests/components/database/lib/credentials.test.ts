import * as assert from "node:assert/strict";
import fc from "fast-check";
import { databaseNameProblem, masterUsernameProblem } from "../../../../components/database/lib/credentials";
import { defaultPort, masterPasswordRules } from "../../../../components/database/lib/databaseRules";

describe("database credentials", () => {
  it('generates passwords every engine accepts: 32 characters, no / " @ space or quote', () => {
    assert.deepEqual(masterPasswordRules("postgresql", "aurora"), { length: 32, overrideSpecial: "!*()-_=+[]{}:,.~^", maxLength: 41 });
    assert.deepEqual(masterPasswordRules("postgresql", "rds"), { length: 32, overrideSpecial: "!*()-_=+[]{}:,.~^", maxLength: 128 });
    assert.equal(masterPasswordRules("mysql", "rds").maxLength, 41);
    fc.assert(
      fc.property(fc.constantFrom("postgresql" as const, "mysql" as const), fc.constantFrom("aurora" as const, "rds" as const), (engine, service) => {
        const rules = masterPasswordRules(engine, service);
        return rules.length >= 8 && rules.length <= rules.maxLength && !/[/"@ '\\`$]/.test(rules.overrideSpecial);
      }),
    );
  });

  it("knows each engine's port", () => {
    assert.equal(defaultPort("postgresql"), 5432);
    assert.equal(defaultPort("mysql"), 3306);
  });

  it("refuses reserved and prefixed user names per engine, and accepts admin on MySQL", () => {
    assert.equal(masterUsernameProblem("admin", "mysql", "aurora-mysql"), undefined);
    assert.equal(masterUsernameProblem("rdsadmin", "mysql", "mysql"), '"rdsadmin" is a reserved word of mysql; choose another name, e.g. appowner');
    assert.equal(masterUsernameProblem("user", "postgresql", "postgres"), '"user" is a reserved word of postgres; choose another name, e.g. appowner');
    assert.equal(
      masterUsernameProblem("pg_owner", "postgresql", "postgres"),
      '"pg_owner" starts with pg_, a prefix PostgreSQL and RDS reserve for their own roles',
    );
    assert.equal(masterUsernameProblem("a".repeat(32), "mysql", "mysql"), undefined);
    assert.match(masterUsernameProblem("a".repeat(33), "mysql", "mysql")!, /must be 1 to 32 letters/);
    assert.equal(databaseNameProblem("select", "mysql"), '"select" is a reserved word of mysql; choose another name, e.g. app');
    assert.equal(
      databaseNameProblem("information_schema", "mysql"),
      '"information_schema" already exists on every new mysql server; choose another name, e.g. app',
    );
    assert.equal(databaseNameProblem("a".repeat(64), "mysql"), undefined);
    assert.match(databaseNameProblem("a".repeat(64), "postgresql")!, /must be 1 to 63/);
  });
});
