import { inSubtrees } from '../../regions/sql';

/** Region scope: the shared rule in src/regions/sql.ts. */
export const regionInSubtrees = inSubtrees;
