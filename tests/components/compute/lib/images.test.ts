import * as assert from "node:assert/strict";
import fc from "fast-check";
import {
  ARCHITECTURES,
  MAX_ROOT_VOLUME_GIB,
  MIN_ROOT_VOLUME_GIB,
  OPERATING_SYSTEMS,
  amiParameterName,
  instanceTypeArchitecture,
  isBurstable,
  rootDeviceName,
  type Architecture,
  type OperatingSystem,
} from "../../../../components/compute/lib/images";

const NOT_AN_INSTANCE_TYPE = { problem: "is not an EC2 instance type name such as m7g.large or t3.small" };

describe("machine images", () => {
  const parameters: Array<[OperatingSystem, Architecture, string]> = [
    ["al2023", "arm64", "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64"],
    ["al2023", "x86_64", "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"],
    ["ubuntu-24.04", "arm64", "/aws/service/canonical/ubuntu/server/24.04/stable/current/arm64/hvm/ebs-gp3/ami-id"],
    // Canonical calls the x86 build amd64
    ["ubuntu-24.04", "x86_64", "/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id"],
  ];
  for (const [os, architecture, expected] of parameters) {
    it(`names the public SSM parameter of ${os} on ${architecture}`, () => {
      assert.equal(amiParameterName(os, architecture), expected);
    });
  }

  it("has a parameter for every operating system and architecture, all distinct", () => {
    const names = OPERATING_SYSTEMS.flatMap((os) => ARCHITECTURES.map((architecture) => amiParameterName(os, architecture)));
    assert.equal(names.length, 4);
    assert.equal(new Set(names).size, 4);
    for (const name of names) assert.match(name, /^\/aws\/service\/[a-z0-9/._-]+$/);
  });

  it("knows each image's root device", () => {
    assert.equal(rootDeviceName("al2023"), "/dev/xvda");
    assert.equal(rootDeviceName("ubuntu-24.04"), "/dev/sda1");
  });

  it("bounds the root volume by the 8 GiB snapshots and gp3's largest size", () => {
    assert.equal(MIN_ROOT_VOLUME_GIB, 8);
    assert.equal(MAX_ROOT_VOLUME_GIB, 16384);
  });
});

describe("instanceTypeArchitecture", () => {
  const arm64 = [
    "t4g.nano",
    "t4g.small",
    "m6g.medium",
    "m7g.large",
    "m7gd.xlarge",
    "m8g.metal-24xl",
    "c6gn.xlarge",
    "c7g.metal",
    "r8gd.2xlarge",
    "x2gd.metal",
    "x8g.16xlarge",
    "im4gn.large",
    "is4gen.medium",
    "hpc7g.4xlarge",
    // the one GPU family on Graviton
    "g5g.xlarge",
    // the first Graviton generation has no "g"
    "a1.large",
    "a1.metal",
  ];
  for (const instanceType of arm64) {
    it(`runs ${instanceType} on arm64`, () => {
      assert.equal(instanceTypeArchitecture(instanceType), "arm64");
    });
  }

  const x86 = [
    "t2.micro",
    "t3.micro",
    "t3a.medium",
    "m5.large",
    "m7i.large",
    "m7i-flex.large",
    "m5zn.metal",
    "c7a.xlarge",
    "c6in.32xlarge",
    "r7iz.large",
    "x2iedn.xlarge",
    "z1d.large",
    "i4i.large",
    // GPU families start with "g" but are x86
    "g4dn.xlarge",
    "g4ad.xlarge",
    "g5.xlarge",
    "g6e.12xlarge",
    "p4d.24xlarge",
    "p5.48xlarge",
    "inf2.xlarge",
    "trn1.2xlarge",
  ];
  for (const instanceType of x86) {
    it(`runs ${instanceType} on x86_64`, () => {
      assert.equal(instanceTypeArchitecture(instanceType), "x86_64");
    });
  }

  const invalid = [
    "",
    "m7g",
    "m7g.",
    ".large",
    "M7G.large",
    "m7g.Large",
    "m7g.huge",
    "m7g.large ",
    " m7g.large",
    "m.large",
    "7g.large",
    "m7g_large",
    "m7g.2large",
    "m7g.metal-24",
  ];
  for (const instanceType of invalid) {
    it(`says ${JSON.stringify(instanceType)} is not an instance type`, () => {
      assert.deepEqual(instanceTypeArchitecture(instanceType), NOT_AN_INSTANCE_TYPE);
    });
  }

  it("puts every well-formed name on arm64 exactly when a g follows the generation (or it is a1)", () => {
    const family = fc.stringMatching(/^[a-z]{1,3}$/);
    const attributes = fc.stringMatching(/^[a-z]{0,4}$/);
    const size = fc.constantFrom("nano", "micro", "small", "medium", "large", "xlarge", "2xlarge", "48xlarge", "metal", "metal-48xl");
    fc.assert(
      fc.property(family, fc.integer({ min: 1, max: 9 }), attributes, size, (f, generation, a, s) => {
        const expected = a.startsWith("g") || (f === "a" && generation === 1) ? "arm64" : "x86_64";
        assert.equal(instanceTypeArchitecture(`${f}${generation}${a}.${s}`), expected);
      }),
    );
  });
});

describe("isBurstable", () => {
  it("is true for the t families only", () => {
    for (const instanceType of ["t2.micro", "t3.small", "t3a.large", "t4g.nano"]) assert.equal(isBurstable(instanceType), true, instanceType);
    for (const instanceType of ["m7g.large", "c7a.xlarge", "trn1.2xlarge", "g5g.xlarge", "a1.large"])
      assert.equal(isBurstable(instanceType), false, instanceType);
  });
});
