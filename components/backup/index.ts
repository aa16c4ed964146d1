/**
 * The stack's backups, outside the replication path (a bad migration or a DELETE reaches every
 * replica within a second, but not a recovery point): in every region a backup vault encrypted with
 * the region's data key (Vault Lock in compliance mode where the settings lock it); where the region
 * holds something to back up (the writer's database, the static bucket), a daily plan whose rule
 * copies each recovery point to the next region's vault (and another account's, when configured),
 * and a selection of those resources run by one backup role. In RDS mode the writer instance's
 * automated backups are also replicated to the next region.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { serviceTrustPolicy } from "../lib/iam";
import { copyRegions, MAX_RDS_BACKUP_RETENTION_DAYS } from "./lib/copyTargets";
import { COMPLETION_WINDOW_MINUTES, START_WINDOW_MINUTES } from "./lib/limits";
import type { BackupSettings } from "./settings";

export type { BackupSettings } from "./settings";

/** AWS Backup's managed policies for the role: back up and restore the supported services, and S3 (its own policies). */
export const BACKUP_MANAGED_POLICIES = [
  "service-role/AWSBackupServiceRolePolicyForBackup",
  "service-role/AWSBackupServiceRolePolicyForRestores",
  "AWSBackupServiceRolePolicyForS3Backup",
  "AWSBackupServiceRolePolicyForS3Restore",
] as const;

/** One region's part. */
export interface BackupRegion {
  readonly region: string;
  /** The region's data key (customer managed): encrypts the vault. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** ARNs of what the region backs up (database cluster or instance, buckets); none: only a vault receiving copies. */
  readonly resources: readonly pulumi.Input<string>[];
  /**
   * The database ARN of each shard after the first, in shard order: each gets a selection of its own,
   * because AWS Backup cannot update a selection (any change replaces it), so adding a shard must
   * only add one. @default []
   */
  readonly shardResources?: readonly pulumi.Input<string>[];
}

/** Arguments of the Backups component. */
export interface BackupsArgs {
  /** `<project>-<stack>`: vaults are `<namePrefix>-<region>`, plans `<namePrefix>-<region>-daily`. */
  readonly namePrefix: string;
  /** Every region, in stack-file order. */
  readonly regions: readonly BackupRegion[];
  readonly settings: BackupSettings;
  /** RDS mode: the writer instance whose automated backups are replicated to the next region. @default - none */
  readonly rdsWriter?: { readonly region: string; readonly instanceArn: pulumi.Input<string> };
  readonly tags?: Record<string, string>;
}

/** Vaults, plans, selections and the backup role. */
export class Backups extends pulumi.ComponentResource {
  /** Each region's vault ARN. */
  public readonly vaultArns: Readonly<Record<string, pulumi.Output<string>>>;

  constructor(name: string, args: BackupsArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:backup:Backups", name, {}, opts);
    const { settings } = args;
    const tags = { ...(args.tags ?? {}) };
    const opt = { parent: this };
    const targets = copyRegions(args.regions.map((region) => region.region));

    const vaults = new Map(
      args.regions.map((entry) => {
        const vault = new aws.backup.Vault(
          `${name}-${entry.region}`,
          {
            region: entry.region,
            name: `${args.namePrefix}-${entry.region}`,
            kmsKeyArn: entry.kmsKeyArn,
            forceDestroy: false,
            tags: { ...tags, Region: entry.region },
          },
          opt,
        );
        if (settings.vaultLock) {
          new aws.backup.VaultLockConfiguration(
            `${name}-${entry.region}`,
            {
              region: entry.region,
              backupVaultName: vault.name,
              minRetentionDays: settings.vaultLockMinRetentionDays,
              maxRetentionDays: settings.vaultLockMaxRetentionDays,
              changeableForDays: settings.vaultLockChangeableForDays,
            },
            opt,
          );
        }
        return [entry.region, vault] as const;
      }),
    );

    const backingUp = args.regions.filter((entry) => entry.resources.length > 0);
    if (backingUp.length > 0) {
      const role = new aws.iam.Role(
        `${name}-role`,
        {
          name: `${args.namePrefix}-backup`,
          description: `AWS Backup jobs of ${args.namePrefix}`,
          assumeRolePolicy: serviceTrustPolicy("backup.amazonaws.com"),
          tags,
        },
        opt,
      );
      for (const policy of BACKUP_MANAGED_POLICIES) {
        new aws.iam.RolePolicyAttachment(
          `${name}-${policy.split("/").pop()}`,
          { role: role.name, policyArn: pulumi.interpolate`arn:${aws.getPartitionOutput({}, opt).partition}:iam::aws:policy/${policy}` },
          opt,
        );
      }
      for (const entry of backingUp) {
        const target = targets[entry.region];
        const destinations = [
          ...(target !== undefined ? [vaults.get(target)!.arn] : []),
          ...(settings.copyToVaultArn !== undefined ? [pulumi.output(settings.copyToVaultArn)] : []),
        ];
        const plan = new aws.backup.Plan(
          `${name}-${entry.region}`,
          {
            region: entry.region,
            name: `${args.namePrefix}-${entry.region}-daily`,
            rules: [
              {
                ruleName: "daily",
                targetVaultName: vaults.get(entry.region)!.name,
                schedule: settings.schedule,
                startWindow: START_WINDOW_MINUTES,
                completionWindow: COMPLETION_WINDOW_MINUTES,
                lifecycle: { deleteAfter: settings.retentionDays },
                copyActions: destinations.map((destinationVaultArn) => ({ destinationVaultArn, lifecycle: { deleteAfter: settings.copyRetentionDays } })),
              },
            ],
            tags: { ...tags, Region: entry.region },
          },
          opt,
        );
        new aws.backup.Selection(
          `${name}-${entry.region}`,
          { region: entry.region, name: `${args.namePrefix}-${entry.region}`, planId: plan.id, iamRoleArn: role.arn, resources: [...entry.resources] },
          opt,
        );
        (entry.shardResources ?? []).forEach(
          (shardArn, index) =>
            new aws.backup.Selection(
              `${name}-${entry.region}-s${index + 1}`,
              { region: entry.region, name: `${args.namePrefix}-${entry.region}-s${index + 1}`, planId: plan.id, iamRoleArn: role.arn, resources: [shardArn] },
              opt,
            ),
        );
      }
    }

    const writer = args.rdsWriter;
    const replicaRegion = writer ? targets[writer.region] : undefined;
    if (writer && replicaRegion !== undefined) {
      new aws.rds.InstanceAutomatedBackupsReplication(
        `${name}-rds-${replicaRegion}`,
        {
          region: replicaRegion,
          sourceDbInstanceArn: writer.instanceArn,
          kmsKeyId: args.regions.find((entry) => entry.region === replicaRegion)!.kmsKeyArn,
          retentionPeriod: Math.min(settings.retentionDays, MAX_RDS_BACKUP_RETENTION_DAYS),
        },
        opt,
      );
    }

    this.vaultArns = Object.fromEntries([...vaults.entries()].map(([region, vault]) => [region, vault.arn]));
    this.registerOutputs({ vaultArns: this.vaultArns });
  }
}
