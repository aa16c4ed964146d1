import * as assert from "node:assert/strict";
import { databaseParameters } from "../../../../components/database/lib/parameters";

describe("database engines, windows and names", () => {
  it("turns on the exported MySQL logs in the parameter groups", () => {
    assert.deepEqual(
      databaseParameters("aurora-mysql", ["error", "slowquery", "general", "audit"]).cluster.map((p) => `${p.name}=${p.value}`),
      ["require_secure_transport=ON", "slow_query_log=1", "general_log=1", "server_audit_logging=1", "server_audit_events=CONNECT,QUERY_DCL,QUERY_DDL"],
    );
    assert.deepEqual(databaseParameters("postgres", ["postgresql"]), {
      cluster: [],
      instance: [{ name: "rds.force_ssl", value: "1", applyMethod: "pending-reboot" }],
    });
  });
});
