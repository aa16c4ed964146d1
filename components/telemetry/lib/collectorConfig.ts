/**
 * The AWS Distro for OpenTelemetry collector's configuration of one tier, as data: OTLP from the
 * application on the loopback interface, the application's Prometheus endpoint scraped, traces to
 * X-Ray (awsxray exporter) and, with a Prometheus workspace, metrics to its remote-write endpoint
 * signed with SigV4 (prometheusremotewrite exporter with the sigv4auth extension). Field names and
 * types follow the collector's documented configuration (receivers, processors, exporters,
 * extensions, service.pipelines).
 *
 * @see https://aws-otel.github.io/docs/getting-started/collector
 * @see https://opentelemetry.io/docs/collector/configuration/
 * @see https://docs.aws.amazon.com/prometheus/latest/userguide/AMP-onboard-ingest-metrics-OpenTelemetry.html
 */
import { stringify } from "yaml";
import type { Tier } from "./names";

/** Where the application sends OTLP (HTTP and gRPC), on the loopback interface only. */
export const OTLP_HTTP_ENDPOINT = "127.0.0.1:4318";
export const OTLP_GRPC_ENDPOINT = "127.0.0.1:4317";

/** The application's Prometheus endpoint the collector scrapes (the OpenTelemetry Prometheus exporter's default port). */
export const APPLICATION_METRICS_TARGET = "127.0.0.1:9464";

/** What the collector's configuration of a tier needs. */
export interface CollectorInput {
  readonly region: string;
  readonly tier: Tier;
  /** The stack's name (the `deployment.environment` resource attribute). */
  readonly stack: string;
  /** The workspace's remote-write URL; without one the collector sends traces only. @default none */
  readonly remoteWriteUrl?: string;
}

/** The remote-write URL of a workspace's Prometheus endpoint (which ends with a slash). */
export function remoteWriteUrl(prometheusEndpoint: string): string {
  return `${prometheusEndpoint.replace(/\/+$/, "")}/api/v1/remote_write`;
}

/** The collector's configuration of a tier. */
export function collectorConfig(input: CollectorInput): Record<string, unknown> {
  const metrics = input.remoteWriteUrl !== undefined;
  const processors = ["memory_limiter", "resourcedetection", "resource", "batch"];
  return {
    extensions: { health_check: { endpoint: "127.0.0.1:13133" }, ...(metrics ? { sigv4auth: { region: input.region, service: "aps" } } : {}) },
    receivers: {
      otlp: { protocols: { grpc: { endpoint: OTLP_GRPC_ENDPOINT }, http: { endpoint: OTLP_HTTP_ENDPOINT } } },
      ...(metrics
        ? {
            prometheus: {
              config: {
                scrape_configs: [{ job_name: `blueprint-${input.tier}`, scrape_interval: "30s", static_configs: [{ targets: [APPLICATION_METRICS_TARGET] }] }],
              },
            },
          }
        : {}),
    },
    processors: {
      memory_limiter: { check_interval: "1s", limit_percentage: 20, spike_limit_percentage: 5 },
      resourcedetection: { detectors: ["env", "ec2"], timeout: "5s", override: false },
      resource: {
        attributes: [
          { key: "deployment.environment", value: input.stack, action: "upsert" },
          { key: "blueprint.tier", value: input.tier, action: "upsert" },
          { key: "cloud.region", value: input.region, action: "upsert" },
        ],
      },
      batch: { timeout: "10s", send_batch_size: 1024 },
    },
    exporters: {
      awsxray: { region: input.region, indexed_attributes: ["blueprint.tier"] },
      ...(metrics
        ? {
            prometheusremotewrite: {
              endpoint: input.remoteWriteUrl,
              auth: { authenticator: "sigv4auth" },
              resource_to_telemetry_conversion: { enabled: true },
            },
          }
        : {}),
    },
    service: {
      extensions: metrics ? ["health_check", "sigv4auth"] : ["health_check"],
      pipelines: {
        traces: { receivers: ["otlp"], processors, exporters: ["awsxray"] },
        ...(metrics ? { metrics: { receivers: ["otlp", "prometheus"], processors, exporters: ["prometheusremotewrite"] } } : {}),
      },
    },
  };
}

/** The collector's configuration as the YAML its SSM parameter holds. */
export function renderCollectorConfig(input: CollectorInput): string {
  return stringify(collectorConfig(input), { lineWidth: 0 });
}
