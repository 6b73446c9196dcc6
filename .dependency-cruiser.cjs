// Import rules of src/ (docs/CONTRIBUTING.md, "Layers"). Run by `npm test` (scripts/test.mjs) and `npm run lint:deps`.
// Dependencies point down:
//   entry (index.ts, app.tsx, features.ts, jobs/, api/index.ts)
//     → features/<area>/ (only through the registry, src/features.ts)
//     → the feature contract (features/descriptor.ts, deadlines.ts, map-layers.ts)
//     → kits (admin/, auth/, audit/, cache/, api/, middleware/, views/, publishing/, media/)
//     → regions/
//     → db/, lib/
// env.ts is the one type hub (bindings and request variables): everyone may import its types, never its values.

const KITS = '^src/(admin|auth|audit|cache|api|middleware|views|publishing|media)/';
const ENTRY = '^src/(index\\.ts|app\\.tsx|features\\.ts|jobs/)';
const FEATURE_FOLDER = '^src/features/[^/]+/';
const CONTRACT = '^src/features/[^/]+\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles, not even through types: a cycle means two modules should be one, or share a lower one.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-feature-to-feature',
      comment: 'A feature imports only its own files and shared layers. What two features share moves down a layer.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: FEATURE_FOLDER, pathNot: '^src/features/$1/' },
    },
    {
      name: 'features-only-through-the-registry',
      comment: 'Only src/features.ts imports feature folders (their index.ts); everything else reads the registry.',
      severity: 'error',
      from: { pathNot: ['^src/features\\.ts$', FEATURE_FOLDER] },
      to: { path: FEATURE_FOLDER },
    },
    {
      name: 'registry-imports-only-descriptors',
      comment: 'The registry lists each feature by its index.ts descriptor, never by its internals.',
      severity: 'error',
      from: { path: '^src/features\\.ts$' },
      to: { path: FEATURE_FOLDER, pathNot: '^src/features/[^/]+/index\\.tsx?$' },
    },
    {
      name: 'features-never-import-entry',
      comment: 'Features receive the registry as an argument (RouteFactory, ScheduledJob); they never import the app.',
      severity: 'error',
      from: { path: '^src/features/' },
      to: { path: [ENTRY, '^src/api/index\\.ts$'] },
    },
    {
      name: 'contract-below-features',
      comment: 'The feature contract (descriptor, deadline sources, map layers) sits below the features and above the kits.',
      severity: 'error',
      from: { path: CONTRACT },
      to: { path: [FEATURE_FOLDER, ENTRY] },
    },
    {
      name: 'kits-below-features',
      comment: 'Shared kits never import features, the registry, the contract or the entry (api/index.ts iterates the registry).',
      severity: 'error',
      from: { path: KITS, pathNot: '^src/api/index\\.ts$' },
      to: { path: ['^src/features', ENTRY] },
    },
    {
      name: 'api-index-reads-only-the-contract',
      comment: 'The /api/v1 mount iterates the registry it is given; it imports no feature.',
      severity: 'error',
      from: { path: '^src/api/index\\.ts$' },
      to: { path: ['^src/features/[^/]+/', ENTRY] },
    },
    {
      name: 'regions-below-kits',
      comment: 'regions/ (tenancy core: tree, URLs, scope SQL, access policy) imports only db/ and lib/.',
      severity: 'error',
      from: { path: '^src/regions/' },
      to: { path: '^src/', pathNot: ['^src/(regions|db|lib)/', '^src/config\\.ts$'] },
    },
    {
      name: 'base-imports-base',
      comment: 'db/ and lib/ are the bottom: they import each other and packages only (env.ts types excepted).',
      severity: 'error',
      from: { path: '^src/(db|lib)/' },
      to: { path: '^src/', pathNot: ['^src/(db|lib)/', '^src/env\\.ts$', '^src/config\\.ts$'] },
    },
    {
      name: 'env-is-types-only',
      comment: 'env.ts describes bindings and request variables; import its types only.',
      severity: 'error',
      from: {},
      to: { path: '^src/env\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'env-imports-types-only',
      comment: 'env.ts may name types from any layer, but never pull in code.',
      severity: 'error',
      from: { path: '^src/env\\.ts$' },
      to: { dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-test',
      comment: 'Application code never imports test code.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
