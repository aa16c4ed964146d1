import assert from "node:assert/strict";
import { maskAccount, mockedValueTest } from "../../../../tools/plan/report/mocked";
import { violationsByPolicy } from "../../../../tools/plan/report/planReport";
import { resource } from "../../../support/planFiles";

describe("plan report: mocked values and grouped advisories", () => {
  it("replaces the mocked account with a placeholder", () => {
    assert.equal(maskAccount("arn:aws:iam::123456789012:role/a and 123456789012"), "arn:aws:iam::<account>:role/a and <account>");
    assert.equal(maskAccount("arn:aws:iam::210987654321:role/a"), "arn:aws:iam::210987654321:role/a");
  });

  it("calls a value mocked when it carries the mocked account or a mocked output, not when it comes from an input", () => {
    const plan = {
      resources: [
        resource(
          "aws:lb/loadBalancer:LoadBalancer",
          "alb",
          { name: "blueprint-alb" },
          { outputs: { dnsName: "alb-1234.us-east-1.elb.amazonaws.com", name: "blueprint-alb" } },
        ),
      ],
    };
    const mocked = mockedValueTest(plan);
    assert.equal(mocked({ "us-east-1": "alb-1234.us-east-1.elb.amazonaws.com" }), true);
    assert.equal(mocked("https://alb-1234.us-east-1.elb.amazonaws.com/health"), true);
    assert.equal(mocked("arn:aws:sns:us-east-1:123456789012:topic"), true);
    assert.equal(mocked("blueprint-alb"), false, "the name is an input, not a mock");
    assert.equal(mocked("us-east-1"), false);
  });

  it("groups violations by policy, most frequent first, with counts", () => {
    const v = (policy: string, urn: string | null) => ({ policy, enforcementLevel: "advisory" as const, urn, message: `${policy} on ${urn}` });
    const groups = violationsByPolicy([v("b", "u1"), v("a", "u2"), v("b", "u3"), v("c", null), v("b", "u4"), v("a", null)]);
    assert.deepEqual(
      groups.map(({ policy, count, first }) => [policy, count, first.urn]),
      [
        ["b", 3, "u1"],
        ["a", 2, "u2"],
        ["c", 1, null],
      ],
    );
  });
});
