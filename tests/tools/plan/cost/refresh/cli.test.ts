import * as assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main, REFRESH_EXIT } from "../../../../../tools/plan/cost/refresh/cli";
import { loadSnapshot } from "../../../../../tools/plan/cost/snapshot";

// a small snapshot, and Price List files in both forms (get-products output and bulk offer files)
const FIXTURES = join(__dirname, "../../../../support/priceList");

function run(argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(
    argv,
    (line) => out.push(line),
    (line) => err.push(line),
    "2026-12-04",
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

function snapshotCopy(): string {
  const path = join(mkdtempSync(join(tmpdir(), "prices-")), "prices.json");
  copyFileSync(join(FIXTURES, "prices.json"), path);
  return path;
}

describe("npm run cost:refresh", () => {
  it("writes nothing and exits 1 when a price is not in the files, naming it", () => {
    const path = snapshotCopy();
    const before = readFileSync(path, "utf8");
    const result = run(["--offers", join(FIXTURES, "offers"), "--snapshot", path]);
    assert.equal(result.code, REFRESH_EXIT.failed);
    assert.deepEqual(result.err.split("\n"), [
      "eu-west-1 kms:key: not in the files (looked for awskms, usage type KMS-Keys, in eu-west-1)",
      "4 file(s), 12 product(s): 5 price(s) changed, 5 unchanged, 1 not found or ambiguous; by hand: grafana:editor. Prices as of 2026-11-28.",
      `${path} is unchanged: add the missing files, or write anyway with --keep-missing (those prices stay as they were).`,
    ]);
    assert.equal(readFileSync(path, "utf8"), before);
  });

  it("with --keep-missing writes the new, dated snapshot, which the cost engine reads", () => {
    const path = snapshotCopy();
    const result = run(["--offers", join(FIXTURES, "offers"), "--snapshot", path, "--keep-missing"]);
    assert.equal(result.code, REFRESH_EXIT.ok, result.err);
    assert.deepEqual(result.out.split("\n").slice(0, 5), [
      "global route53:health-check: 0.4 -> 0.5",
      "us-east-1 ec2:m7g.large: 0.0816 -> 0.0832",
      "us-east-1 elasticache:redis:cache.r7g.large: 0.2 -> 0.219",
      "eu-west-1 ec2:m7g.large: 0.09 -> 0.0912",
      "eu-west-1 elasticache:valkey:cache.r7g.large: 0.19 -> 0.1944",
    ]);
    assert.match(result.out, new RegExp(`\nwrote ${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    const written = loadSnapshot(path);
    assert.equal(written.date, "2026-11-28");
    assert.equal(written.regions["us-east-1"]["ec2:m7g.large"], 0.0832);
    assert.equal(written.regions["eu-west-1"]["kms:key"], 1);
  });

  it("with --dry-run prints the changes and writes nothing", () => {
    const path = snapshotCopy();
    const before = readFileSync(path, "utf8");
    const result = run(["--offers", join(FIXTURES, "offers"), "--snapshot", path, "--keep-missing", "--dry-run"]);
    assert.equal(result.code, REFRESH_EXIT.ok);
    assert.match(result.out, /\n--dry-run: .* is unchanged\.$/);
    assert.equal(readFileSync(path, "utf8"), before);
  });

  it("prints one get-products command per offer, family and region, and one for the account-wide prices", () => {
    const result = run(["commands", "--snapshot", join(FIXTURES, "prices.json"), "--offers", "offers"]);
    assert.equal(result.code, REFRESH_EXIT.ok);
    assert.deepEqual(result.out.split("\n"), [
      "mkdir -p offers",
      "aws pricing get-products --region us-east-1 --service-code AmazonCloudWatch --filters Type=TERM_MATCH,Field=regionCode,Value=us-east-1 --output json > offers/AmazonCloudWatch.us-east-1.json",
      "aws pricing get-products --region us-east-1 --service-code AmazonEC2 --filters Type=TERM_MATCH,Field=regionCode,Value=eu-west-1 'Type=TERM_MATCH,Field=productFamily,Value=Compute Instance' Type=TERM_MATCH,Field=operatingSystem,Value=Linux Type=TERM_MATCH,Field=tenancy,Value=Shared Type=TERM_MATCH,Field=preInstalledSw,Value=NA Type=TERM_MATCH,Field=capacitystatus,Value=Used --output json > offers/AmazonEC2.Compute-Instance.Linux.Shared.NA.Used.eu-west-1.json",
      "aws pricing get-products --region us-east-1 --service-code AmazonEC2 --filters Type=TERM_MATCH,Field=regionCode,Value=us-east-1 'Type=TERM_MATCH,Field=productFamily,Value=Compute Instance' Type=TERM_MATCH,Field=operatingSystem,Value=Linux Type=TERM_MATCH,Field=tenancy,Value=Shared Type=TERM_MATCH,Field=preInstalledSw,Value=NA Type=TERM_MATCH,Field=capacitystatus,Value=Used --output json > offers/AmazonEC2.Compute-Instance.Linux.Shared.NA.Used.us-east-1.json",
      "aws pricing get-products --region us-east-1 --service-code AmazonEC2 --filters Type=TERM_MATCH,Field=regionCode,Value=eu-west-1 'Type=TERM_MATCH,Field=productFamily,Value=NAT Gateway' --output json > offers/AmazonEC2.NAT-Gateway.eu-west-1.json",
      "aws pricing get-products --region us-east-1 --service-code AmazonEC2 --filters Type=TERM_MATCH,Field=regionCode,Value=us-east-1 'Type=TERM_MATCH,Field=productFamily,Value=NAT Gateway' --output json > offers/AmazonEC2.NAT-Gateway.us-east-1.json",
      "aws pricing get-products --region us-east-1 --service-code AmazonElastiCache --filters Type=TERM_MATCH,Field=regionCode,Value=us-east-1 'Type=TERM_MATCH,Field=productFamily,Value=Cache Instance' Type=TERM_MATCH,Field=cacheEngine,Value=Redis --output json > offers/AmazonElastiCache.Cache-Instance.Redis.us-east-1.json",
      "aws pricing get-products --region us-east-1 --service-code AmazonElastiCache --filters Type=TERM_MATCH,Field=regionCode,Value=eu-west-1 'Type=TERM_MATCH,Field=productFamily,Value=Cache Instance' Type=TERM_MATCH,Field=cacheEngine,Value=Valkey --output json > offers/AmazonElastiCache.Cache-Instance.Valkey.eu-west-1.json",
      "aws pricing get-products --region us-east-1 --service-code AmazonElastiCache --filters Type=TERM_MATCH,Field=regionCode,Value=us-east-1 'Type=TERM_MATCH,Field=productFamily,Value=Cache Instance' Type=TERM_MATCH,Field=cacheEngine,Value=Valkey --output json > offers/AmazonElastiCache.Cache-Instance.Valkey.us-east-1.json",
      "aws pricing get-products --region us-east-1 --service-code AmazonRoute53 --filters Type=TERM_MATCH,Field=usagetype,Value=Health-Check-AWS --output json > offers/AmazonRoute53.Health-Check-AWS.json",
      "aws pricing get-products --region us-east-1 --service-code AmazonRoute53 --filters Type=TERM_MATCH,Field=usagetype,Value=HostedZone --output json > offers/AmazonRoute53.HostedZone.json",
      "aws pricing get-products --region us-east-1 --service-code awskms --filters Type=TERM_MATCH,Field=regionCode,Value=eu-west-1 --output json > offers/awskms.eu-west-1.json",
    ]);
    assert.equal(result.err, "11 command(s); then: npm run -s cost:refresh -- --offers offers");
  });

  it("names every file it cannot read, and a directory without files", () => {
    const empty = mkdtempSync(join(tmpdir(), "offers-"));
    assert.deepEqual(run(["--offers", empty, "--snapshot", snapshotCopy()]), {
      code: REFRESH_EXIT.failed,
      out: "",
      err: `--offers ${empty}: no .json file in it (fetch them with the commands of: npm run -s cost:refresh -- commands)`,
    });
    assert.equal(run(["--offers", join(empty, "nope"), "--snapshot", snapshotCopy()]).err, `--offers ${join(empty, "nope")}: no such directory`);
  });

  it("lists every usage problem at once", () => {
    const result = run(["--bogus", "extra"]);
    assert.equal(result.code, REFRESH_EXIT.usage);
    assert.match(
      result.err,
      /^unknown option --bogus; allowed: --offers, --snapshot, --keep-missing, --dry-run, --help\nunexpected argument\(s\) extra; the only subcommand is commands\n--offers <dir> is required: .*\n\nUsage: /,
    );
  });
});
