import * as assert from "node:assert/strict";
import { backupSettingsProblems } from "../../../../components/backup/lib/backupRules";
import type { BackupSettings } from "../../../../components/backup/settings";

const PROD: BackupSettings = {
  enabled: true,
  schedule: "cron(0 5 ? * * *)",
  retentionDays: 35,
  copyRetentionDays: 35,
  vaultLock: true,
  vaultLockMinRetentionDays: 30,
  vaultLockMaxRetentionDays: 365,
  vaultLockChangeableForDays: 3,
};

describe("backup settings rules", () => {
  it("accepts prod's defaults, and checks nothing when backups are off", () => {
    assert.deepEqual(backupSettingsProblems(PROD, 3), []);
    assert.deepEqual(backupSettingsProblems({ ...PROD, enabled: false, schedule: "daily" }, 1), []);
  });

  it("turns AWS Backup's deploy-time failures into problems at their keys, all at once", () => {
    assert.deepEqual(backupSettingsProblems({ ...PROD, schedule: "rate(1 day)", retentionDays: 7, copyRetentionDays: 400, copyToVaultArn: "vault-b" }, 1), [
      { field: "schedule", message: '"rate(1 day)" is not an AWS Backup schedule; write six cron fields, e.g. cron(0 5 ? * * *)' },
      { field: "copyToVaultArn", message: '"vault-b" is not a backup vault ARN (arn:aws:backup:<region>:<account>:backup-vault:<name>)' },
      {
        field: "retentionDays",
        message: "7 days is outside the vault lock's 30 to 365 days: AWS Backup fails every backup job into a locked vault outside them",
      },
      {
        field: "copyRetentionDays",
        message: "400 days is outside the vault lock's 30 to 365 days: AWS Backup fails every copy job into a locked vault outside them",
      },
    ]);
    assert.deepEqual(backupSettingsProblems({ ...PROD, vaultLockMinRetentionDays: 400, retentionDays: 400, copyRetentionDays: 400 }, 2), [
      { field: "vaultLockMinRetentionDays", message: "400 is above vaultLockMaxRetentionDays 365" },
      {
        field: "retentionDays",
        message: "400 days is outside the vault lock's 400 to 365 days: AWS Backup fails every backup job into a locked vault outside them",
      },
      {
        field: "copyRetentionDays",
        message: "400 days is outside the vault lock's 400 to 365 days: AWS Backup fails every copy job into a locked vault outside them",
      },
    ]);
  });

  it("refuses a copy in the same region: a one-region stack needs another account's vault", () => {
    assert.deepEqual(backupSettingsProblems(PROD, 1), [
      {
        field: "enabled",
        message:
          "needs a second region (each region's backups are copied to the next region's vault) or copyToVaultArn: a copy in the same region is not outside its failure domain",
      },
    ]);
    assert.deepEqual(backupSettingsProblems({ ...PROD, copyToVaultArn: "arn:aws:backup:us-east-1:210987654321:backup-vault:central" }, 1), []);
  });
});
