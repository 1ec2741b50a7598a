/**
 * Settings keys of saved mappings start with this (backups carry them: see backup-settings.ts).
 * On its own so that a backup's reader can name them without loading the app's connection (the
 * export worker does not).
 */
export const MAPPING_PREFIX = 'importMapping:';
