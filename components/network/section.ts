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
  check: (network, scope) =>
    scope.written("flowLogRetentionDays") && !isLogRetention(network.flowLogRetentionDays)
      ? [{ field: "flowLogRetentionDays", message: `is not a retention CloudWatch Logs accepts; use one of ${LOG_RETENTION_DAYS.join(", ")}` }]
      : [],
});
