/**
 * Mocked state of the backup component's types: only what AWS returns.
 */
import { named, textInput, type Builder } from "../../lib/plan/mock";
import { arn, hashHex, uuid } from "../../lib/plan/mockIds";

/** A backup vault: its name is its ID; a new vault holds no recovery point. */
export const backupVault: Builder = (input, region) => {
  const name = named(input);
  return { id: name, outputs: { name, arn: arn("backup", region, `backup-vault:${name}`), recoveryPoints: 0 } };
};

/** A vault lock: keyed by its vault's name, with the vault's ARN. */
export const vaultLockConfiguration: Builder = (input, region) => {
  const vault = textInput(input, "backupVaultName") ?? input.name;
  return { id: vault, outputs: { backupVaultArn: arn("backup", region, `backup-vault:${vault}`) } };
};

/** A backup plan: a UUID, its ARN and the version AWS assigns each revision. */
export const backupPlan: Builder = (input, region) => {
  const id = uuid(input.urn);
  return { id, outputs: { arn: arn("backup", region, `backup-plan:${id}`), version: hashHex(32, "version", input.urn) } };
};

/** A backup selection: AWS's selection ID (a UUID). */
export const backupSelection: Builder = (input) => ({ id: uuid(`selection:${input.urn}`), outputs: {} });

/** An automated backups replication: its ID is the replicated backup's ARN in the destination region. */
export const automatedBackupsReplication: Builder = (input, region) => ({
  id: arn("rds", region, `auto-backup:ab-${hashHex(26, input.urn)}`),
  outputs: {},
});
