import * as assert from "node:assert/strict";
import { placeholderReasons } from "../../../../tools/plan/placeholders/rules";

describe("placeholder rules", () => {
  const ACCOUNT = "the AWS documentation account 123456789012";
  const DOMAIN = "a domain reserved for documentation (RFC 2606)";
  const MADE_UP = "a made-up ID (a counting run such as 0123456789)";

  it("names the documentation account, reserved domains and e-mails, and counting-run IDs", () => {
    assert.deepEqual(placeholderReasons("arn:aws:acm:us-east-1:123456789012:certificate/x"), [ACCOUNT]);
    assert.deepEqual(placeholderReasons("example.com"), [DOMAIN]);
    assert.deepEqual(placeholderReasons("api.staging.example.org"), [DOMAIN]);
    assert.deepEqual(placeholderReasons("oncall@example.net"), [DOMAIN]);
    assert.deepEqual(placeholderReasons("https://hooks.example.com/alerts"), [DOMAIN]);
    assert.deepEqual(placeholderReasons("shop.test"), [DOMAIN]);
    assert.deepEqual(placeholderReasons("Z0123456789ABCDEFGHIJ"), [MADE_UP]);
  });

  it("leaves real-looking values alone", () => {
    for (const value of [
      "arn:aws:acm:us-east-1:210987654321:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a",
      "Z04512343QW8V7ELKD1O2",
      "shop.example-corp.com",
      "myexample.com",
      "oncall@acme.io",
      "10.128.0.0/16",
      "1234567890123",
      "platform-team",
      "CC-2001",
    ])
      assert.deepEqual(placeholderReasons(value), [], value);
  });
});
