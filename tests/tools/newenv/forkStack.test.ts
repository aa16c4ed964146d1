import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { EXIT_OK } from "../../../tools/newenv/cli";
import { forkStackText } from "../../../tools/newenv/forkStack";
import { planRegions, sourceRegionsOf } from "../../../tools/newenv/regionPlan";
import { assertSourceValid, run, tempStacks } from "../../support/newenv";

describe("new-env: adapting what belongs to the source", () => {
  it("keeps staging's certificate for a kept region and drops the left-out region's, with a comment", () => {
    assertSourceValid("staging");
    const dir = tempStacks();
    const result = run(["--name", "qa", "--from", "staging", "--regions", "us-east-1", "--stacks-dir", dir]);
    assert.equal(result.code, EXIT_OK, result.err);
    const text = readFileSync(join(dir, "Pulumi.qa.yaml"), "utf8");
    const domain = parse(text).config["blueprint:domain"];
    assert.deepEqual(Object.keys(domain.certificateArns), ["us-east-1"]);
    assert.ok(text.includes("    # new-env: dropped the entries for eu-west-1: qa does not run there.\n    certificateArns:\n"));
    assert.ok(result.out.includes("  - dropped blueprint:domain.certificateArns entries for eu-west-1\n"));
  });

  it("drops the domain when a new region has no certificate and there is no hosted zone to issue one", () => {
    const dir = tempStacks();
    const result = run(["--name", "qa", "--from", "staging", "--regions", "us-east-1,eu-central-1", "--stacks-dir", dir]);
    assert.equal(result.code, EXIT_OK, result.err);
    const text = readFileSync(join(dir, "Pulumi.qa.yaml"), "utf8");
    assert.equal(parse(text).config["blueprint:domain"], undefined);
    assert.ok(
      text.includes("  # new-env: blueprint:domain was dropped: certificateArns has no certificate for eu-central-1 (ACM certificates are regional).\n"),
    );
    assert.ok(!text.includes("certificate/"), "no certificate ARN is left");
  });

  it("keeps a domain with a hosted zone and asks for the new stack's own name", () => {
    const dir = tempStacks();
    const result = run(["--name", "prod-eu", "--from", "prod", "--regions", "eu-west-1,eu-central-1", "--stacks-dir", dir]);
    assert.equal(result.code, EXIT_OK, result.err);
    const text = readFileSync(join(dir, "Pulumi.prod-eu.yaml"), "utf8");
    assert.deepEqual(parse(text).config["blueprint:domain"], { name: "example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ" });
    assert.ok(text.includes("  # new-env: copied from prod: give prod-eu its own domain name (and certificates for it)\n"));
    assert.ok(result.out.includes("  - blueprint:domain is prod's: give prod-eu its own domain name before deploying\n"));
  });

  it("drops the source's secrets and secrets provider, region-keyed entries and region list items; flags values naming a left-out region", () => {
    const source = [
      "# yaml-language-server: $schema=./stack.schema.json",
      "# src: the source stack.",
      "secretsprovider: awskms://alias/source-key",
      "encryptedkey: AQICAHh...",
      "config:",
      "  aws:region: us-east-1",
      "  # a token only the source can decrypt",
      "  myapp:apiToken:",
      "    secure: v1:abc==",
      "  blueprint:regions:",
      "    - name: us-east-1",
      "      primary: true",
      "      vpcCidr: 10.0.0.0/16",
      "      availabilityZones: [us-east-1a, us-east-1b]",
      "    - name: eu-west-1",
      "      vpcCidr: 10.1.0.0/16",
      "      availabilityZones: [eu-west-1a, eu-west-1b]",
      "  myapp:perRegion:",
      "    us-east-1: 1",
      "    eu-west-1: 2",
      "  myapp:failoverRegions: [us-east-1, eu-west-1]",
      "  myapp:topicArn: arn:aws:sns:eu-west-1:123456789012:alerts",
      "  myapp:replica:",
      "    region: eu-west-1",
      "    copies: 2",
      "",
    ].join("\n");
    const regions = planRegions(sourceRegionsOf(parse(source).config["blueprint:regions"]), { regions: ["us-east-1", "ap-south-1"] }, []);
    const result = forkStackText(source, "Pulumi.src.yaml", { name: "new", from: "src", regions, command: "npm run new-env -- --name new --from src" });
    const config = parse(result.text);
    assert.deepEqual(Object.keys(config), ["config"]);
    assert.ok(
      result.text.startsWith(
        "# yaml-language-server: $schema=./stack.schema.json\n#\n# new: created by `npm run new-env -- --name new --from src` from Pulumi.src.yaml.\n",
      ),
      result.text,
    );
    assert.ok(result.text.includes("#\n# src: the source stack.\nconfig:\n"), "the source's header comment is kept");
    assert.deepEqual(config.config, {
      "aws:region": "us-east-1",
      "blueprint:regions": [
        { name: "us-east-1", primary: true, vpcCidr: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] },
        { name: "ap-south-1", vpcCidr: "10.1.0.0/16", availabilityZones: ["ap-south-1a", "ap-south-1b"] },
      ],
      "myapp:perRegion": { "us-east-1": 1 },
      "myapp:failoverRegions": ["us-east-1"],
      "myapp:topicArn": "arn:aws:sns:eu-west-1:123456789012:alerts",
      "myapp:replica": { copies: 2 },
    });
    assert.ok(
      result.text.includes(
        "  # new-env: myapp:apiToken was a secret encrypted with src's key; set it again with\n  #   pulumi config set --secret myapp:apiToken <value> --stack new\n",
      ),
    );
    assert.ok(result.text.includes("  # new-env: no entry for ap-south-1; add one per region.\n"));
    assert.ok(result.text.includes("  # new-env: removed eu-west-1 from this list: new does not run there.\n"));
    assert.ok(result.text.includes("  # new-env: this value names eu-west-1, where new does not run; review it.\n"));
    assert.ok(
      result.text.includes("    # new-env: myapp:replica.region was eu-west-1, where new does not run; dropped so that its default applies.\n    copies: 2\n"),
    );
    assert.deepEqual(result.notes, [
      "dropped secretsprovider: it belongs to src's secrets provider; `pulumi stack init new` writes the new stack's own",
      "dropped encryptedkey: it belongs to src's secrets provider; `pulumi stack init new` writes the new stack's own",
      "left out src's region(s) eu-west-1",
      "added ap-south-1 with AZs ap-south-1a, ap-south-1b (from the region table; check the account has them)",
      "dropped the secret myapp:apiToken: set it with `pulumi config set --secret` for new",
      "dropped myapp:perRegion entries for eu-west-1",
      "myapp:perRegion has no entry for ap-south-1: add one per region",
      "removed eu-west-1 from myapp:failoverRegions",
      "myapp:topicArn names eu-west-1, which new does not run in: review it",
      "dropped myapp:replica.region: it was eu-west-1, where new does not run (its default applies)",
    ]);
  });

  it("drops CloudFront's certificate with the domain, and does not flag us-east-1 edge ARNs as region references", () => {
    const source = [
      "config:",
      "  aws:region: us-east-1",
      "  blueprint:regions:",
      "    - name: us-east-1",
      "      primary: true",
      "      vpcCidr: 10.0.0.0/16",
      "      availabilityZones: [us-east-1a, us-east-1b]",
      "  blueprint:domain:",
      "    name: example.com",
      "    certificateArns:",
      "      us-east-1: arn:aws:acm:us-east-1:123456789012:certificate/a",
      "  blueprint:cdn:",
      "    priceClass: PriceClass_100",
      "    certificateArn: arn:aws:acm:us-east-1:123456789012:certificate/b",
      "    certificateNames: [www.example.com]",
      "  myapp:wafArn: arn:aws:wafv2:us-east-1:123456789012:global/webacl/x/1",
      "  myapp:queueArn: arn:aws:sqs:us-east-1:123456789012:jobs",
      "",
    ].join("\n");
    const regions = planRegions(sourceRegionsOf(parse(source).config["blueprint:regions"]), { regions: ["eu-west-1"] }, []);
    const result = forkStackText(source, "Pulumi.src.yaml", {
      name: "eu",
      from: "src",
      regions,
      command: "npm run new-env -- --name eu --from src --regions eu-west-1",
    });
    const config = parse(result.text).config;
    assert.equal(config["aws:region"], "eu-west-1");
    assert.equal(config["blueprint:domain"], undefined);
    assert.deepEqual(config["blueprint:cdn"], { priceClass: "PriceClass_100" });
    assert.deepEqual(
      result.notes.filter((note) => /domain|cdn|ARN|Arn/.test(note)),
      [
        "myapp:queueArn names us-east-1, which eu does not run in: review it",
        "dropped blueprint:domain: certificateArns has no certificate for eu-west-1 (ACM certificates are regional); add a domain with a certificate per region or a hostedZoneId",
        "dropped blueprint:cdn.certificateArn with blueprint:domain",
        "dropped blueprint:cdn.certificateNames with blueprint:domain",
      ],
    );
  });
});
