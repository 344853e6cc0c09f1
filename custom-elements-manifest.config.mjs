// The custom elements manifest of @frenchsouth-digital/widgets (`npm run manifest`, after `npm run build:lib`), and
// what is generated from it for editors and frameworks, all in packages/widgets/dist/:
//   custom-elements.json    the manifest, as a consumer of the package reads it (build/manifest.js: module paths of
//                           the package's lib/, defaults as values, event types, the global tokens)
//   vscode.html-custom-data.json   VS Code's HTML custom data (settings: "html.customData")
//   web-types.json          JetBrains IDEs' web-types (found through package.json "web-types")
//   react-jsx.d.ts          JSX types for React 19 (each element's attributes and properties, its onfsd-… events)
//   vue.d.ts                Vue 3 GlobalComponents types
// The editors' files come from the cem-tools integrations (break-stuff/cem-tools, which also serve Shoelace and Web
// Awesome); the framework types from build/manifest.js, since cem-tools' JSX and Vue generators type inherited
// attributes as `Element["undefined"]`, repeat a key, offer read-only properties and wrap our CustomEvent types in
// another CustomEvent.
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { frameworkTypesPlugin, packageManifestPlugin, webTypesPackagePlugin } from './build/manifest.js';

const outdir = 'packages/widgets/dist';
// The element classes and their event types, from the package's all-in-one entry's declarations (relative to outdir).
const globalTypePath = '../lib/fsd-widgets.js';

export default {
  globs: ['packages/widgets/src/**/*.component.ts'],
  outdir,
  litelement: true,
  plugins: [
    packageManifestPlugin(),
    customElementVsCodePlugin({ outdir, htmlFileName: 'vscode.html-custom-data.json', cssFileName: 'vscode.css-custom-data.json', hideLogs: true }),
    customElementJetBrainsPlugin({ outdir, webTypesFileName: 'web-types.json', packageJson: false, hideLogs: true }),
    webTypesPackagePlugin({ file: `${outdir}/web-types.json`, packageJson: 'packages/widgets/package.json' }),
    frameworkTypesPlugin({ outdir, typesFrom: globalTypePath }),
  ],
};
