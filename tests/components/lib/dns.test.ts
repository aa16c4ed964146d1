import * as assert from "node:assert/strict";
import fc from "fast-check";
import {
  certificateNameCovers,
  dnsNameProblem,
  hostedZoneIdProblem,
  labelProblem,
  parseAcmCertificateArn,
  regionalOriginName,
} from "../../../components/lib/dns";
import { REGION_NAMES } from "../../../components/lib/regions";

const LABEL_PROBLEM = "must be one DNS label: 1 to 63 lowercase letters, digits or -, not starting or ending with -";
const NAME_PROBLEM = "must be a lowercase DNS name: labels of 1 to 63 letters, digits or -, separated by dots";
const ARN_PROBLEM = "must be an ACM certificate ARN: arn:aws:acm:<region>:<12-digit account>:certificate/<id>";
const ZONE_PROBLEM = "must be a Route 53 hosted zone ID such as Z0123456789ABCDEFGHIJ (without /hostedzone/)";

/** Lowercase DNS labels as Route 53 accepts them. */
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);

describe("labelProblem", () => {
  for (const good of ["a", "0", "api", "www", "eu-west-1", "xn--bcher-kva", "a".repeat(63)]) {
    it(`accepts ${good.length > 20 ? `${good.length} letters` : good}`, () => {
      assert.equal(labelProblem(good), undefined);
    });
  }
  for (const bad of ["", "-api", "api-", "API", "a_b", "a.b", "*", "a b", "é", "a".repeat(64)]) {
    it(`rejects ${JSON.stringify(bad.length > 20 ? `${bad.length} letters` : bad)}`, () => {
      assert.equal(labelProblem(bad), LABEL_PROBLEM);
    });
  }
});

describe("dnsNameProblem", () => {
  for (const good of ["example.com", "api.example.com", "eu-west-1.api.example.co.uk", "1.example.com", "xn--bcher-kva.example"]) {
    it(`accepts ${good}`, () => {
      assert.equal(dnsNameProblem(good), undefined);
    });
  }

  const bad: Array<[string, string]> = [
    ["example.com.", "must not end with a dot"],
    ["localhost", "must have at least two labels, such as example.com"],
    ["", "must have at least two labels, such as example.com"],
    ["Example.com", NAME_PROBLEM],
    ["*.example.com", NAME_PROBLEM],
    ["a..example.com", NAME_PROBLEM],
    [".example.com", NAME_PROBLEM],
    ["-a.example.com", NAME_PROBLEM],
    ["_acme-challenge.example.com", NAME_PROBLEM],
    [`${"a".repeat(64)}.com`, NAME_PROBLEM],
    ["example.123", "must end in a top-level domain, not a number"],
    ["10.0.0.1", "must end in a top-level domain, not a number"],
  ];
  for (const [name, expected] of bad) {
    it(`rejects ${JSON.stringify(name.length > 40 ? `${name.slice(0, 10)}…` : name)}`, () => {
      assert.equal(dnsNameProblem(name), expected);
    });
  }

  it("allows 253 characters and not 254", () => {
    // four 63-character labels and their three dots make 255; trim the first label
    const longest = ["a".repeat(61), "b".repeat(63), "c".repeat(63), "d".repeat(63)].join(".");
    assert.equal(longest.length, 253);
    assert.equal(dnsNameProblem(longest), undefined);
    assert.equal(dnsNameProblem(`a${longest}`), "must be at most 253 characters");
  });

  it("accepts every name made of valid labels with a non-numeric top-level domain", () => {
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 5 }), fc.stringMatching(/^[a-z]{2,6}$/), (labels, tld) => {
        assert.equal(dnsNameProblem([...labels, tld].join(".")), undefined);
      }),
    );
  });
});

describe("hostedZoneIdProblem", () => {
  for (const good of ["Z0123456789ABCDEFGHIJ", "Z2FDTNDATAQYW2", "Z1"]) {
    it(`accepts ${good}`, () => {
      assert.equal(hostedZoneIdProblem(good), undefined);
    });
  }
  for (const bad of ["/hostedzone/Z0123456789ABCDEFGHIJ", "z0123456789abcdefghij", "Z", "A0123456789", `Z${"1".repeat(32)}`, " Z123", "Z123-4"]) {
    it(`rejects ${JSON.stringify(bad)}`, () => {
      assert.equal(hostedZoneIdProblem(bad), ZONE_PROBLEM);
    });
  }
});

describe("parseAcmCertificateArn", () => {
  it("splits a certificate ARN into its parts", () => {
    assert.deepEqual(parseAcmCertificateArn("arn:aws:acm:eu-west-1:123456789012:certificate/0b1d2c3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e"), {
      partition: "aws",
      region: "eu-west-1",
      account: "123456789012",
      id: "0b1d2c3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e",
    });
  });

  it("knows the other partitions and multi-part region names", () => {
    const id = "12345678-1234-1234-1234-123456789012";
    assert.deepEqual(parseAcmCertificateArn(`arn:aws-us-gov:acm:us-gov-west-1:123456789012:certificate/${id}`), {
      partition: "aws-us-gov",
      region: "us-gov-west-1",
      account: "123456789012",
      id,
    });
    assert.deepEqual(parseAcmCertificateArn(`arn:aws-cn:acm:cn-northwest-1:123456789012:certificate/${id}`), {
      partition: "aws-cn",
      region: "cn-northwest-1",
      account: "123456789012",
      id,
    });
  });

  it("parses a certificate ARN in every known region", () => {
    for (const region of REGION_NAMES) {
      const parsed = parseAcmCertificateArn(`arn:aws:acm:${region}:123456789012:certificate/12345678-1234-1234-1234-123456789012`);
      assert.equal(typeof parsed, "object", region);
      assert.equal((parsed as { region: string }).region, region);
    }
  });

  const bad = [
    "",
    "arn:aws:acm:eu-west-1:123456789012:certificate/0B1D2C3E-4F5A-6B7C-8D9E-0F1A2B3C4D5E",
    "arn:aws:acm:eu-west-1:123456789012:certificate/0b1d2c3e",
    "arn:aws:acm:eu-west-1:12345678901:certificate/12345678-1234-1234-1234-123456789012",
    "arn:aws:acm:eu-west:123456789012:certificate/12345678-1234-1234-1234-123456789012",
    "arn:aws:iam::123456789012:server-certificate/12345678-1234-1234-1234-123456789012",
    "arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/12345678-1234-1234-1234-123456789012",
    "arn:aws-iso:acm:us-iso-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012",
    "arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012 ",
  ];
  for (const arn of bad) {
    it(`rejects ${JSON.stringify(arn)}`, () => {
      assert.equal(parseAcmCertificateArn(arn), ARN_PROBLEM);
    });
  }
});

describe("certificateNameCovers", () => {
  const cases: Array<[string, string, boolean]> = [
    ["example.com", "example.com", true],
    ["example.com", "www.example.com", false],
    ["api.example.com", "API.Example.COM", true],
    ["*.example.com", "www.example.com", true],
    ["*.example.com", "WWW.EXAMPLE.COM", true],
    ["*.Example.com", "www.example.com", true],
    ["*.example.com", "example.com", false],
    ["*.example.com", "a.b.example.com", false],
    ["*.example.com", ".example.com", false],
    ["*.example.com", "www.example.org", false],
    ["*.example.com", "wwwexample.com", false],
    ["*.example.com", "www.example.com.", false],
    // the wildcard is only special as the whole first label
    ["www.*.example.com", "www.a.example.com", false],
    ["w*.example.com", "www.example.com", false],
    ["*.api.example.com", "eu-west-1.api.example.com", true],
  ];
  for (const [certificateName, host, expected] of cases) {
    it(`${certificateName} ${expected ? "covers" : "does not cover"} ${JSON.stringify(host)}`, () => {
      assert.equal(certificateNameCovers(certificateName, host), expected);
    });
  }

  it("covers exactly one extra label under a wildcard", () => {
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 4 }), label, (zone, first) => {
        const domain = zone.join(".");
        assert.equal(certificateNameCovers(`*.${domain}`, `${first}.${domain}`), true);
        assert.equal(certificateNameCovers(`*.${domain}`, domain), false);
        assert.equal(certificateNameCovers(`*.${domain}`, `${first}.${first}.${domain}`), false);
      }),
    );
  });

  it("never lets a wildcard cover a name with a different number of labels", () => {
    const labelCount = (name: string) => name.split(".").length;
    const names = fc.array(label, { minLength: 1, maxLength: 5 }).map((labels) => labels.join("."));
    fc.assert(
      fc.property(names, names, (domain, host) => {
        const certificateName = `*.${domain}`;
        if (labelCount(host) !== labelCount(certificateName)) assert.equal(certificateNameCovers(certificateName, host), false);
      }),
    );
    // and the same for arbitrary strings, dots and all
    fc.assert(
      fc.property(fc.string(), fc.string(), (domain, host) => {
        const certificateName = `*.${domain}`;
        if (labelCount(host) !== labelCount(certificateName)) assert.equal(certificateNameCovers(certificateName, host), false);
      }),
    );
  });

  it("matches a name without a wildcard only to itself, ignoring case", () => {
    const names = fc.array(label, { minLength: 2, maxLength: 4 }).map((labels) => labels.join("."));
    fc.assert(
      fc.property(names, names, (a, b) => {
        assert.equal(certificateNameCovers(a, b), a === b);
        assert.equal(certificateNameCovers(a.toUpperCase(), b), a === b);
      }),
    );
  });
});

describe("regionalOriginName", () => {
  it("puts the region in front of the API name", () => {
    assert.equal(regionalOriginName("api.example.com", "eu-west-1"), "eu-west-1.api.example.com");
  });

  it("gives a valid name covered by the API name's wildcard, in every region", () => {
    for (const region of REGION_NAMES) {
      const origin = regionalOriginName("api.example.com", region);
      assert.equal(dnsNameProblem(origin), undefined, origin);
      assert.equal(certificateNameCovers("*.api.example.com", origin), true, origin);
      assert.equal(certificateNameCovers("*.example.com", origin), false, origin);
    }
  });
});
