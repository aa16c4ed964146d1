/**
 * Where each region's backups are copied: the next region of the stack (in stack-file order, the
 * last to the first), never the region itself, so every copy is outside its source's failure domain.
 */

/** The region each region copies to; none in a one-region stack. */
export function copyRegions(regions: readonly string[]): Record<string, string | undefined> {
  return Object.fromEntries(regions.map((region, index) => [region, regions.length > 1 ? regions[(index + 1) % regions.length] : undefined]));
}

/** The longest retention RDS keeps automated backups (and their replicated copies): 35 days. */
export const MAX_RDS_BACKUP_RETENTION_DAYS = 35;
