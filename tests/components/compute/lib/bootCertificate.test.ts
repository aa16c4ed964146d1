import * as assert from "node:assert/strict";
import { bootCertificateSteps, TLS_CERT_FILE, TLS_KEY_FILE } from "../../../../components/compute/lib/bootCertificate";

describe("bootCertificateSteps", () => {
  const steps = bootCertificateSteps("/etc/blueprint/env");

  it("makes a self-signed RSA certificate once, with its key readable by root only", () => {
    assert.deepEqual(steps, [
      "# TLS from the load balancer to this instance: a self-signed certificate made here, its key never leaves the instance",
      "install -d -m 0700 /etc/blueprint/tls",
      "if [ ! -s /etc/blueprint/tls/key.pem ]; then",
      '  (umask 077 && openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 397 -subj "/CN=$(hostname)" -keyout /etc/blueprint/tls/key.pem -out /etc/blueprint/tls/cert.pem)',
      "fi",
      "chmod 0600 /etc/blueprint/tls/key.pem",
      "chmod 0644 /etc/blueprint/tls/cert.pem",
      "printf 'BLUEPRINT_TLS_CERT=%s\\nBLUEPRINT_TLS_KEY=%s\\n' /etc/blueprint/tls/cert.pem /etc/blueprint/tls/key.pem >> /etc/blueprint/env",
    ]);
  });

  it("writes the key and certificate where the environment file says", () => {
    assert.equal(TLS_CERT_FILE, "/etc/blueprint/tls/cert.pem");
    assert.equal(TLS_KEY_FILE, "/etc/blueprint/tls/key.pem");
  });

  it("carries no key material: the key is made on the instance", () => {
    assert.ok(!steps.join("\n").includes("BEGIN"));
  });
});
