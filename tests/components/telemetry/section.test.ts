import * as assert from "node:assert/strict";
import { telemetryProblems } from "../../../components/telemetry/section";
import type { TelemetrySettings } from "../../../components/telemetry/settings";
import { PROD_TELEMETRY_SETTINGS } from "../../support/settings";

/** Prod's settings with Grafana signed in through IAM Identity Center, on 30-day logs. */
const OK: TelemetrySettings = { ...PROD_TELEMETRY_SETTINGS, logRetentionDays: 30, grafanaAuthentication: "AWS_SSO", grafana: true };

describe("telemetry section rules", () => {
  it("accepts the prod settings", () => {
    assert.deepEqual(telemetryProblems(OK), []);
  });

  it("names Grafana's missing sign-in and data sources, the SLO ranges, the histogram bucket and the canary interval, all at once", () => {
    const { grafanaAuthentication: _auth, ...noAuth } = OK;
    assert.deepEqual(
      telemetryProblems({ ...noAuth, prometheus: false, availabilityObjectivePercent: 80, latencyObjectivePercent: 100, canaryIntervalMinutes: 90 }).map(
        (p) => `${p.field}: ${p.message}`,
      ),
      [
        "grafanaAuthentication: is required when grafana is on: choose AWS_SSO (IAM Identity Center, enabled in the account) or SAML (your identity provider), or set grafana: false",
        "grafana: needs prometheus: true; Grafana's data sources are the regions' Prometheus workspaces",
        "availabilityObjectivePercent: must be from 90 to 99.99 percent (below 90 a 14.4x burn exceeds every request)",
        "latencyObjectivePercent: must be from 90 to 99.99 percent (below 90 a 14.4x burn exceeds every request)",
        "canaryIntervalMinutes: must be a whole number of minutes from 1 to 60",
      ],
    );
  });

  it("names a token rotation that is not a whole number from 1", () => {
    for (const grafanaTokenRotation of [0, 1.5, 10_000])
      assert.deepEqual(
        telemetryProblems({ ...OK, grafanaTokenRotation }).map((p) => `${p.field}: ${p.message}`),
        ["grafanaTokenRotation: must be a whole number from 1 to 9999; raise it by one to issue a new token"],
        String(grafanaTokenRotation),
      );
    assert.deepEqual(telemetryProblems({ ...OK, grafanaTokenRotation: 2 }), []);
  });

  it("asks for a histogram bucket bound as the latency threshold only when Prometheus records it", () => {
    assert.deepEqual(
      telemetryProblems({ ...OK, latencyThresholdSeconds: 0.3 }).map((p) => p.field),
      ["latencyThresholdSeconds"],
    );
    assert.match(
      telemetryProblems({ ...OK, latencyThresholdSeconds: 0.3 })[0].message,
      /bucket bound of the OpenTelemetry HTTP duration histogram .*0\.25, 0\.5/,
    );
    assert.deepEqual(telemetryProblems({ ...OK, grafana: false, prometheus: false, latencyThresholdSeconds: 0.3 }), []);
  });
});

describe("telemetry section rules: per-class objectives", () => {
  it("names each class's out-of-range objective and a threshold that is no bucket bound, all at once", () => {
    const classObjectives = {
      ...OK.classObjectives,
      write: { availabilityPercent: 80, latencyPercent: 99, latencyThresholdSeconds: 0.3 },
      "read-any": { availabilityPercent: 99.9, latencyPercent: 100, latencyThresholdSeconds: 0.25 },
    };
    assert.deepEqual(
      telemetryProblems({ ...OK, classObjectives }).map((p) => `${p.field}: ${p.message}`),
      [
        "classObjectives.write.availabilityPercent: must be from 90 to 99.99 percent",
        'classObjectives.write.latencyThresholdSeconds: must be a bucket bound of the OpenTelemetry HTTP duration histogram (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10); the class\'s recording rule reads the bucket le="<threshold>"',
        "classObjectives.read-any.latencyPercent: must be from 90 to 99.99 percent",
      ],
    );
  });
});
