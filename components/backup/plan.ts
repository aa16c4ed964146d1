/**
 * Plan facts of the backup component: vaults (stateful: their recovery points), vault locks, plans,
 * selections and RDS automated backups replication.
 */
import { always, type ComponentPlanFacts, type EdgeContext } from "../lib/plan/facts";
import { objectList } from "../lib/plan/planGraph";
import { automatedBackupsReplication, backupPlan, backupSelection, backupVault, vaultLockConfiguration } from "./lib/mocks";
import { free, traffic, type CostRule } from "../lib/plan/cost";

/** A backup vault. */
export const BACKUP_VAULT = "aws:backup/vault:Vault";
/** A backup plan. */
export const BACKUP_PLAN = "aws:backup/plan:Plan";
/** A backup selection. */
export const BACKUP_SELECTION = "aws:backup/selection:Selection";
/** A vault lock. */
export const BACKUP_VAULT_LOCK = "aws:backup/vaultLockConfiguration:VaultLockConfiguration";
/** RDS automated backups replicated to another region. */
export const RDS_BACKUPS_REPLICATION = "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication";

/** A dotted `copy` arrow from each plan's vault to every vault its rules copy to (the ARN names the vault). */
function copyEdges(context: EdgeContext): void {
  const vaults = context.graph.ofTypes([BACKUP_VAULT]);
  for (const plan of context.graph.ofTypes([BACKUP_PLAN])) {
    const source = vaults.find((vault) => vault.region === plan.region);
    for (const rule of objectList(plan.inputs.rules)) {
      for (const action of objectList(rule.copyActions)) {
        const target = vaults.find((vault) => vault.outputs.arn === action.destinationVaultArn);
        if (source && target) context.connect(context.nodeOf(source.urn), context.nodeOf(target.urn), "replication", "copy");
      }
    }
  }
}

/** The backup component's facts. */
/** How backups are billed: by storage and copies, as assumptions. */
const BACKUP_COSTS: Readonly<Record<string, CostRule>> = {
  "aws:backup/vault:Vault": traffic(
    "backup storage per GB-month (e.g. $0.05 warm for EBS/S3; Aurora snapshots at the RDS snapshot rate) and cross-region copy transfer",
  ),
  "aws:backup/plan:Plan": free("configuration"),
  "aws:backup/selection:Selection": free("configuration"),
  "aws:backup/vaultLockConfiguration:VaultLockConfiguration": free("configuration"),
  "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication": traffic("replicated backup storage and cross-region transfer"),
};

export const backupPlanFacts: ComponentPlanFacts = {
  component: "backup",
  costs: BACKUP_COSTS,
  types: [
    {
      type: BACKUP_VAULT,
      mock: backupVault,
      creation: { seconds: 5, basis: "experience: seconds (API-only)" },
      kind: "backup",
      // the provider's backup_vault: name and kms_key_arn are ForceNew; a vault with recovery points cannot even be deleted
      stateful: {
        label: "backup vault",
        loses: "every recovery point in it (AWS refuses to delete a vault that still holds some; a locked one keeps them to the end of their retention)",
        replacedBy: always("region", "name", "kmsKeyArn"),
      },
    },
    { type: BACKUP_VAULT_LOCK, mock: vaultLockConfiguration, creation: { seconds: 5, basis: "experience: seconds (API-only)" } },
    { type: BACKUP_PLAN, mock: backupPlan, creation: { seconds: 5, basis: "experience: seconds (API-only; the first job runs at the schedule)" } },
    { type: BACKUP_SELECTION, mock: backupSelection, creation: { seconds: 5, basis: "experience: seconds (API-only)" } },
    {
      type: RDS_BACKUPS_REPLICATION,
      mock: automatedBackupsReplication,
      creation: { seconds: 120, basis: "experience: replication starts within minutes; provider create timeout 75 min (it waits for Replicating)" },
    },
  ],
  edges: { replication: copyEdges },
};
