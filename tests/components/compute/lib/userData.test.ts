import * as assert from "node:assert/strict";
import fc from "fast-check";
import {
  ENV_FILE,
  MAX_STACK_SCRIPT_BYTES,
  MAX_USER_DATA_BYTES,
  envSuffix,
  looksSecret,
  renderUserData,
  userDataProblems,
} from "../../../../components/compute/lib/userData";
import { bootCertificateSteps } from "../../../../components/compute/lib/bootCertificate";

/** Bytes the boot certificate's steps add to the bootstrap (bootCertificate.test.ts tests them). */
const CERTIFICATE_BYTES = Buffer.byteLength(bootCertificateSteps(ENV_FILE).join("\n") + "\n", "utf8");

const ADVICE = "user data is readable by anyone who can describe the instance, so read secrets from Secrets Manager at boot";
const ACCESS_KEY = `contains what looks like an AWS access key ID; ${ADVICE}`;
const SECRET_KEY = `contains what looks like an AWS secret access key; ${ADVICE}`;
const PRIVATE_KEY = `contains what looks like a private key; ${ADVICE}`;
const LITERAL = `contains what looks like a literal password, secret, token or API key; ${ADVICE}`;
const tooLarge = (bytes: number) =>
  `is ${bytes} bytes; at most 10240 fit next to the bootstrap within EC2's 16384-byte user-data limit (download larger scripts from S3)`;

const SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf";
const QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/blueprint-prod-orders";

/** The bootstrap up to and including the boot certificate, with the given env lines. */
function bootstrap(...envLines: string[]): string[] {
  return [
    "#!/bin/bash",
    "# Written by the blueprint: the region's endpoints, never a secret (secrets are read by ARN).",
    "set -euo pipefail",
    "install -d -m 0755 /etc/blueprint",
    "cat > /etc/blueprint/env <<'BLUEPRINT_ENV'",
    ...envLines,
    "BLUEPRINT_ENV",
    "chmod 0644 /etc/blueprint/env",
    ...bootCertificateSteps(ENV_FILE),
  ];
}
const STACK_HEADER = "# The stack's own script (blueprint:<tier>.userData)";

describe("userDataProblems", () => {
  it("has the documented limits", () => {
    assert.equal(MAX_USER_DATA_BYTES, 16384);
    assert.equal(MAX_STACK_SCRIPT_BYTES, 10240);
    assert.equal(ENV_FILE, "/etc/blueprint/env");
  });

  it("accepts an ordinary boot script", () => {
    assert.deepEqual(userDataProblems("#!/bin/bash\ndnf install -y nginx\nsystemctl enable --now nginx\n"), []);
    assert.deepEqual(userDataProblems(""), []);
  });

  it("accepts a script of exactly 10240 bytes and rejects one more byte", () => {
    assert.deepEqual(userDataProblems("x".repeat(10240)), []);
    assert.deepEqual(userDataProblems("x".repeat(10241)), [tooLarge(10241)]);
  });

  it("counts UTF-8 bytes, not characters", () => {
    // 5121 two-byte characters
    assert.deepEqual(userDataProblems("é".repeat(5121)), [tooLarge(10242)]);
    assert.deepEqual(userDataProblems("é".repeat(5120)), []);
  });

  const flagged: Array<[string, string, string[]]> = [
    ["an access key ID", "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", [ACCESS_KEY]],
    ["a temporary access key ID", "KEY_ID=ASIAY34FZKBOKMUTVV7A", [ACCESS_KEY]],
    ["a secret access key", "export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", [SECRET_KEY]],
    ["the secret key's config name in lowercase", "aws configure set aws_secret_access_key $(cat /tmp/k)", [SECRET_KEY]],
    ["an RSA private key", "cat > /root/.ssh/id_rsa <<EOF\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\nEOF", [PRIVATE_KEY]],
    ["an OpenSSH private key", "-----BEGIN OPENSSH PRIVATE KEY-----", [PRIVATE_KEY]],
    ["a PKCS#8 private key", "-----BEGIN PRIVATE KEY-----", [PRIVATE_KEY]],
    ["a literal password", "DB_PASSWORD=hunter22", [LITERAL]],
    ["a quoted literal password", "export DB_PASSWORD='hunter22'", [LITERAL]],
    ["a double-quoted literal password with spaces around =", 'PASSWORD = "hunter22"', [LITERAL]],
    ["a YAML password", "  password: hunter22", [LITERAL]],
    ["a passwd", "passwd=letmein", [LITERAL]],
    ["a token", "GITHUB_TOKEN=ghp_0123456789", [LITERAL]],
    ["an API key", "API_KEY=0123456789abcdef", [LITERAL]],
    ["an api-key", "--header api-key:0123456789abcdef", [LITERAL]],
    ["a secret", "CLIENT_SECRET=s3cr3tvalue", [LITERAL]],
    ["several kinds at once, in pattern order", "AKIAIOSFODNN7EXAMPLE\n-----BEGIN EC PRIVATE KEY-----\nTOKEN=abcdefgh", [ACCESS_KEY, PRIVATE_KEY, LITERAL]],
  ];
  for (const [name, script, expected] of flagged) {
    it(`flags ${name}`, () => {
      assert.deepEqual(userDataProblems(script), expected);
    });
  }

  it("reports the size before the secrets", () => {
    assert.deepEqual(userDataProblems(`DB_PASSWORD=hunter22\n${"#".repeat(10240)}`), [tooLarge(10261), LITERAL]);
  });

  const allowed: Array<[string, string]> = [
    ["a password read from Secrets Manager", "DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)"],
    ["the same, quoted", 'DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)"'],
    ["a password from another variable", 'PASSWORD="${DB_PASSWORD}"\nTOKEN=$TOKEN'],
    ["a value too short to be a secret", "PASSWORD=short"],
    [
      "the IMDSv2 token dance",
      'TOKEN=$(curl -sX PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")\n' +
        'curl -sH "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/instance-id',
    ],
    ["a public key or certificate", "-----BEGIN PUBLIC KEY-----\n-----BEGIN CERTIFICATE-----"],
    ["an access key ID of the wrong length", "AKIAIOSFODNN7EXAMPL AKIAIOSFODNN7EXAMPLEX xAKIAIOSFODNN7EXAMPLE"],
    ["the --password-stdin flag", "aws ecr get-login-password | docker login --username AWS --password-stdin 123456789012.dkr.ecr.eu-west-1.amazonaws.com"],
  ];
  for (const [name, script] of allowed) {
    it(`allows ${name}`, () => {
      assert.deepEqual(userDataProblems(script), []);
    });
  }

  // ":secret:<name>" inside a Secrets Manager ARN is not a literal secret: reading by ARN is the advice.
  it("allows reading a secret from Secrets Manager by its ARN", () => {
    assert.deepEqual(userDataProblems(`DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id ${SECRET_ARN} --query SecretString --output text)`), []);
  });
});

describe("looksSecret", () => {
  it("is true for keys and literal secrets, false for endpoints", () => {
    assert.equal(looksSecret("AKIAIOSFODNN7EXAMPLE"), true);
    assert.equal(looksSecret("token=abcdefgh"), true);
    assert.equal(looksSecret(QUEUE_URL), false);
    assert.equal(looksSecret("eu-west-1"), false);
  });
});

describe("renderUserData", () => {
  it("writes the environment file, then the stack's script without its shebang", () => {
    const text = renderUserData({ BLUEPRINT_REGION: "eu-west-1", BLUEPRINT_QUEUE_ORDERS_URL: QUEUE_URL }, "#!/bin/bash\necho hello\n\n");
    assert.equal(text, [...bootstrap("BLUEPRINT_REGION=eu-west-1", `BLUEPRINT_QUEUE_ORDERS_URL=${QUEUE_URL}`), STACK_HEADER, "echo hello", ""].join("\n"));
  });

  it("writes only the bootstrap without a script, or with a blank one", () => {
    const expected = [...bootstrap("A=1"), ""].join("\n");
    assert.equal(renderUserData({ A: "1" }), expected);
    assert.equal(renderUserData({ A: "1" }, ""), expected);
    assert.equal(renderUserData({ A: "1" }, "#!/bin/sh\n  \n\n"), expected);
  });

  it("writes an empty environment file for an empty environment", () => {
    assert.equal(renderUserData({}), [...bootstrap(), ""].join("\n"));
  });

  it("keeps the environment's order and every safe character", () => {
    const text = renderUserData({ Z: "a", A: "b", M_2: "A-z_0.9:/@,+=" });
    assert.ok(text.includes("\nZ=a\nA=b\nM_2=A-z_0.9:/@,+=\nBLUEPRINT_ENV\n"));
  });

  it("strips only a leading shebang line", () => {
    assert.ok(renderUserData({}, "#!/usr/bin/env bash\necho a\n").endsWith(`${STACK_HEADER}\necho a\n`));
    assert.ok(renderUserData({}, "#!/bin/bash\r\necho a").endsWith(`${STACK_HEADER}\necho a\n`));
    assert.ok(renderUserData({}, "echo a\n#!/bin/bash\necho b").endsWith(`${STACK_HEADER}\necho a\n#!/bin/bash\necho b\n`));
    // the first line of the rendered text is always the bootstrap's own shebang
    assert.equal(
      renderUserData({}, "#!/bin/zsh\necho a")
        .split("\n")
        .filter((line) => line.startsWith("#!")).length,
      1,
    );
  });

  const badKeys = ["lower", "1ABC", "A-B", "A B", "_A", "A=B"];
  for (const key of badKeys) {
    it(`refuses the key ${JSON.stringify(key)}`, () => {
      assert.throws(() => renderUserData({ [key]: "x" }), { message: `user data: ${key} is not an environment variable name` });
    });
  }

  const unsafeValues = ["a b", "$(id)", "`id`", "x;reboot", "'quoted'", '"quoted"', "line\nEVIL=1", "a\\b", "a#b", "a*b", "é"];
  for (const value of unsafeValues) {
    it(`refuses the value ${JSON.stringify(value)}`, () => {
      assert.throws(() => renderUserData({ OK: "1", KEY: value }), {
        message: "user data: the value of KEY has characters that need quoting (the value is not shown: it could be a secret)",
      });
    });
  }

  it("refuses secret-looking values", () => {
    for (const value of ["AKIAIOSFODNN7EXAMPLE", "password=hunter22", "api_key:0123456789"]) {
      assert.throws(() => renderUserData({ KEY: value }), { message: "user data: the value of KEY looks like a secret; pass its ARN instead" }, value);
    }
  });

  it("catches literal secrets in JSON and in command-line flags", () => {
    for (const script of ['echo \'{"password": "hunter2222"}\' > /etc/app.json', "mysql --password hunter2222", "app --api-key=abcdef123456"]) {
      assert.deepEqual(
        userDataProblems(script),
        [
          "contains what looks like a literal password, secret, token or API key; user data is readable by anyone who can describe the instance, so read secrets from Secrets Manager at boot",
        ],
        script,
      );
    }
  });

  it("accepts a Secrets Manager ARN, as its own error message advises", () => {
    assert.ok(renderUserData({ DB_SECRET_ARN: SECRET_ARN }).includes(`\nDB_SECRET_ARN=${SECRET_ARN}\n`));
  });

  it("fills EC2's 16384 bytes exactly and refuses one byte more", () => {
    // the bootstrap with an empty environment and the script header takes 299 bytes, plus the certificate's steps
    const room = 16384 - 299 - CERTIFICATE_BYTES;
    assert.equal(Buffer.byteLength(renderUserData({}, "x".repeat(room)), "utf8"), 16384);
    assert.throws(() => renderUserData({}, "x".repeat(room + 1)), { message: "user data is 16385 bytes, above EC2's limit of 16384" });
  });

  it("counts the environment towards the limit", () => {
    const value = "v".repeat(16384);
    assert.throws(() => renderUserData({ BIG: value }), {
      message: `user data is ${245 + CERTIFICATE_BYTES + 4 + 16384 + 1} bytes, above EC2's limit of 16384`,
    });
  });

  it("always fits a script within the stack limit next to a realistic environment", () => {
    const environment: Record<string, string> = {
      BLUEPRINT_STACK: "prod",
      BLUEPRINT_REGION: "ap-southeast-2",
      BLUEPRINT_PRIMARY_REGION: "eu-west-1",
      BLUEPRINT_APP_PORT: "8080",
      BLUEPRINT_TIER: "worker",
    };
    for (let index = 0; index < 20; index++) {
      environment[`BLUEPRINT_QUEUE_QUEUE_NUMBER_${index}_URL`] = `https://sqs.ap-southeast-2.amazonaws.com/123456789012/${"q".repeat(60)}-${index}`;
    }
    const script = "x".repeat(MAX_STACK_SCRIPT_BYTES);
    assert.deepEqual(userDataProblems(script), []);
    assert.ok(Buffer.byteLength(renderUserData(environment, script), "utf8") <= MAX_USER_DATA_BYTES);
  });

  it("renders every environment of safe, non-secret values as KEY=value lines", () => {
    const key = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,20}$/);
    const value = fc.stringMatching(/^[A-Za-z0-9_.:/@,+=-]{0,40}$/).filter((v) => !looksSecret(v));
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 10 }), (environment) => {
        const lines = renderUserData(environment).split("\n");
        const start = lines.indexOf("cat > /etc/blueprint/env <<'BLUEPRINT_ENV'") + 1;
        const end = lines.indexOf("BLUEPRINT_ENV");
        assert.deepEqual(
          lines.slice(start, end),
          Object.entries(environment).map(([k, v]) => `${k}=${v}`),
        );
      }),
    );
  });
});

describe("envSuffix", () => {
  const cases: Array<[string, string]> = [
    ["order-events", "ORDER_EVENTS"],
    ["orders", "ORDERS"],
    ["Order_Events", "ORDER_EVENTS"],
    ["v2.orders", "V2_ORDERS"],
    ["--a..b--", "A_B"],
    ["a  -  b", "A_B"],
    ["café", "CAF"],
    ["", ""],
  ];
  for (const [name, expected] of cases) {
    it(`turns ${JSON.stringify(name)} into ${JSON.stringify(expected)}`, () => {
      assert.equal(envSuffix(name), expected);
    });
  }

  it("always gives an environment-variable fragment", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (name) => {
        const suffix = envSuffix(name);
        assert.match(suffix, /^([A-Z0-9]+(_[A-Z0-9]+)*)?$/);
        if (suffix !== "") assert.match(`BLUEPRINT_QUEUE_${suffix}_URL`, /^[A-Z][A-Z0-9_]*$/);
      }),
    );
  });
});
