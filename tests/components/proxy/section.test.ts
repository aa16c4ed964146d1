import * as assert from "node:assert/strict";
import { proxySection } from "../../../components/proxy/section";
import { frame, resolveSection, sectionLines } from "../../support/sections";

const TWO_REGIONS = frame("prod", ["us-east-1", "eu-west-1"]);

describe("proxy config", () => {
  it("pools connections in staging and prod, not in dev, and not with rds-replicas", () => {
    assert.equal(resolveSection(proxySection, undefined, TWO_REGIONS).enabled, true);
    assert.equal(resolveSection(proxySection, undefined, frame("staging", ["us-east-1", "eu-west-1"])).enabled, true);
    assert.equal(resolveSection(proxySection, undefined, frame("dev", ["us-east-1"])).enabled, false);
    assert.equal(resolveSection(proxySection, undefined, TWO_REGIONS, { database: { mode: "rds-replicas" } }).enabled, false);
  });

  it("turns RDS Proxy's refusals into errors at the key: pool shares, write forwarding's share, read replicas, long names", () => {
    assert.deepEqual(sectionLines(proxySection, { maxConnectionsPercent: 95, maxIdleConnectionsPercent: 96 }, TWO_REGIONS), [
      "blueprint:proxy.maxIdleConnectionsPercent: must be at most maxConnectionsPercent (95): RDS refuses more idle connections than connections, got 96",
      "blueprint:proxy.maxConnectionsPercent: must be at most 90 with database.globalWriteForwarding: Aurora keeps 10% of the writer's connections for forwarded writes (aurora_fwd_writer_max_connections_pct), got 95",
    ]);
    assert.deepEqual(sectionLines(proxySection, { enabled: true }, TWO_REGIONS, { database: { mode: "rds-replicas" } }), [
      "blueprint:proxy.enabled: RDS Proxy cannot target an RDS cross-region read replica, so database mode rds-replicas gets no proxy in its secondary regions: set enabled false, or use database mode aurora-global (a proxy can front every cluster of an Aurora global database)",
    ]);
    const long = frame("prod", ["us-east-1", "ap-southeast-2"], { namePrefix: `blueprint-${"x".repeat(40)}` });
    assert.deepEqual(sectionLines(proxySection, undefined, long), [
      `blueprint:proxy: the proxy's role name "blueprint-${"x".repeat(40)}-us-east-1-proxy" is longer than IAM's 64 characters: shorten the project or stack name`,
      `blueprint:proxy: the proxy name "blueprint-${"x".repeat(40)}-ap-southeast-2" is 65 characters long (RDS allows 63): shorten the project or stack name`,
    ]);
  });
});
