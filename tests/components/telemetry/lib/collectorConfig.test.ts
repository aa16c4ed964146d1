import * as assert from "node:assert/strict";
import { parse } from "yaml";
import { collectorConfig, remoteWriteUrl, renderCollectorConfig } from "../../../../components/telemetry/lib/collectorConfig";
import { collectorErrors } from "../../../support/agentSchemas";

const ENDPOINT = "https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-12345678-abcd-4ef0-8123-456789abcdef/";
const withWorkspace = { region: "eu-west-1", tier: "worker" as const, stack: "prod", remoteWriteUrl: remoteWriteUrl(ENDPOINT) };

describe("ADOT collector configuration", () => {
  it("conforms to the collector's documented shape with and without a Prometheus workspace, every pipeline naming configured components", () => {
    assert.deepEqual(collectorErrors(parse(renderCollectorConfig(withWorkspace))), []);
    assert.deepEqual(collectorErrors(parse(renderCollectorConfig({ region: "eu-west-1", tier: "web", stack: "dev" }))), []);
  });

  it("fails the check for an unknown exporter field, a pipeline naming a missing component and an authenticator not enabled (the check can fail)", () => {
    const typo = collectorConfig(withWorkspace) as any;
    typo.exporters.awsxray.regoin = "eu-west-1";
    assert.deepEqual(collectorErrors(typo), ["/exporters/awsxray must NOT have additional properties"]);
    const dangling = collectorConfig(withWorkspace) as any;
    dangling.service.pipelines.traces.exporters = ["awsxray", "otlp"];
    dangling.service.extensions = ["health_check"];
    assert.deepEqual(collectorErrors(dangling), ["traces: exporter otlp is not configured", "authenticator sigv4auth is not an enabled extension"]);
  });

  it("sends traces to X-Ray and metrics to the workspace's remote-write endpoint, signed for aps in the region", () => {
    const config = collectorConfig(withWorkspace) as any;
    assert.equal(config.exporters.prometheusremotewrite.endpoint, `${ENDPOINT}api/v1/remote_write`);
    assert.deepEqual(config.exporters.prometheusremotewrite.auth, { authenticator: "sigv4auth" });
    assert.deepEqual(config.extensions.sigv4auth, { region: "eu-west-1", service: "aps" });
    assert.deepEqual(config.exporters.awsxray.region, "eu-west-1");
    assert.deepEqual(config.service.pipelines.traces.exporters, ["awsxray"]);
    assert.deepEqual(config.service.pipelines.metrics.receivers, ["otlp", "prometheus"]);
  });

  it("listens on the loopback interface only", () => {
    const config = collectorConfig(withWorkspace) as any;
    assert.deepEqual(config.receivers.otlp.protocols, { grpc: { endpoint: "127.0.0.1:4317" }, http: { endpoint: "127.0.0.1:4318" } });
    assert.equal(config.extensions.health_check.endpoint, "127.0.0.1:13133");
  });

  it("sends traces only without a workspace: no metrics pipeline, no SigV4 extension", () => {
    const config = collectorConfig({ region: "us-east-1", tier: "web", stack: "dev" }) as any;
    assert.deepEqual(Object.keys(config.service.pipelines), ["traces"]);
    assert.deepEqual(Object.keys(config.exporters), ["awsxray"]);
    assert.deepEqual(config.service.extensions, ["health_check"]);
  });
});
