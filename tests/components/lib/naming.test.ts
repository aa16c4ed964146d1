import * as assert from "node:assert/strict";
import fc from "fast-check";
import { MAX_BUCKET_NAME_LENGTH, MAX_NAME_PREFIX_LENGTH, bucketName, physicalNamePrefix } from "../../../components/lib/naming";
import { REGION_NAMES } from "../../../components/lib/regions";

const ACCOUNT = "123456789012";

/**
 * Why S3 would refuse a general purpose bucket name, or undefined. The rules of
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */
function s3BucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return `is ${name.length} characters, not 3 to 63`;
  if (!/^[a-z0-9.-]+$/.test(name)) return "has a character other than a-z, 0-9, . and -";
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) return "does not start and end with a letter or digit";
  if (name.includes("..")) return "has two adjacent periods";
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return "is formatted as an IP address";
  for (const prefix of ["xn--", "sthree-", "amzn-s3-demo-"]) if (name.startsWith(prefix)) return `starts with the reserved prefix ${prefix}`;
  for (const suffix of ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"]) if (name.endsWith(suffix)) return `ends with the reserved suffix ${suffix}`;
  return undefined;
}

/** Project and stack names: Pulumi's characters, anything else, and the empty string. */
const nameText = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_.-]{0,60}$/), fc.string({ unit: "grapheme", maxLength: 60 }), fc.string({ maxLength: 80 }));

describe("physicalNamePrefix", () => {
  const cases: Array<[string, string, string]> = [
    ["blueprint", "prod", "blueprint-prod"],
    ["My_Project", "Prod.EU", "my-project-prod-eu"],
    ["web--app", "dev", "web-app-dev"],
    ["-app-", "-dev-", "app-dev"],
    ["app", "organization/dev", "app-organization-dev"],
    ["ÄpP", "dév", "pp-d-v"],
    ["app", "", "app"],
    ["", "dev", "dev"],
  ];
  for (const [project, stack, expected] of cases) {
    it(`turns ${JSON.stringify(project)} and ${JSON.stringify(stack)} into ${JSON.stringify(expected)}`, () => {
      assert.equal(physicalNamePrefix(project, stack), expected);
    });
  }

  it("truncates to 40 characters without leaving a dash at the end", () => {
    assert.equal(MAX_NAME_PREFIX_LENGTH, 40);
    assert.equal(physicalNamePrefix("a".repeat(30), "b".repeat(30)), `${"a".repeat(30)}-${"b".repeat(9)}`);
    // the cut falls right after the joining dash
    assert.equal(physicalNamePrefix("a".repeat(39), "stack"), "a".repeat(39));
    assert.equal(physicalNamePrefix("a".repeat(40), "stack"), "a".repeat(40));
    assert.equal(physicalNamePrefix("a".repeat(50), "stack"), "a".repeat(40));
  });

  it("falls back to the stem stack when neither name has a letter or digit", () => {
    assert.equal(physicalNamePrefix("", ""), "stack");
    assert.equal(physicalNamePrefix("_", "."), "stack");
    assert.equal(physicalNamePrefix("日本", "ß"), "stack");
  });

  it("is empty or lowercase letters and digits joined by single dashes, at most 40 long", () => {
    fc.assert(
      fc.property(nameText, nameText, (project, stack) => {
        const prefix = physicalNamePrefix(project, stack);
        assert.ok(prefix.length <= MAX_NAME_PREFIX_LENGTH, prefix);
        assert.match(prefix, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      }),
    );
  });

  it("uses the stem only when neither name has an ASCII letter or digit after lowercasing", () => {
    fc.assert(
      fc.property(nameText, nameText, (project, stack) => {
        const hasAlphanumeric = /[a-z0-9]/.test(`${project}${stack}`.toLowerCase());
        if (!hasAlphanumeric) assert.equal(physicalNamePrefix(project, stack), "stack");
      }),
    );
  });

  it("keeps a prefix that is already clean", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{1,19}$/), fc.stringMatching(/^[a-z0-9]{1,20}$/), (project, stack) => {
        assert.equal(physicalNamePrefix(project, stack), `${project}-${stack}`);
      }),
    );
  });
});

describe("bucketName", () => {
  it("joins prefix, purpose, region and account", () => {
    assert.equal(bucketName("blueprint-prod", "alb-logs", "eu-west-1", ACCOUNT), "blueprint-prod-alb-logs-eu-west-1-123456789012");
  });

  it("cuts the prefix so that the name is exactly 63 characters, without a dash before the purpose", () => {
    const prefix = "abcdefghij-klmnopqrst-uvwxyz0123-456789ab"; // 41 characters
    // "-alb-logs-ap-southeast-2-123456789012" leaves 26 characters for the prefix
    assert.equal(bucketName(prefix, "alb-logs", "ap-southeast-2", ACCOUNT), "abcdefghij-klmnopqrst-uvwx-alb-logs-ap-southeast-2-123456789012");
    assert.equal(bucketName(prefix, "alb-logs", "ap-southeast-2", ACCOUNT).length, MAX_BUCKET_NAME_LENGTH);
    // a cut right after a dash drops the dash (62 characters then)
    assert.equal(
      bucketName("abcdefghij-klmnopqrst-uvw-xyz", "alb-logs", "ap-southeast-2", ACCOUNT),
      "abcdefghij-klmnopqrst-uvw-alb-logs-ap-southeast-2-123456789012",
    );
    // a shorter prefix is kept whole
    assert.equal(bucketName("blueprint-prod", "alb-logs", "ap-southeast-2", ACCOUNT), "blueprint-prod-alb-logs-ap-southeast-2-123456789012");
  });

  it("refuses a purpose that leaves no room for the prefix", () => {
    // "-<purpose>-eu-west-1-123456789012" with a 37-character purpose leaves 2 characters
    const purpose = "p".repeat(37);
    assert.throws(() => bucketName("blueprint-prod", purpose, "eu-west-1", ACCOUNT), { message: `bucket purpose ${purpose} is too long for region eu-west-1` });
    assert.equal(bucketName("blueprint-prod", "p".repeat(36), "eu-west-1", ACCOUNT), `blu-${"p".repeat(36)}-eu-west-1-123456789012`);
  });

  it("refuses to return a name S3 rejects", () => {
    assert.throws(() => bucketName("Blueprint-Prod", "alb-logs", "eu-west-1", ACCOUNT), {
      message: "Blueprint-Prod-alb-logs-eu-west-1-123456789012 is not a valid S3 bucket name",
    });
    assert.throws(() => bucketName("-blueprint", "alb-logs", "eu-west-1", ACCOUNT), {
      message: "-blueprint-alb-logs-eu-west-1-123456789012 is not a valid S3 bucket name",
    });
    assert.throws(() => bucketName("blue.print", "alb-logs", "eu-west-1", ACCOUNT), {
      message: "blue.print-alb-logs-eu-west-1-123456789012 is not a valid S3 bucket name",
    });
  });

  it("fits the longest prefix in every known region", () => {
    const prefix = physicalNamePrefix("a".repeat(40), "b".repeat(40));
    assert.equal(prefix.length, MAX_NAME_PREFIX_LENGTH);
    for (const region of REGION_NAMES) {
      const name = bucketName(prefix, "alb-logs", region, ACCOUNT);
      assert.ok(name.length <= MAX_BUCKET_NAME_LENGTH, name);
      assert.ok(name.endsWith(`-alb-logs-${region}-${ACCOUNT}`), name);
      assert.equal(s3BucketNameProblem(name), undefined, name);
    }
  });

  it("gives a valid S3 name for every non-empty prefix of any project and stack, in every region", () => {
    fc.assert(
      fc.property(nameText, nameText, fc.constantFrom(...REGION_NAMES), (project, stack, region) => {
        const prefix = physicalNamePrefix(project, stack);
        fc.pre(prefix !== "");
        const name = bucketName(prefix, "alb-logs", region, ACCOUNT);
        assert.equal(s3BucketNameProblem(name), undefined, name);
        assert.ok(name.startsWith(prefix.slice(0, 3)), name);
        assert.ok(name.endsWith(`-alb-logs-${region}-${ACCOUNT}`), name);
      }),
    );
  });

  it("either throws or returns a valid S3 name, for any prefix at all", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.constantFrom(...REGION_NAMES), (prefix, region) => {
        let name: string;
        try {
          name = bucketName(prefix, "alb-logs", region, ACCOUNT);
        } catch (error) {
          assert.match((error as Error).message, / is not a valid S3 bucket name$/);
          return;
        }
        assert.ok(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(name), name);
        assert.ok(name.length <= MAX_BUCKET_NAME_LENGTH, name);
      }),
    );
  });

  // Pulumi accepts a project "_" and a stack "_"; the prefix then falls back to a stem and a raw
  // empty prefix gets one too, so no bucket name ever starts with a dash.
  it("gives a valid S3 name when the names have no letter or digit, or the prefix is empty", () => {
    for (const prefix of [physicalNamePrefix("_", "_"), ""])
      for (const region of REGION_NAMES) {
        const name = bucketName(prefix, "alb-logs", region, ACCOUNT);
        assert.equal(s3BucketNameProblem(name), undefined, name);
      }
  });

  // S3 reserves the prefixes sthree- and amzn-s3-demo- (CreateBucket fails with InvalidBucketName).
  it("never returns a name with a prefix S3 reserves", () => {
    for (const [project, stack] of [
      ["sthree", "dev"],
      ["amzn-s3-demo", "prod"],
    ] as const) {
      let name: string | undefined;
      try {
        name = bucketName(physicalNamePrefix(project, stack), "alb-logs", "eu-west-1", ACCOUNT);
      } catch {
        continue; // refusing is fine too
      }
      assert.equal(s3BucketNameProblem(name), undefined, name);
    }
  });
});
