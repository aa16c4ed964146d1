import * as assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadSnapshot, SNAPSHOT_PATH, type PriceSnapshot } from "../../../../../tools/plan/cost/snapshot";
import { findPrice, indexProducts, unitPrice } from "../../../../../tools/plan/cost/refresh/findPrice";
import { OfferFileError, offerProducts, type OfferProduct } from "../../../../../tools/plan/cost/refresh/offerFile";
import { refreshSnapshot } from "../../../../../tools/plan/cost/refresh/refreshSnapshot";
import { BY_HAND, isUsageType, matcherOf } from "../../../../../tools/plan/cost/refresh/skuMatchers";

// a small snapshot, and Price List files in both forms (get-products output and bulk offer files)
const FIXTURES = join(__dirname, "../../../../support/priceList");
const products = (): OfferProduct[] =>
  readdirSync(join(FIXTURES, "offers")).flatMap((file) => offerProducts(JSON.parse(readFileSync(join(FIXTURES, "offers", file), "utf8")), file));
const fixtureSnapshot = (): PriceSnapshot => loadSnapshot(join(FIXTURES, "prices.json"));

describe("cost:refresh: reading the Price List", () => {
  it("reads get-products output (entries as strings or objects) and bulk offer files, keeping on-demand terms only", () => {
    const all = products();
    assert.equal(all.length, 12);
    const linux = all.find((p) => p.sku === "EC2USE1LINUX")!;
    assert.deepEqual(
      { offer: linux.offer, published: linux.published, family: linux.family, onDemand: linux.onDemand },
      {
        offer: "AmazonEC2",
        published: "2026-11-28",
        family: "Compute Instance",
        onDemand: [{ unit: "Hrs", usd: 0.0832, beginRange: 0, description: "$0.0832 per On Demand Linux m7g.large Instance Hour" }],
      },
    );
    const zone = all.find((p) => p.sku === "R53ZONE")!;
    assert.deepEqual(
      [zone.offer, zone.published, zone.onDemand.map((d) => [d.beginRange, d.usd])],
      [
        "AmazonRoute53",
        "2026-10-02",
        [
          [0, 0.5],
          [25, 0.1],
        ],
      ],
    );
  });

  it("refuses a file of another shape, naming it", () => {
    assert.throws(
      () => offerProducts({ offers: {} }, "x.json"),
      (error: Error) => {
        assert.ok(error instanceof OfferFileError);
        assert.equal(
          error.message,
          'x.json: not an AWS Price List file (expected a bulk offer file with "products" or `aws pricing get-products` output with "PriceList")',
        );
        return true;
      },
    );
    assert.throws(() => offerProducts({ PriceList: ["{"] }, "y.json"), /^Error: y\.json: PriceList\[0\] is not JSON$/);
  });

  it("prices one more unit: the first charged tier, past a free allowance", () => {
    const all = products();
    assert.equal(unitPrice(all.find((p) => p.sku === "R53HC")!), 0.5);
    assert.equal(unitPrice(all.find((p) => p.sku === "R53ZONE")!), 0.5);
    assert.equal(unitPrice(all.find((p) => p.sku === "CWALARMUSE1")!), 0.1);
  });

  it("matches usage types with or without a region prefix, and nothing longer", () => {
    assert.ok(isUsageType("KMS-Keys", "KMS-Keys"));
    assert.ok(isUsageType("EUW1-KMS-Keys", "KMS-Keys"));
    assert.ok(isUsageType("EU-NatGateway-Hours", "NatGateway-Hours"));
    assert.ok(!isUsageType("KMS-Keys-Extra", "KMS-Keys"));
    assert.ok(!isUsageType("euw1-KMS-Keys", "KMS-Keys"));
    assert.ok(!isUsageType("USE1-EUW1-KMS-Keys", "KMS-Keys"));
    assert.ok(!isUsageType(undefined, "KMS-Keys"));
  });

  it("finds a Linux instance's price, not Windows' or an unused reservation's, and says when two prices match", () => {
    const index = indexProducts(products());
    assert.deepEqual(findPrice(index, matcherOf("ec2:m7g.large")!, "us-east-1"), { kind: "found", usd: 0.0832, offer: "AmazonEC2", sku: "EC2USE1LINUX" });
    assert.deepEqual(findPrice(index, matcherOf("ec2:m7g.large")!, "ap-southeast-2"), {
      kind: "missing",
      looked:
        'AmazonEC2, family "Compute Instance", usage type BoxUsage:m7g.large, operatingSystem=Linux, tenancy=Shared, preInstalledSw=NA, capacitystatus=Used, in ap-southeast-2',
    });
    const twice = indexProducts([
      ...products(),
      { ...products().find((p) => p.sku === "EC2USE1LINUX")!, sku: "OTHER", onDemand: [{ unit: "Hrs", usd: 0.09, beginRange: 0, description: "other" }] },
    ]);
    assert.deepEqual(findPrice(twice, matcherOf("ec2:m7g.large")!, "us-east-1"), {
      kind: "ambiguous",
      candidates: ["0.0832 (SKU EC2USE1LINUX: $0.0832 per On Demand Linux m7g.large Instance Hour)", "0.09 (SKU OTHER: other)"],
    });
  });
});

describe("cost:refresh: a new snapshot", () => {
  it("looks every price up again: changes, the unchanged, the missing, the by-hand; dated by the newest offer", () => {
    const result = refreshSnapshot(fixtureSnapshot(), products(), { today: "2026-12-04" });
    assert.deepEqual(result.changes, [
      { location: "global", key: "route53:health-check", from: 0.4, to: 0.5 },
      { location: "us-east-1", key: "ec2:m7g.large", from: 0.0816, to: 0.0832 },
      { location: "us-east-1", key: "elasticache:redis:cache.r7g.large", from: 0.2, to: 0.219 },
      { location: "eu-west-1", key: "ec2:m7g.large", from: 0.09, to: 0.0912 },
      { location: "eu-west-1", key: "elasticache:valkey:cache.r7g.large", from: 0.19, to: 0.1944 },
    ]);
    assert.equal(result.unchanged, 5);
    assert.deepEqual(result.problems, ["eu-west-1 kms:key: not in the files (looked for awskms, usage type KMS-Keys, in eu-west-1)"]);
    assert.deepEqual(result.byHand, ["grafana:editor"]);
    assert.equal(result.snapshot.date, "2026-11-28");
    assert.equal(
      result.snapshot.source,
      "AWS public on-demand list prices from the AWS Price List (AmazonCloudWatch published 2026-11-25, AmazonEC2 published 2026-11-28, AmazonElastiCache published 2026-11-20, AmazonRoute53 published 2026-10-02), read by npm run cost:refresh; priced by hand from the services' pricing pages: grafana:editor; kept from the previous snapshot (not in the files): 1 price(s).",
    );
    assert.deepEqual(result.snapshot.regions["eu-west-1"], {
      "ec2:m7g.large": 0.0912,
      "vpc:nat-gateway": 0.048,
      "elasticache:valkey:cache.r7g.large": 0.1944,
      "kms:key": 1,
    });
    assert.deepEqual(result.snapshot.units, fixtureSnapshot().units);
  });

  it("dates the snapshot today when no file states its publication date", () => {
    const undated = products().map(({ published: _published, ...rest }) => rest);
    assert.equal(refreshSnapshot(fixtureSnapshot(), undated, { today: "2026-12-04" }).snapshot.date, "2026-12-04");
  });

  it("names a key nobody knows how to price instead of skipping it", () => {
    const snapshot = { ...fixtureSnapshot(), regions: { "us-east-1": { "quantum:qubit": 1 } } };
    assert.deepEqual(refreshSnapshot(snapshot, products(), { today: "2026-12-04" }).problems, [
      "us-east-1 quantum:qubit: no Price List matcher for this key (add one to tools/plan/cost/refresh/skuMatchers.ts, or to BY_HAND with the reason)",
    ]);
  });

  it("knows how to price, or why it does not, every key of the committed snapshot", () => {
    const snapshot = loadSnapshot(SNAPSHOT_PATH);
    const keys = new Set([...Object.keys(snapshot.global), ...Object.values(snapshot.regions).flatMap((table) => Object.keys(table))]);
    assert.deepEqual(
      [...keys].filter((key) => matcherOf(key) === undefined && BY_HAND[key] === undefined),
      [],
    );
    // the by-hand list holds no key the snapshot dropped
    assert.deepEqual(
      Object.keys(BY_HAND).filter((key) => !keys.has(key)),
      [],
    );
  });
});
