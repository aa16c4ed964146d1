import * as assert from "node:assert/strict";
import { proxy, proxyEndpoint, proxyTarget, proxyTargetGroup } from "../../../components/proxy/plan";

const input = (type: string, name: string, inputs: Record<string, unknown>) => ({ type, name, urn: `urn:pulumi:prod::blueprint::${type}::${name}`, inputs });

describe("proxy plan facts", () => {
  it("mocks what RDS returns: the proxy's name as ID, a prx- ARN and its endpoint under the region's proxy domain", () => {
    const { id, outputs } = proxy(input("aws:rds/proxy:Proxy", "eu-west-1-proxy", { name: "blueprint-prod-eu-west-1" }), "eu-west-1");
    assert.equal(id, "blueprint-prod-eu-west-1");
    assert.match(String(outputs.arn), /^arn:aws:rds:eu-west-1:123456789012:db-proxy:prx-[0-9a-f]{17}$/);
    assert.match(String(outputs.endpoint), /^blueprint-prod-eu-west-1\.proxy-[0-9a-f]{12}\.eu-west-1\.rds\.amazonaws\.com$/);
  });

  it("mocks the target group (named default), the tracked cluster target and the read-only endpoint", () => {
    assert.equal(proxyTargetGroup(input("t", "g", { dbProxyName: "p" }), "eu-west-1").outputs.name, "default");
    assert.deepEqual(proxyTarget(input("t", "x", { dbProxyName: "p", targetGroupName: "default", dbClusterIdentifier: "c" }), "eu-west-1"), {
      id: "p/default/TRACKED_CLUSTER/c",
      outputs: { type: "TRACKED_CLUSTER", trackedClusterId: "c" },
    });
    const endpoint = proxyEndpoint(input("t", "e", { dbProxyName: "p", dbProxyEndpointName: "p-ro" }), "eu-west-1");
    assert.equal(endpoint.id, "p/p-ro");
    assert.match(String(endpoint.outputs.endpoint), /^p-ro\.endpoint\.proxy-[0-9a-f]{12}\.eu-west-1\.rds\.amazonaws\.com$/);
  });
});
