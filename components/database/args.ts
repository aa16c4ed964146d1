/**
 * The arguments of the RegionalDatabase component, in a module of their own: the component
 * (`index.ts`) and the member builders it calls (`member.ts`, `auroraCluster.ts`, `rdsInstance.ts`)
 * all read them, and no builder imports the component's module back.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { DatabaseRole, DatabaseSettings } from "./lib/databaseRules";

/** Arguments of the RegionalDatabase component. */
export interface RegionalDatabaseArgs {
  /** Region every regional child is created in. */
  readonly region: string;
  /** `primary`: the writer's region; `secondary`: a replica region (aurora-global and rds-replicas only). */
  readonly role: DatabaseRole;
  /**
   * aurora-global: the region of the live writer (`blueprint:writerRegion`), which moves with a
   * switchover while `role` stays where the global resources were created. The settings that
   * depend on who writes follow it: the instance count, write forwarding, the replication-lag
   * alarm and its source region, the readers' scaling floor.
   * @default - the primary's region (this region when `role` is `primary`, else `sourceRegion`)
   */
  readonly writerRegion?: string;
  /** The stack's database settings, defaults applied (the same in every region). */
  readonly settings: DatabaseSettings;
  /** `<project>-<stack>`: prefix of every physical name (lowercase letters, digits, hyphens; a letter first). */
  readonly namePrefix: string;
  /** The region's DB subnet group (isolated subnets of at least two AZs). */
  readonly subnetGroupName: pulumi.Input<string>;
  /** The data tier's security group. */
  readonly securityGroupId: pulumi.Input<string>;
  /**
   * The region's customer managed KMS key: storage and Performance Insights encryption. Required,
   * because a cross-region secondary or replica of an encrypted source must name a key of its own
   * region.
   */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** The region's AZs; Aurora instances are placed round-robin over them. */
  readonly availabilityZones: readonly string[];
  /**
   * The master password, primary only; it is made a Pulumi secret. Generate it with
   * `random.RandomPassword` and `masterPasswordRules(engine, service)`.
   * @default - none (required on the primary, refused on a secondary)
   */
  readonly masterPassword?: pulumi.Input<string>;
  /**
   * aurora-global: the global cluster's identifier, which every region's cluster joins.
   * @default - none (required in aurora-global mode)
   */
  readonly globalClusterIdentifier?: pulumi.Input<string>;
  /**
   * aurora-global secondaries: the primary region. RDS needs it to presign the request that joins
   * an encrypted cluster to the global database ("Source cluster … is encrypted; pre-signed URL has
   * to be specified").
   * @default - none (required on an aurora-global secondary)
   */
  readonly sourceRegion?: string;
  /**
   * rds-replicas secondaries: the primary instance's ARN (a cross-region replica needs the ARN).
   * @default - none (required on an rds-replicas secondary)
   */
  readonly sourceDbInstanceArn?: pulumi.Input<string>;
  /**
   * What a secondary waits for before it is created: the primary's writer (`RegionalDatabase.writer`).
   * @default []
   */
  readonly replicationSourceReady?: readonly pulumi.Resource[];
  /** SNS topic of the region's alarms (alarm and OK notifications). */
  readonly alarmTopicArn: pulumi.Input<string>;
  /**
   * Pulumi `protect` on what holds the data: the Aurora cluster or the RDS instance (Aurora instances
   * hold none, and a switchover changes how many each region has).
   * @default false
   */
  readonly protect?: boolean;
  /** Tags of every taggable child; `Region` is expected among them (and left off the IAM role). */
  readonly tags: Readonly<Record<string, string>>;
}
