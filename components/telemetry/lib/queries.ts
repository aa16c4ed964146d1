/**
 * The saved Logs Insights queries of a region: what on-call asks the tiers' logs first. Each names
 * the log groups it runs on, so it opens ready to run in the console.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax.html
 */
import { MAX_QUERY_STRING_LENGTH } from "./limits";

/** One saved query. */
export interface SavedQuery {
  /** Shown in the console under the region's folder. */
  readonly name: string;
  readonly queryString: string;
  /** Which of the region's groups it runs on. */
  readonly groups: "application" | "system" | "all";
}

/** The queries every region saves. */
export const SAVED_QUERIES: readonly SavedQuery[] = [
  {
    name: "errors by tier",
    groups: "application",
    queryString: "fields @timestamp, @logStream, @message\n| filter @message like /(?i)(error|exception|fatal)/\n| sort @timestamp desc\n| limit 200",
  },
  {
    name: "error count per instance (5 min)",
    groups: "application",
    queryString: "filter @message like /(?i)(error|exception)/\n| stats count(*) as errors by bin(5m), @logStream\n| sort errors desc",
  },
  {
    name: "slow requests (JSON logs with duration_ms)",
    groups: "application",
    queryString: "fields @timestamp, route, status, duration_ms, trace_id\n| filter duration_ms > 500\n| sort duration_ms desc\n| limit 100",
  },
  {
    name: "a trace's log lines (set the trace ID)",
    groups: "all",
    queryString:
      'fields @timestamp, @log, @message\n| filter trace_id = "REPLACE_WITH_TRACE_ID" or @message like "REPLACE_WITH_TRACE_ID"\n| sort @timestamp asc',
  },
  {
    name: "boot and agent failures",
    groups: "system",
    queryString: "fields @timestamp, @logStream, @message\n| filter @message like /(?i)(error|failed|denied)/\n| sort @timestamp desc\n| limit 200",
  },
];

/** Why a query would be refused. */
export function queryProblems(query: SavedQuery): string[] {
  return query.queryString.length > MAX_QUERY_STRING_LENGTH
    ? [`query ${query.name} is ${query.queryString.length} characters; at most ${MAX_QUERY_STRING_LENGTH}`]
    : [];
}
