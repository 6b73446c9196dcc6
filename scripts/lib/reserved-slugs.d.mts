/** Types for reserved-slugs.mjs (imported by the seed generator and the test suite). */
export declare const RESERVED_SLUGS_SOURCE: string;
export declare const RESERVED_SLUGS: readonly string[];
export declare function isReservedSlug(slug: string): boolean;
