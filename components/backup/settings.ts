/**
 * The settings of `blueprint:backup`: AWS Backup outside the replication path. Type, allowed values,
 * default per environment and description, once.
 */
import { byEnvironment, derived, flag, integer, text, type GroupValue } from "../lib/settings";
import { MIN_CHANGEABLE_FOR_DAYS, RETENTION_DAYS } from "./lib/limits";

/** On wherever there is another region to copy to (a waived one-region stack names another account's vault instead). */
const MULTI_REGION = derived("true with more than one region (a copy needs another region)", ({ regions }) => regions.length > 1);

/** The keys of `blueprint:backup`. */
export const backupKeys = {
  enabled: flag({
    description:
      "Declare a backup vault (encrypted with the region's data key) and a daily backup plan in every region, selecting the databases and the static bucket, each copied to the next region's vault.",
    default: byEnvironment({ dev: false, staging: MULTI_REGION, prod: MULTI_REGION }),
  }),
  schedule: text({ description: "When the daily backup runs: an AWS Backup cron expression of six fields, in UTC.", default: "cron(0 5 ? * * *)" }),
  retentionDays: integer({
    description: "Days a recovery point is kept in its own region's vault.",
    range: RETENTION_DAYS,
    unit: "days",
    default: byEnvironment({ dev: 7, staging: 14, prod: 35 }),
  }),
  copyRetentionDays: integer({
    description: "Days the copy in the other region's (or account's) vault is kept.",
    range: RETENTION_DAYS,
    unit: "days",
    default: derived("retentionDays", ({ siblings }) => siblings.retentionDays as number),
  }),
  copyToVaultArn: text({
    description:
      "A backup vault in another account (arn:aws:backup:<region>:<account>:backup-vault:<name>) that also receives each copy; its access policy must allow this account's copies.",
    optional: true,
    absentMeans: "copies stay in this account",
  }),
  vaultLock: flag({
    description:
      "Vault Lock in compliance mode on every vault: nobody, the root user included, deletes a recovery point before its retention ends once the lock date passes.",
    default: byEnvironment({ dev: false, staging: false, prod: true }),
  }),
  vaultLockMinRetentionDays: integer({
    description: "Shortest retention a backup or copy job into a locked vault may ask for (a shorter job fails).",
    range: RETENTION_DAYS,
    unit: "days",
    default: byEnvironment({ dev: 1, staging: 7, prod: 30 }),
  }),
  vaultLockMaxRetentionDays: integer({
    description: "Longest retention a backup or copy job into a locked vault may ask for (a longer job fails).",
    range: RETENTION_DAYS,
    unit: "days",
    default: 365,
  }),
  vaultLockChangeableForDays: integer({
    description: `Days before the lock becomes immutable (AWS requires at least ${MIN_CHANGEABLE_FOR_DAYS}); until then it can be changed or removed.`,
    range: { min: MIN_CHANGEABLE_FOR_DAYS, max: RETENTION_DAYS.max },
    unit: "days",
    default: MIN_CHANGEABLE_FOR_DAYS,
  }),
};

/** The backup settings after defaults: exactly what the backup component takes. */
export type BackupSettings = GroupValue<typeof backupKeys>;
