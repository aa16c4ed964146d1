import * as assert from "node:assert/strict";
import { PlaceholderScanError, scanPlaceholders } from "../../../../tools/plan/placeholders/scan";

describe("scanPlaceholders", () => {
  it("gives each value's line and its key in pulumi config set --path syntax, skipping comments and secure values", () => {
    const text = [
      "# api.example.com is only a comment",
      "config:",
      "  aws:region: us-east-1",
      "  blueprint:alarms:",
      "    email: ops@example.com  # a trailing comment",
      "  blueprint:cdn:",
      "    certificateNames: [ok.acme.io, www.example.com]",
      "  blueprint:tags:",
      "    team.name: x.example.com",
      "    Secret:",
      "      secure: AAABexample.com",
      "",
    ].join("\n");
    assert.deepEqual(scanPlaceholders("f.yaml", text), [
      { file: "f.yaml", line: 5, key: "blueprint:alarms.email", value: "ops@example.com", reasons: ["a domain reserved for documentation (RFC 2606)"] },
      {
        file: "f.yaml",
        line: 7,
        key: "blueprint:cdn.certificateNames[1]",
        value: "www.example.com",
        reasons: ["a domain reserved for documentation (RFC 2606)"],
      },
      { file: "f.yaml", line: 9, key: 'blueprint:tags["team.name"]', value: "x.example.com", reasons: ["a domain reserved for documentation (RFC 2606)"] },
    ]);
  });

  it("refuses a file that is not YAML, naming it", () => {
    assert.throws(
      () => scanPlaceholders("bad.yaml", "config: [unclosed\n"),
      (error: unknown) => {
        assert.ok(error instanceof PlaceholderScanError);
        assert.match(error.message, /^bad\.yaml is not valid YAML: /);
        return true;
      },
    );
  });
});
