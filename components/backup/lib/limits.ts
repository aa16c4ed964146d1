/**
 * AWS Backup's limits the settings are checked against offline, each a deploy-time failure otherwise.
 *
 * @see https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-backup-backupvault-lockconfigurationtype.html
 */

/** Vault Lock's cooling-off period: AWS requires ChangeableForDays of 3 or more (72 hours). */
export const MIN_CHANGEABLE_FOR_DAYS = 3;
/** Retention days a recovery point, a copy or a vault lock bound may have. */
export const RETENTION_DAYS = { min: 1, max: 36_500 } as const;
/** A backup rule's schedule: a six-field `cron(...)` expression, as AWS Backup takes it. */
export const SCHEDULE_PATTERN = /^cron\((\S+ ){5}\S+\)$/;
/** Minutes a job may wait to start (AWS Backup's minimum start window is one hour). */
export const START_WINDOW_MINUTES = 60;
/** Minutes a job may run once started. */
export const COMPLETION_WINDOW_MINUTES = 480;
