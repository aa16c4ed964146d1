/**
 * What RegionalDatabase hands its two builders (an Aurora cluster or an RDS instance) and what
 * each gives back.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { RegionalDatabaseArgs } from "./args";
import type { DatabaseRole, DatabaseSettings } from "./lib/databaseRules";
import type { RdsEngineName } from "./lib/engines";
import type { RegionalDatabaseNames } from "./lib/naming";
import type { DatabaseParameters } from "./lib/parameters";

/** The inputs of one region's database member, validated: the component's, plus what it derives. */
export interface MemberArgs extends Pick<
  RegionalDatabaseArgs,
  | "region"
  | "role"
  | "settings"
  | "subnetGroupName"
  | "securityGroupId"
  | "kmsKeyArn"
  | "availabilityZones"
  | "globalClusterIdentifier"
  | "sourceDbInstanceArn"
  | "sourceRegion"
  | "tags"
> {
  /** The part the member plays now (`liveRole`): the write forwarding and the writer-first creation order follow it. */
  readonly liveRole: DatabaseRole;
  readonly engine: RdsEngineName;
  /** Parameter group family, e.g. `aurora-postgresql16`. */
  readonly family: string;
  readonly names: RegionalDatabaseNames;
  readonly parameters: DatabaseParameters;
  /** A secret; primary only. */
  readonly masterPassword?: pulumi.Output<string>;
  readonly replicationSourceReady: readonly pulumi.Resource[];
  /** Set when enhanced monitoring is on. */
  readonly monitoringRole?: { readonly arn: pulumi.Input<string>; readonly ready: pulumi.Resource };
  readonly protect: boolean;
}

/** What a region's database member exposes. */
export interface DatabaseMember {
  /** Cluster or instance ARN. */
  readonly arn: pulumi.Output<string>;
  /** Cluster or instance identifier. */
  readonly identifier: pulumi.Output<string>;
  /** `cluster-…` or `db-…`: the resource ID of `rds-db:connect` permissions. */
  readonly resourceId: pulumi.Output<string>;
  readonly writerEndpoint: pulumi.Output<string>;
  readonly readerEndpoint: pulumi.Output<string>;
  /** What a secondary must wait for. */
  readonly writer: pulumi.Resource;
  /** Identifiers of the DB instances, in order (CPU alarms). */
  readonly instanceIdentifiers: readonly pulumi.Output<string>[];
  /** Aurora only: the cluster identifier (replication lag alarm). */
  readonly clusterIdentifier?: pulumi.Output<string>;
}

/** Performance Insights inputs: on with the region's key, or off. */
export function performanceInsightsInputs(settings: DatabaseSettings, kmsKeyArn: pulumi.Input<string>) {
  const days = settings.performanceInsightsRetentionDays;
  return days > 0
    ? { performanceInsightsEnabled: true, performanceInsightsKmsKeyId: kmsKeyArn, performanceInsightsRetentionPeriod: days }
    : { performanceInsightsEnabled: false };
}

/** The server certificate's authority, when the stack pins one (else RDS's default applies). */
export function certificateAuthorityInputs(settings: DatabaseSettings) {
  return settings.caCertificateIdentifier !== undefined ? { caCertIdentifier: settings.caCertificateIdentifier } : {};
}

/** Enhanced monitoring inputs: the interval, and the role when it is on. */
export function monitoringInputs(settings: DatabaseSettings, role: MemberArgs["monitoringRole"]) {
  return role === undefined ? { monitoringInterval: 0 } : { monitoringInterval: settings.monitoringIntervalSeconds, monitoringRoleArn: role.arn };
}
