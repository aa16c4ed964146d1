/**
 * The rules the backup settings must satisfy, each a deploy-time failure of AWS Backup otherwise.
 */
import { RETENTION_DAYS, SCHEDULE_PATTERN } from "./limits";
import type { BackupSettings } from "../settings";

/** A problem at a key of `blueprint:backup`. */
export interface BackupProblem {
  readonly field: string;
  readonly message: string;
}

const BACKUP_VAULT_ARN = /^arn:aws[a-z-]*:backup:[a-z0-9-]+:\d{12}:backup-vault:[A-Za-z0-9_.-]{2,50}$/;

/** Every problem of the settings of a stack with `regionCount` regions. */
export function backupSettingsProblems(settings: BackupSettings, regionCount: number): BackupProblem[] {
  if (!settings.enabled) return [];
  const problems: BackupProblem[] = [];
  if (!SCHEDULE_PATTERN.test(settings.schedule))
    problems.push({ field: "schedule", message: `"${settings.schedule}" is not an AWS Backup schedule; write six cron fields, e.g. cron(0 5 ? * * *)` });
  if (regionCount < 2 && settings.copyToVaultArn === undefined)
    problems.push({
      field: "enabled",
      message:
        "needs a second region (each region's backups are copied to the next region's vault) or copyToVaultArn: a copy in the same region is not outside its failure domain",
    });
  if (settings.copyToVaultArn !== undefined && !BACKUP_VAULT_ARN.test(settings.copyToVaultArn))
    problems.push({
      field: "copyToVaultArn",
      message: `"${settings.copyToVaultArn}" is not a backup vault ARN (arn:aws:backup:<region>:<account>:backup-vault:<name>)`,
    });
  if (settings.vaultLock) {
    const { vaultLockMinRetentionDays: min, vaultLockMaxRetentionDays: max } = settings;
    if (min > max) problems.push({ field: "vaultLockMinRetentionDays", message: `${min} is above vaultLockMaxRetentionDays ${max}` });
    for (const field of ["retentionDays", "copyRetentionDays"] as const) {
      const days = settings[field];
      if (days < min || days > max)
        problems.push({
          field,
          message: `${days} days is outside the vault lock's ${min} to ${max} days: AWS Backup fails every ${field === "retentionDays" ? "backup" : "copy"} job into a locked vault outside them`,
        });
    }
  }
  if (settings.copyRetentionDays > RETENTION_DAYS.max) problems.push({ field: "copyRetentionDays", message: `must be at most ${RETENTION_DAYS.max}` });
  return problems;
}
