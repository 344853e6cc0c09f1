// The architecture, checked by `npm test` (test/architecture.node.test.mjs runs `depcruise` with this file):
// packages reach each other only by name, and no package's source takes part in an import cycle.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle among the packages’ sources: split the shared part into a module both can import.',
      from: { path: '^packages/[^/]+/src/' },
      to: { circular: true },
    },
    {
      name: 'no-other-package-src',
      severity: 'error',
      comment: 'A package imports another by its name (`@fsd/feed`, `@fsd/shared`), never through the other’s files.',
      from: { path: '^packages/([^/]+)/' },
      to: { path: '^packages/([^/]+)/', pathNot: '^packages/$1/', dependencyTypes: ['local'] },
    },
    {
      name: 'no-undeclared-package',
      severity: 'error',
      comment: 'A package’s source imports only the packages its package.json declares.',
      from: { path: '^packages/[^/]+/src/' },
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'production', 'default'], extensions: ['.ts', '.js', '.mjs'] },
  },
};
