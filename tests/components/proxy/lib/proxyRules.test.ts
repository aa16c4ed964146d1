import * as assert from "node:assert/strict";
import {
  engineFamily,
  proxyClientStatements,
  proxyConnectArn,
  proxyName,
  proxyNameProblem,
  proxyRoleStatements,
} from "../../../../components/proxy/lib/proxyRules";

describe("proxy rules", () => {
  it("names each region's and shard's proxy, and maps engines to RDS Proxy's families", () => {
    assert.deepEqual(
      [proxyName("blueprint-prod", "eu-west-1"), proxyName("blueprint-prod", "eu-west-1", 2)],
      ["blueprint-prod-eu-west-1", "blueprint-prod-eu-west-1-s2"],
    );
    assert.deepEqual([engineFamily("postgresql"), engineFamily("mysql")], ["POSTGRESQL", "MYSQL"]);
  });

  it("refuses names RDS refuses", () => {
    assert.equal(proxyNameProblem("proxy name", "blueprint-prod-eu-west-1"), undefined);
    assert.equal(
      proxyNameProblem("proxy name", "1a--b-"),
      'the proxy name "1a--b-" does not start with a letter, has two hyphens in a row, ends with a hyphen',
    );
    assert.match(proxyNameProblem("proxy name", `a${"b".repeat(63)}`)!, /is 64 characters long \(RDS allows 63\)/);
  });

  it("lets the proxy read only the region's secret, and the tiers connect only as the database user through their proxies", () => {
    const secret = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:blueprint-prod/database/master-AbCdEf";
    const key = "arn:aws:kms:eu-west-1:123456789012:key/mrk-1";
    assert.deepEqual(proxyRoleStatements(secret, key, "eu-west-1"), [
      { Sid: "ReadDatabaseSecret", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [secret] },
      {
        Sid: "DecryptDatabaseSecret",
        Effect: "Allow",
        Action: ["kms:Decrypt"],
        Resource: [key],
        Condition: { StringEquals: { "kms:ViaService": "secretsmanager.eu-west-1.amazonaws.com" } },
      },
    ]);
    const connect = proxyConnectArn("arn:aws:rds:eu-west-1:123456789012:db-proxy:prx-0123456789abcdef0", "appowner");
    assert.equal(connect, "arn:aws:rds-db:eu-west-1:123456789012:dbuser:prx-0123456789abcdef0/appowner");
    assert.deepEqual(proxyClientStatements([connect]), [{ Sid: "ConnectThroughProxy", Effect: "Allow", Action: ["rds-db:connect"], Resource: [connect] }]);
    assert.deepEqual(proxyClientStatements([]), []);
  });
});
