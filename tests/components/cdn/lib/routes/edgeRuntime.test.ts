import * as assert from "node:assert/strict";
import { MAX_FUNCTION_BYTES, runViewerRequest, servingOrigin, viewerRequestEvent } from "../../../../../components/cdn/lib/routes/edgeRuntime";

const DISTRIBUTION = { originIds: ["a", "b"], vpcOriginIds: ["a", "b"] };
const GET = { method: "GET", uri: "/x" };
const fn = (body: string) => `import cf from 'cloudfront';\nfunction handler(event) {\n${body}\n  return event.request;\n}\n`;

describe("offline CloudFront Functions runtime", () => {
  it("hands the function the event shape AWS documents", () => {
    assert.deepEqual(viewerRequestEvent({ method: "POST", uri: "/api", headers: { host: "www.example.com" }, cookies: { id: "1" } }), {
      version: "1.0",
      context: {
        distributionDomainName: "d111111abcdef8.cloudfront.net",
        distributionId: "EDFDVBD6EXAMPLE",
        eventType: "viewer-request",
        requestId: "4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ==",
      },
      viewer: { ip: "198.51.100.11" },
      request: { method: "POST", uri: "/api", querystring: {}, headers: { host: { value: "www.example.com" } }, cookies: { id: { value: "1" } } },
    });
  });

  it("records the origin a function selects, and the behaviour's own target when it selects none", () => {
    assert.deepEqual(runViewerRequest(fn("  cf.selectRequestOriginById('b');"), GET, DISTRIBUTION).origin, { kind: "origin", originId: "b" });
    assert.deepEqual(runViewerRequest(fn(""), GET, DISTRIBUTION).origin, { kind: "behaviour" });
  });

  it("refuses what the service refuses: unknown origins, groups of one, bad failover codes, updating a VPC origin", () => {
    assert.throws(() => runViewerRequest(fn("  cf.selectRequestOriginById('c');"), GET, DISTRIBUTION), /"c" is not an origin of the distribution \(a, b\)/);
    assert.throws(
      () =>
        runViewerRequest(fn("  cf.createRequestOriginGroup({ originIds: [{ originId: 'a' }], failoverCriteria: { statusCodes: [500] } });"), GET, DISTRIBUTION),
      /originIds must name exactly two origins/,
    );
    assert.throws(
      () =>
        runViewerRequest(
          fn("  cf.createRequestOriginGroup({ originIds: [{ originId: 'a' }, { originId: 'b' }], failoverCriteria: { statusCodes: [429] } });"),
          GET,
          DISTRIBUTION,
        ),
      /statusCodes must be some of/,
    );
    assert.throws(() => runViewerRequest(fn("  cf.updateRequestOrigin({ domainName: 'x.example.com' });"), GET, DISTRIBUTION), /cannot update VPC origins/);
  });

  it("has no dynamic code, no timers, no require, no network, and console.log takes one argument", () => {
    assert.throws(() => runViewerRequest(fn("  eval('1');"), GET, DISTRIBUTION), /Code generation from strings disallowed/);
    assert.throws(() => runViewerRequest(fn("  new Function('return 1')();"), GET, DISTRIBUTION), /Code generation from strings disallowed/);
    for (const missing of ["setTimeout(function () {}, 1);", "require('fs');", "process.exit();", "fetch('https://example.com');"]) {
      assert.throws(() => runViewerRequest(fn(`  ${missing}`), GET, DISTRIBUTION), /is not defined/, missing);
    }
    assert.throws(() => runViewerRequest(fn("  console.log('a', 'b');"), GET, DISTRIBUTION), /console.log takes one argument/);
    assert.deepEqual(runViewerRequest(fn("  console.log('routed');"), GET, DISTRIBUTION).logs, ["routed"]);
  });

  it("accepts only the cloudfront module, imported on the first line, and at most 10 KB", () => {
    assert.throws(() => runViewerRequest(`import fs from 'fs';\nfunction handler(e) { return e.request; }`, GET, DISTRIBUTION), /the only import/);
    assert.throws(
      () => runViewerRequest(`// first\nimport cf from 'cloudfront';\nfunction handler(e) { return e.request; }`, GET, DISTRIBUTION),
      /on the first line/,
    );
    assert.throws(() => runViewerRequest(fn(`  var x = '${"x".repeat(MAX_FUNCTION_BYTES)}';`), GET, DISTRIBUTION), /CloudFront Functions allow 10240/);
  });

  it("fails over only reads, and only to a healthy second origin", () => {
    const group = { kind: "group" as const, originIds: ["a", "b"] as const, statusCodes: [500], overrides: [] };
    assert.equal(servingOrigin(group, "t", "GET", new Set()), "a");
    assert.equal(servingOrigin(group, "t", "GET", new Set(["a"])), "b");
    assert.equal(servingOrigin(group, "t", "POST", new Set(["a"])), undefined);
    assert.equal(servingOrigin(group, "t", "HEAD", new Set(["a", "b"])), undefined);
    assert.equal(servingOrigin({ kind: "behaviour" }, "t", "GET", new Set()), "t");
  });
});
