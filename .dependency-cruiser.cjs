// The architecture, checked by `npm test` (test/architecture.node.test.mjs runs `depcruise` with this file):
// packages reach each other only by name, no package's source takes part in an import cycle, and the widgets never
// reach the full Public Suffix List (about 50 KB gzipped: publishing and the extension check it, the widgets a short list).
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
      comment: 'A package imports another by its name (`@frenchsouth-digital/feed`, `@frenchsouth-digital/shared`), never through the other’s files.',
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
    {
      name: 'no-full-suffix-list-in-widgets',
      severity: 'error',
      comment: 'The widget bundles check the short list of @frenchsouth-digital/feed (public-suffix.ts); the full list (@frenchsouth-digital/feed/public-suffix-list, tldts) is for fsd-publish and the extension.',
      from: { path: '^packages/widgets/src/' },
      to: { path: ['^packages/feed/src/public-suffix-list\\.ts$', '(^|/)node_modules/tldts(-core)?/'], reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['fsd-source', 'import', 'production', 'default'], extensions: ['.ts', '.js', '.mjs'] },
  },
};
