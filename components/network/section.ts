/**
 * `blueprint:network`: the NAT strategy and flow-log retention every region's VPC uses.
 */
import { isLogRetention, LOG_RETENTION_DAYS } from "../lib/logRetention";
import { section } from "../lib/settings";
import { networkKeys } from "./settings";

/** The `network` section of a stack file. */
export const networkSection = section("network", {
  description: "Network settings applied to every region.",
  keys: networkKeys,
  showValues: true,
  check: (network, scope) => [
    ...(scope.written("flowLogRetentionDays") && !isLogRetention(network.flowLogRetentionDays)
      ? [{ field: "flowLogRetentionDays", message: `is not a retention CloudWatch Logs accepts; use one of ${LOG_RETENTION_DAYS.join(", ")}` }]
      : []),
    // without NAT and without interface endpoints the instances reach no AWS API but S3: no
    // secrets, queues, SSM or CloudWatch, so every instance would fail its boot
    ...(network.natGateways === "None" && !network.interfaceEndpoints
      ? [
          {
            field: "natGateways",
            message:
              "is None while interfaceEndpoints is false: the private subnets would reach no AWS API but S3 (no secrets, queues, SSM or CloudWatch); turn interfaceEndpoints on or keep a NAT gateway",
          },
        ]
      : []),
  ],
});
