import * as assert from "node:assert/strict";
import { ssmParameter } from "../../../../components/lib/plan/sharedMocks";

const input = (name: string, inputs: Record<string, unknown>) => ({ name, urn: `urn:pulumi:test::p::t::${name}`, inputs }) as never;

describe("shared plan mocks", () => {
  it("mocks an SSM parameter as SSM returns it: the name as ID, one slash after `parameter` in the ARN, version 1", () => {
    assert.deepEqual(ssmParameter(input("p", { name: "/a/b" }), "eu-west-1"), {
      id: "/a/b",
      outputs: { name: "/a/b", arn: "arn:aws:ssm:eu-west-1:123456789012:parameter/a/b", version: 1 },
    });
    assert.equal(ssmParameter(input("q", { name: "plain" }), "eu-west-1").outputs.arn, "arn:aws:ssm:eu-west-1:123456789012:parameter/plain");
  });
});
