import * as assert from "node:assert/strict";
import { domainRegressions, resilienceRegressions } from "../../../../components/resilience/lib/regressions";
import type { DomainOutcome } from "../../../../components/resilience/lib/survivability";

const outcome = (overrides: Partial<DomainOutcome> = {}): DomainOutcome => ({
  key: "region:us-east-1",
  domain: { kind: "region", region: "us-east-1" },
  label: "region us-east-1",
  routes: [{ pathPattern: "/read/*", method: "GET", status: "fails over" }],
  regionsServing: 2,
  capacity: { required: 9, immediate: 6, reachable: 24 },
  readOnly: [{ store: "database", until: "a switchover to eu-west-1" }],
  rpo: { database: 60 },
  promotionTargets: 2,
  recovery: "switchover",
  ...overrides,
});

describe("resilience regressions", () => {
  it("finds nothing when nothing gets worse, and an improvement is not a regression", () => {
    assert.deepEqual(domainRegressions(outcome(), outcome()), []);
    assert.deepEqual(domainRegressions(outcome(), outcome({ regionsServing: 3, rpo: { database: 1 } })), []);
  });

  it("names every way a domain gets worse", () => {
    const worse = outcome({
      routes: [{ pathPattern: "/read/*", method: "GET", status: "down" }],
      regionsServing: 1,
      promotionTargets: 0,
      capacity: { required: 9, immediate: 3, reachable: 6 },
      readOnly: [
        { store: "database", until: "a restore" },
        { store: "cache", until: "the Global Datastore fails over" },
      ],
      rpo: { database: null, cache: 10 },
    });
    assert.deepEqual(domainRegressions(outcome(), worse), [
      "route `/read/*` (GET) fails over → down",
      "regions still serving 2 → 1",
      "regions that can take the writer 2 → 0",
      "reachable web capacity 6 of 9 required (was 24 of 9)",
      "database RPO bound 60 s → unbounded",
      "the cache turns read-only",
      "cache RPO bound not affected → 10 s",
    ]);
  });

  it("compares the regions left only where a region is lost, and skips domains only the base has", () => {
    const az = { key: "az:us-east-1a", domain: { kind: "az" as const, region: "us-east-1", az: "us-east-1a" }, label: "AZ us-east-1a" };
    assert.deepEqual(domainRegressions(outcome(az), outcome({ ...az, regionsServing: 1, promotionTargets: 0 })), []);
    assert.deepEqual(resilienceRegressions([outcome(), outcome({ key: "region:eu-west-1" })], [outcome({ regionsServing: 1 })]), [
      { key: "region:us-east-1", label: "region us-east-1", reasons: ["regions still serving 2 → 1"] },
    ]);
  });
});
