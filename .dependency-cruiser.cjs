/**
 * The structure `pnpm lint` enforces. No cycles between the top-level folders of each package
 * (server, mini-program and its features, console, vendor packages) is checked by the reporter (scripts/depcruise-reporter.mjs): a `scope: 'folder'` rule sees each
 * sub-folder on its own, so it misses orders/ → payments/entities/ with payments/ → orders/.
 *
 * apps/server/src, bottom to top:
 * - core: know no errand and no service module. config/ database/ lifecycle/ observability/
 *   common/ logging/ callbacks/ (the vendor-callback inbox; services register their routes).
 * - shared service modules: what every errand builds on. users/ auth/ account/ files/ throttling/
 *   sandbox/ vendors/ health/ orders/ payments/ notifications/.
 * - errand service modules: one per errand, plus the merchant console. id-photo/ identity/
 *   inspection/ invoices/ vehicles/ content-safety/ merchant/. They never import each other.
 * - composition root: the files directly in src/ (app.module.ts, service-modules.ts, entities.ts,
 *   main.ts, app.factory.ts), and cli/; they may import anything, nothing but cli/ imports them.
 */
const SERVER = '^apps/server/src/';
const CORE = ['config', 'database', 'lifecycle', 'observability', 'common', 'logging', 'callbacks'];
const ERRANDS = ['id-photo', 'identity', 'inspection', 'invoices', 'vehicles', 'content-safety', 'merchant'];
const folders = (names) => `${SERVER}(${names.join('|')})/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No file cycles, type-only imports included (tsPreCompilationDeps).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-imports-no-service',
      comment: 'The core (database/, config/, common/, …) depends on no service module.',
      severity: 'error',
      from: { path: folders(CORE) },
      to: { path: SERVER, pathNot: [folders(CORE)] },
    },
    {
      name: 'errands-import-no-errand',
      comment: 'An errand module shares only orders/, payments/, auth/ … with the others, never their code.',
      severity: 'error',
      from: { path: folders(ERRANDS) },
      to: { path: folders(ERRANDS), pathNot: `${SERVER}$1/` },
    },
    {
      name: 'features-import-no-feature',
      comment: "A mini-program feature shares only shared/ with the others, never another feature's code.",
      severity: 'error',
      from: { path: '^apps/miniapp/src/features/([^/]+)/' },
      to: { path: '^apps/miniapp/src/features/[^/]+/', pathNot: '^apps/miniapp/src/features/$1/' },
    },
    {
      name: 'clients-know-no-simulator',
      comment: 'The protocols stand alone; the simulators are built on them, never the other way round.',
      severity: 'error',
      from: { path: '^packages/vendor-clients/' },
      to: { path: '^packages/vendor-simulators/' },
    },
    {
      name: 'only-cli-imports-the-root',
      comment: 'The composition root (files directly in src/) imports the modules, not the other way round.',
      severity: 'error',
      from: { path: SERVER, pathNot: [`${SERVER}cli/`, `${SERVER}[^/]+\\.ts$`] },
      to: { path: `${SERVER}[^/]+\\.ts$` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.(e2e-)?spec\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['banshi-source', 'import', 'types', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.d.ts'],
    },
  },
};
