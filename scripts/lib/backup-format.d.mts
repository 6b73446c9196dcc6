/** Types for backup-format.mjs (imported by test/e2e/backup-restore.e2e.test.ts). */
export declare const MAX_STATEMENT_BYTES: number;
export declare function encodeValue(value: unknown, where: string): unknown;
export declare function decodeValue(value: unknown): null | number | string | Uint8Array;
export declare function insertStatements(table: string, columns: string[], rows: Record<string, unknown>[]): { statements: string[]; oversized: number };
export declare function dependencyOrder(tables: string[], referencesOf: (table: string) => string[]): string[];
export declare function checkMigrationPrefix(backup: string[], code?: string[]): string[];
