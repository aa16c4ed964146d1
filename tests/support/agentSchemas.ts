/**
 * The agents' documented configuration schemas, for the tests of the rendered configurations.
 *
 * CloudWatch agent: the subset of the agent's configuration reference the blueprint writes
 * (field names, types and enums as the agent's own JSON schema, translator/config/schema.json in
 * aws/amazon-cloudwatch-agent, and the configuration file reference define them), closed with
 * `additionalProperties: false` so that a misspelt field fails.
 *
 * ADOT collector: the collector configuration's documented shape (receivers, processors,
 * exporters, extensions, service.extensions and service.pipelines whose entries name configured
 * components), and the fields of the components the blueprint uses (otlp and prometheus
 * receivers; memory_limiter, resourcedetection, resource and batch processors; awsxray and
 * prometheusremotewrite exporters; sigv4auth and health_check extensions).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Agent-Configuration-File-Details.html
 * @see https://opentelemetry.io/docs/collector/configuration/
 * @see https://aws-otel.github.io/docs/getting-started/collector
 */
import Ajv, { type ErrorObject } from "ajv";

const interval = { type: "integer", minimum: 1, maximum: 172800 };
const shortText = { type: "string", minLength: 1, maxLength: 512 };
const measurement = { type: "array", items: { type: "string", minLength: 1, maxLength: 255 }, uniqueItems: true, minItems: 1 };
const basicMetric = {
  type: "object",
  properties: { measurement, metrics_collection_interval: interval, resources: { type: "array", items: { type: "string", minLength: 1 } } },
  required: ["measurement"],
};

/** The CloudWatch agent's configuration, as far as the blueprint writes it. */
export const CLOUDWATCH_AGENT_SCHEMA = {
  type: "object",
  additionalProperties: false,
  properties: {
    agent: {
      type: "object",
      additionalProperties: false,
      properties: {
        metrics_collection_interval: interval,
        region: { type: "string", minLength: 1, maxLength: 64 },
        logfile: { type: "string", maxLength: 4096 },
        debug: { type: "boolean" },
        omit_hostname: { type: "boolean" },
        run_as_user: { type: "string" },
      },
    },
    logs: {
      type: "object",
      additionalProperties: false,
      required: ["logs_collected"],
      properties: {
        force_flush_interval: interval,
        log_stream_name: shortText,
        logs_collected: {
          type: "object",
          additionalProperties: false,
          minProperties: 1,
          properties: {
            files: {
              type: "object",
              additionalProperties: false,
              required: ["collect_list"],
              properties: {
                collect_list: {
                  type: "array",
                  minItems: 1,
                  uniqueItems: true,
                  items: {
                    type: "object",
                    additionalProperties: false,
                    required: ["file_path"],
                    properties: {
                      file_path: { type: "string", maxLength: 4096 },
                      log_group_name: shortText,
                      log_stream_name: shortText,
                      timezone: { enum: ["Local", "LOCAL", "UTC"] },
                      multi_line_start_pattern: { type: "string", minLength: 1 },
                      timestamp_format: { type: "string", minLength: 1 },
                      encoding: { type: "string", minLength: 1 },
                      auto_removal: { type: "boolean" },
                      retention_in_days: {
                        enum: [-1, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653],
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    metrics: {
      type: "object",
      additionalProperties: false,
      required: ["metrics_collected"],
      properties: {
        namespace: { type: "string", minLength: 1, maxLength: 255 },
        force_flush_interval: interval,
        // the agent substitutes only these four EC2 placeholders
        append_dimensions: {
          type: "object",
          maxProperties: 30,
          additionalProperties: false,
          properties: {
            ImageId: { const: "${aws:ImageId}" },
            InstanceId: { const: "${aws:InstanceId}" },
            InstanceType: { const: "${aws:InstanceType}" },
            AutoScalingGroupName: { const: "${aws:AutoScalingGroupName}" },
          },
        },
        aggregation_dimensions: {
          type: "array",
          minItems: 1,
          uniqueItems: true,
          items: { type: "array", maxItems: 30, uniqueItems: true, items: { type: "string", minLength: 1 } },
        },
        metrics_collected: {
          type: "object",
          minProperties: 1,
          additionalProperties: false,
          properties: {
            cpu: { ...basicMetric, properties: { ...basicMetric.properties, totalcpu: { type: "boolean" } } },
            mem: basicMetric,
            swap: basicMetric,
            disk: {
              ...basicMetric,
              properties: {
                ...basicMetric.properties,
                ignore_file_system_types: { type: "array", items: { type: "string" } },
                drop_device: { type: "boolean" },
              },
            },
            diskio: basicMetric,
            net: basicMetric,
            netstat: basicMetric,
            processes: basicMetric,
            procstat: {
              type: "array",
              minItems: 1,
              maxItems: 255,
              items: {
                type: "object",
                additionalProperties: false,
                required: ["measurement"],
                properties: {
                  pid_file: { type: "string", minLength: 1, maxLength: 255 },
                  exe: { type: "string", minLength: 1, maxLength: 255 },
                  pattern: { type: "string", minLength: 1, maxLength: 255 },
                  measurement,
                  metrics_collection_interval: interval,
                },
                anyOf: [{ required: ["pid_file"] }, { required: ["exe"] }, { required: ["pattern"] }],
              },
            },
          },
        },
      },
    },
  },
} as const;

const endpoint = { type: "string", pattern: "^[^\\s:]+:[0-9]{1,5}$" };
const duration = { type: "string", pattern: "^[0-9]+(ms|s|m|h)$" };
const componentName = "^[a-z0-9_]+(/[A-Za-z0-9_-]+)?$";
const closed = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", additionalProperties: false, properties, required });
const componentList = { type: "array", minItems: 1, uniqueItems: true, items: { type: "string", pattern: componentName } };

/** The ADOT collector's configuration, as far as the blueprint writes it. */
export const COLLECTOR_SCHEMA = closed(
  {
    extensions: closed({
      health_check: closed({ endpoint }),
      sigv4auth: closed({ region: { type: "string", minLength: 1 }, service: { type: "string", minLength: 1 }, assume_role: { type: "object" } }),
    }),
    receivers: closed({
      otlp: closed({ protocols: closed({ grpc: closed({ endpoint }), http: closed({ endpoint }) }) }, ["protocols"]),
      prometheus: closed(
        {
          config: closed(
            {
              scrape_configs: {
                type: "array",
                minItems: 1,
                items: closed(
                  {
                    job_name: { type: "string", minLength: 1 },
                    scrape_interval: duration,
                    metrics_path: { type: "string" },
                    static_configs: { type: "array", items: closed({ targets: { type: "array", minItems: 1, items: endpoint } }, ["targets"]) },
                  },
                  ["job_name"],
                ),
              },
            },
            ["scrape_configs"],
          ),
        },
        ["config"],
      ),
    }),
    processors: closed({
      memory_limiter: closed(
        {
          check_interval: duration,
          limit_percentage: { type: "integer", minimum: 1, maximum: 100 },
          spike_limit_percentage: { type: "integer", minimum: 0, maximum: 100 },
          limit_mib: { type: "integer", minimum: 1 },
        },
        ["check_interval"],
      ),
      resourcedetection: closed({
        detectors: { type: "array", items: { enum: ["env", "system", "ec2", "ecs", "eks"] } },
        timeout: duration,
        override: { type: "boolean" },
      }),
      resource: closed(
        {
          attributes: {
            type: "array",
            minItems: 1,
            items: closed(
              {
                key: { type: "string", minLength: 1 },
                value: { type: "string" },
                action: { enum: ["insert", "update", "upsert", "delete", "hash", "extract"] },
              },
              ["key", "action"],
            ),
          },
        },
        ["attributes"],
      ),
      batch: closed({ timeout: duration, send_batch_size: { type: "integer", minimum: 1 }, send_batch_max_size: { type: "integer", minimum: 0 } }),
    }),
    exporters: closed({
      awsxray: closed({
        region: { type: "string", minLength: 1 },
        indexed_attributes: { type: "array", items: { type: "string" } },
        index_all_attributes: { type: "boolean" },
      }),
      prometheusremotewrite: closed(
        {
          endpoint: { type: "string", pattern: "^https://aps-workspaces\\.[a-z0-9-]+\\.amazonaws\\.com/workspaces/ws-[0-9a-f-]+/api/v1/remote_write$" },
          auth: closed({ authenticator: { type: "string", pattern: componentName } }, ["authenticator"]),
          resource_to_telemetry_conversion: closed({ enabled: { type: "boolean" } }),
        },
        ["endpoint"],
      ),
    }),
    service: closed(
      {
        extensions: componentList,
        pipelines: {
          type: "object",
          minProperties: 1,
          propertyNames: { pattern: "^(traces|metrics|logs)(/[A-Za-z0-9_-]+)?$" },
          additionalProperties: closed({ receivers: componentList, processors: componentList, exporters: componentList }, ["receivers", "exporters"]),
        },
      },
      ["pipelines"],
    ),
  },
  ["receivers", "exporters", "service"],
);

const ajv = new Ajv({ allErrors: true, strict: false });
const validateAgent = ajv.compile(CLOUDWATCH_AGENT_SCHEMA);
const validateCollector = ajv.compile(COLLECTOR_SCHEMA);

const describe = (errors: ErrorObject[] | null | undefined) => (errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? ""}`.trim());

/** The schema errors of a CloudWatch agent configuration (none when it conforms). */
export function cloudwatchAgentErrors(config: unknown): string[] {
  return validateAgent(config) ? [] : describe(validateAgent.errors);
}

/**
 * The errors of a collector configuration: schema errors, then every name in service that is not
 * a configured component (the collector refuses to start on either).
 */
export function collectorErrors(config: unknown): string[] {
  if (!validateCollector(config)) return describe(validateCollector.errors);
  const c = config as {
    extensions?: Record<string, unknown>;
    receivers: Record<string, unknown>;
    processors?: Record<string, unknown>;
    exporters: Record<string, unknown>;
    service: { extensions?: string[]; pipelines: Record<string, { receivers: string[]; processors?: string[]; exporters: string[] }> };
  };
  const errors: string[] = [];
  const check = (kind: string, names: readonly string[], defined: Record<string, unknown> | undefined) => {
    for (const name of names) if (!(name in (defined ?? {}))) errors.push(`${kind} ${name} is not configured`);
  };
  check("extension", c.service.extensions ?? [], c.extensions);
  for (const [pipeline, spec] of Object.entries(c.service.pipelines)) {
    check(`${pipeline}: receiver`, spec.receivers, c.receivers);
    check(`${pipeline}: processor`, spec.processors ?? [], c.processors);
    check(`${pipeline}: exporter`, spec.exporters, c.exporters);
  }
  const authenticator = (c.exporters.prometheusremotewrite as { auth?: { authenticator: string } } | undefined)?.auth?.authenticator;
  if (authenticator !== undefined && !(c.service.extensions ?? []).includes(authenticator))
    errors.push(`authenticator ${authenticator} is not an enabled extension`);
  return errors;
}
