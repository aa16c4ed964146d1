import * as assert from "node:assert/strict";
import fc from "fast-check";
import { computeArgProblems } from "../../../../components/compute/lib/validate";

describe("computeArgProblems", () => {
  /** 40 distinct Graviton types: the most one group takes. */
  const FORTY_GRAVITON_TYPES: readonly string[] = ["m6g", "m7g", "m8g", "c6g", "c7g", "c8g", "r6g", "r7g"].flatMap((family) =>
    ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge"].map((size) => `${family}.${size}`),
  );
  const web = {
    instanceTypes: ["m7g.large", "c7g.large"] as readonly string[],
    architecture: "arm64" as const,
    minSize: 2,
    maxSize: 6,
    desiredCapacity: 2,
    rootVolumeGiB: 20,
    onDemandBaseCapacity: 0,
    spotPercentage: 0,
    instanceRefreshMinHealthyPercent: 90,
    scaling: { kind: "web" as const },
  };
  const worker = {
    ...web,
    instanceTypes: ["m7i.large", "m6a.large", "t3.large"] as readonly string[],
    architecture: "x86_64" as const,
    minSize: 0,
    desiredCapacity: 0,
    spotPercentage: 100,
    scaling: { kind: "worker" as const, queueNames: ["orders"] },
  };

  it("accepts a valid web tier and a worker that may scale to zero", () => {
    assert.deepEqual(computeArgProblems(web), []);
    assert.deepEqual(computeArgProblems(worker), []);
  });

  it("accepts the edges of every range", () => {
    assert.deepEqual(
      computeArgProblems({
        ...web,
        rootVolumeGiB: 8,
        onDemandBaseCapacity: 0,
        spotPercentage: 0,
        instanceRefreshMinHealthyPercent: 0,
        minSize: 1,
        desiredCapacity: 1,
        maxSize: 1,
      }),
      [],
    );
    assert.deepEqual(
      computeArgProblems({
        ...web,
        instanceTypes: FORTY_GRAVITON_TYPES,
        rootVolumeGiB: 16384,
        onDemandBaseCapacity: 1000,
        spotPercentage: 100,
        instanceRefreshMinHealthyPercent: 100,
      }),
      [],
    );
  });

  const cases: Array<{ name: string; args: Parameters<typeof computeArgProblems>[0]; expected: string[] }> = [
    { name: "no instance types", args: { ...web, instanceTypes: [] }, expected: ["instanceTypes must list 1 to 40 types, got 0"] },
    // 40 is the API's limit on overrides (its 20 is on launch templates)
    {
      name: "41 instance types",
      args: { ...web, instanceTypes: [...FORTY_GRAVITON_TYPES, "x2gd.large"] },
      expected: ["instanceTypes must list 1 to 40 types, got 41"],
    },
    {
      name: "an instance type listed twice",
      args: { ...web, instanceTypes: ["m7g.large", "c7g.large", "m7g.large"] },
      expected: ["instanceTypes: m7g.large is listed twice"],
    },
    {
      name: "an instance type of the other architecture",
      args: { ...web, instanceTypes: ["m7g.large", "m7i.large"] },
      expected: ["instanceTypes: m7i.large runs x86_64, not arm64"],
    },
    {
      name: "Graviton types in an x86 tier",
      args: { ...worker, instanceTypes: ["a1.large", "g5g.xlarge", "c7a.large"] },
      expected: ["instanceTypes: a1.large runs arm64, not x86_64", "instanceTypes: g5g.xlarge runs arm64, not x86_64"],
    },
    {
      name: "a malformed instance type",
      args: { ...web, instanceTypes: ["m7g.huge"] },
      expected: ["instanceTypes: m7g.huge is not an EC2 instance type name such as m7g.large or t3.small"],
    },
    {
      name: "a desired capacity below the minimum",
      args: { ...web, minSize: 3, desiredCapacity: 2 },
      expected: ["capacity must satisfy minSize <= desiredCapacity <= maxSize, got 3 <= 2 <= 6"],
    },
    {
      name: "a desired capacity above the maximum",
      args: { ...web, desiredCapacity: 7 },
      expected: ["capacity must satisfy minSize <= desiredCapacity <= maxSize, got 2 <= 7 <= 6"],
    },
    {
      name: "a negative minimum",
      args: { ...worker, minSize: -1 },
      expected: ["minSize must be 0 or more and maxSize 1 or more"],
    },
    {
      name: "a maximum of zero",
      args: { ...worker, maxSize: 0 },
      expected: ["minSize must be 0 or more and maxSize 1 or more"],
    },
    { name: "a root volume below the image's 8 GiB", args: { ...web, rootVolumeGiB: 7 }, expected: ["rootVolumeGiB must be a whole number from 8 to 16384"] },
    { name: "a root volume above gp3's limit", args: { ...web, rootVolumeGiB: 16385 }, expected: ["rootVolumeGiB must be a whole number from 8 to 16384"] },
    { name: "a fractional root volume", args: { ...web, rootVolumeGiB: 20.5 }, expected: ["rootVolumeGiB must be a whole number from 8 to 16384"] },
    { name: "too much on-demand base", args: { ...web, onDemandBaseCapacity: 1001 }, expected: ["onDemandBaseCapacity must be a whole number from 0 to 1000"] },
    { name: "a Spot share above 100", args: { ...web, spotPercentage: 101 }, expected: ["spotPercentage must be a whole number from 0 to 100"] },
    {
      name: "a negative refresh percentage",
      args: { ...web, instanceRefreshMinHealthyPercent: -1 },
      expected: ["instanceRefreshMinHealthyPercent must be a whole number from 0 to 100"],
    },
    { name: "a worker without queues", args: { ...worker, scaling: { kind: "worker" } }, expected: ["a worker needs at least one queue to scale on"] },
    {
      name: "a worker with an empty queue list",
      args: { ...worker, scaling: { kind: "worker", queueNames: [] } },
      expected: ["a worker needs at least one queue to scale on"],
    },
    {
      name: "a web tier that may scale to zero",
      args: { ...web, minSize: 0 },
      expected: ["the web tier needs minSize >= 1: the load balancer needs a healthy target"],
    },
    {
      name: "everything wrong at once, in order",
      args: {
        ...web,
        instanceTypes: ["m7g.large", "t3.micro", "nope"],
        minSize: 0,
        desiredCapacity: 5,
        maxSize: 4,
        rootVolumeGiB: 4,
        onDemandBaseCapacity: -1,
        spotPercentage: 150,
        instanceRefreshMinHealthyPercent: 101,
      },
      expected: [
        "instanceTypes: t3.micro runs x86_64, not arm64",
        "instanceTypes: nope is not an EC2 instance type name such as m7g.large or t3.small",
        "capacity must satisfy minSize <= desiredCapacity <= maxSize, got 0 <= 5 <= 4",
        "rootVolumeGiB must be a whole number from 8 to 16384",
        "onDemandBaseCapacity must be a whole number from 0 to 1000",
        "spotPercentage must be a whole number from 0 to 100",
        "instanceRefreshMinHealthyPercent must be a whole number from 0 to 100",
        "the web tier needs minSize >= 1: the load balancer needs a healthy target",
      ],
    },
  ];
  for (const { name, args, expected } of cases) {
    it(`rejects ${name}`, () => {
      assert.deepEqual(computeArgProblems(args), expected);
    });
  }

  it("checks the capacity order exactly as the Auto Scaling API does", () => {
    const size = fc.integer({ min: 0, max: 20 });
    fc.assert(
      fc.property(size, size, size, (minSize, desiredCapacity, maxSize) => {
        const problems = computeArgProblems({ ...worker, minSize, desiredCapacity, maxSize });
        const ordered = minSize <= desiredCapacity && desiredCapacity <= maxSize;
        assert.equal(
          problems.includes(`capacity must satisfy minSize <= desiredCapacity <= maxSize, got ${minSize} <= ${desiredCapacity} <= ${maxSize}`),
          !ordered,
        );
      }),
    );
  });
});
