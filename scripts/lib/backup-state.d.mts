/** Types for backup-state.mjs (imported by test/e2e/backup-restore.e2e.test.ts). */
export interface LocalState {
  db: { prepare(sql: string): { first<T = Record<string, unknown>>(): Promise<T | null> } };
  bucket: { get(key: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer> } | null> };
  dispose(): Promise<void>;
}
export declare function openLocalState(persistTo: string): Promise<LocalState>;
export declare function tableCounts(db: LocalState['db']): Promise<Record<string, number>>;
export declare function sha256(bytes: Uint8Array): string;
