// The custom elements manifest as the published package's consumers read it (custom-elements-manifest.config.mjs).
// The analyzer describes the TypeScript sources; this plugin, in its last phase, makes the manifest true of the
// package that ships:
//   - module paths are those of the package's compiled files (`lib/member-badge/member-badge.component.js`), and each
//     entry (`lib/fsd-member-badge.js`…) is a module that defines its element (`custom-element-definition`);
//   - a default written as a constant's name (`DEFAULT_MEMBER_FEED_URL`) becomes that constant's value, read from
//     the compiled package; the build fails on a default it cannot resolve;
//   - only the public members are listed (no `#private` field, no internal `_state`);
//   - every element lists the global tokens (`--fsd-color-accent`…, from tokens.styles.ts) among its CSS custom
//     properties, with their light and dark values.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const SOURCE = 'packages/widgets/src/';
/** The package's entries and the element each defines. */
const ENTRIES = { 'fsd-member-badge': ['fsd-member-badge'], 'fsd-member-directory': ['fsd-member-directory'], 'fsd-event-calendar': ['fsd-event-calendar'], 'fsd-widgets': ['fsd-member-badge', 'fsd-member-directory', 'fsd-event-calendar'] };
/** What each global token colours or sets (its values come from tokens.styles.ts). */
const TOKENS = {
  '--fsd-color-accent': 'Accent: links, buttons, the check mark, focus of every widget',
  '--fsd-color-sun': 'The sun of the cluster’s mark',
  '--fsd-color-surface': 'Background of every widget',
  '--fsd-color-text': 'Text of every widget',
  '--fsd-color-muted': 'Secondary text',
  '--fsd-color-border': 'Borders',
  '--fsd-color-focus': 'Focus outline',
  '--fsd-color-danger': 'Errors and cancelled events',
  '--fsd-font-family': 'Font of every widget',
  '--fsd-font-size': 'Base font size of every widget',
  '--fsd-radius': 'Corner radius of every widget',
};

const libPath = (path) => (path?.startsWith(SOURCE) ? `lib/${path.slice(SOURCE.length).replace(/\.ts$/, '.js')}` : path);

/** The global tokens' light (`:host`) and dark values, read from the tokens' stylesheet. */
function globalTokens() {
  const css = readFileSync('packages/shared/src/tokens.styles.ts', 'utf8');
  const values = (block) => Object.fromEntries([...block.matchAll(/var\((--fsd-[\w-]+), ([^;]+)\);/g)].map((m) => [m[1], m[2]]));
  const dark = values(css.slice(css.indexOf('const dark'), css.indexOf('export const tokens')));
  const light = values(css.slice(css.indexOf('export const tokens')));
  return Object.entries(TOKENS).map(([name, what]) => {
    if (!light[name]) throw new Error(`build/manifest.js: ${name} is not in tokens.styles.ts`);
    const description = `Global token, shared by every widget: ${what}.${dark[name] ? ` Dark theme: \`${dark[name]}\`.` : ''}`;
    return { name, description, default: light[name] };
  });
}

/**
 * The literal values of the constants the packages' sources declare (`const DEFAULT_PAGE_SIZE = 24;`): what a
 * default written as a constant's name stands for. (The analyzer's phases are synchronous: the sources are read, not
 * imported.)
 */
function declaredConstants() {
  const constants = {};
  for (const dir of ['packages/feed/src', 'packages/shared/src', 'packages/widgets/src']) {
    for (const file of readdirSync(dir, { recursive: true })) {
      if (!String(file).endsWith('.ts')) continue;
      const code = readFileSync(join(dir, String(file)), 'utf8');
      for (const [, name, literal] of code.matchAll(/^(?:export )?const ([A-Z][A-Z0-9_]*)(?:: [\w<>]+)? = ('[^'\n]*'|"[^"\n]*"|-?\d+(?:\.\d+)?|true|false);/gm)) {
        constants[name] = JSON.parse(literal.startsWith("'") ? `"${literal.slice(1, -1).replaceAll('"', '\\"')}"` : literal);
      }
    }
  }
  return constants;
}

/** What every widget inherits from FsdElement (@frenchsouth-digital/shared), which the analyzer does not read. */
const INHERITED = {
  theme: { type: { text: "'light' | 'dark' | 'auto'" }, default: '"light"' },
  lang: { type: { text: 'string' }, default: '""' },
};

/**
 * Completes an element's attributes documented by `@attr` only: those inherited (`theme`, `lang`) get their field,
 * type and default, and a field; the read-only `state` is tied to its getter. Each attribute is listed once.
 */
function describeElement(declaration) {
  // The published surface only: no private or internal members (`#sources`, Lit's `_state`), whose defaults are code.
  const members = (declaration.members = (declaration.members ?? []).filter((m) => (m.privacy ?? 'public') === 'public' && !/^[#_]/.test(m.name)));
  const byName = new Map();
  for (const attribute of (declaration.attributes ?? []).filter((a) => !/^[#_]/.test(a.fieldName ?? a.name))) {
    const seen = byName.get(attribute.name);
    byName.set(attribute.name, seen ? { ...attribute, ...seen, description: seen.description ?? attribute.description } : attribute);
  }
  for (const attribute of byName.values()) {
    const inherited = INHERITED[attribute.name];
    if (inherited) {
      Object.assign(attribute, { fieldName: attribute.name, ...inherited, inheritedFrom: { name: 'FsdElement', package: '@frenchsouth-digital/shared' } });
      if (!members.some((m) => m.name === attribute.name)) {
        members.push({ kind: 'field', name: attribute.name, privacy: 'public', ...inherited, description: attribute.description, attribute: attribute.name, inheritedFrom: attribute.inheritedFrom });
      }
    }
    const field = members.find((m) => m.kind === 'field' && m.name === attribute.name && m.readonly);
    if (field && !attribute.fieldName) Object.assign(attribute, { fieldName: field.name, type: field.type, readonly: true });
  }
  declaration.attributes = [...byName.values()];
  // A field whose default is a string and whose type the analyzer could not name (a constant's value) is a string.
  for (const item of [...members, ...declaration.attributes]) if (!item.type && /^"/.test(item.default ?? '')) item.type = { text: 'string' };
  for (const property of declaration.cssProperties ?? []) {
    const fallback = property.description?.match(/\(default: (?:`(--[\w-]+)`|([^)]+))/);
    if (fallback && !property.default) property.default = fallback[1] ? `var(${fallback[1]})` : fallback[2];
  }
}

/**
 * Type texts the analyzer left as the names of aliases (`BadgeVariant`, `CalendarView | ''`) spelled out as the
 * unions of literals they stand for (`'full' | 'compact'`), so that editors can offer the values; read with the
 * TypeScript checker from the module that uses them.
 */
function literalTypes(manifest) {
  const files = manifest.modules.map((m) => resolve(m.path)).filter((f) => f.endsWith('.ts'));
  const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, customConditions: ['fsd-source'], experimentalDecorators: true, noEmit: true, strict: true });
  const checker = program.getTypeChecker();
  const spelled = (type) => (type.isUnion() ? type.types : [type]).map((t) => (t.isStringLiteral() ? `'${t.value}'` : undefined));
  return (modulePath, text) => {
    const source = program.getSourceFile(resolve(modulePath));
    if (!source || !/^[\w\s|']+$/.test(text)) return text;
    const scope = new Map(checker.getSymbolsInScope(source, ts.SymbolFlags.Type | ts.SymbolFlags.Alias).map((symbol) => [symbol.name, symbol]));
    const parts = text.split('|').map((part) => part.trim()).flatMap((part) => {
      const found = scope.get(part);
      const symbol = found && found.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(found) : found;
      const alias = symbol?.declarations?.find(ts.isTypeAliasDeclaration);
      if (!alias) return [part];
      const literals = spelled(checker.getTypeFromTypeNode(alias.type));
      return literals.every(Boolean) ? literals : [part];
    });
    return [...new Set(parts)].join(' | ');
  };
}

export function packageManifestPlugin() {
  return {
    name: 'fsd-package-manifest',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const constants = declaredConstants();
      const tokens = globalTokens();
      const spell = literalTypes(manifest);
      for (const module of manifest.modules) {
        for (const declaration of module.declarations ?? []) {
          for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
            if (item.type?.text) item.type = { ...item.type, text: spell(module.path, item.type.text) };
          }
        }
        module.path = libPath(module.path);
        for (const declaration of module.declarations ?? []) {
          for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
            if (item.inheritedFrom?.module) item.inheritedFrom.module = libPath(item.inheritedFrom.module);
            if (typeof item.default !== 'string' || !/^[A-Z_][A-Z0-9_]*$/.test(item.default)) continue;
            const value = constants[item.default];
            if (value === undefined) throw new Error(`build/manifest.js: the default ${item.default} of ${declaration.name}.${item.name} is not a constant of the package`);
            item.default = JSON.stringify(value);
          }
          for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
            // A string default as a value (JSON), not as the source wrote it: `''` → `""`, `'query'` → `"query"`.
            if (typeof item.default === 'string' && /^'[^'"\\]*'$/.test(item.default)) item.default = JSON.stringify(item.default.slice(1, -1));
          }
          if (declaration.superclass?.module) declaration.superclass.module = libPath(declaration.superclass.module);
          if (declaration.customElement) describeElement(declaration);
          if (declaration.customElement) {
            declaration.cssProperties = [...(declaration.cssProperties ?? []).filter((p) => !TOKENS[p.name]), ...tokens];
          }
        }
        for (const item of module.exports ?? []) if (item.declaration?.module) item.declaration.module = libPath(item.declaration.module);
      }
      const modules = new Map(manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName, { name: d.name, module: m.path }])));
      for (const [entry, tags] of Object.entries(ENTRIES)) {
        manifest.modules.push({
          kind: 'javascript-module',
          path: `lib/${entry}.js`,
          declarations: [],
          exports: tags.flatMap((tag) => {
            const declaration = modules.get(tag);
            if (!declaration) throw new Error(`build/manifest.js: no declaration of <${tag}>`);
            return [
              { kind: 'js', name: declaration.name, declaration },
              { kind: 'custom-element-definition', name: tag, declaration },
            ];
          }),
        });
      }
    },
  };
}

/** The settable properties of an element (public, not static, not read-only) and its events, from the manifest. */
function elementsOf(manifest) {
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? [])
      .filter((d) => d.customElement && d.tagName)
      .map((d) => ({
        tag: d.tagName,
        className: d.name,
        summary: d.summary ?? '',
        properties: (d.members ?? []).filter((m) => m.kind === 'field' && (m.privacy ?? 'public') === 'public' && !m.static && !m.readonly && !m.name.startsWith('_')),
        attributes: (d.attributes ?? []).filter((a) => a.fieldName && !a.readonly && a.name !== a.fieldName),
        events: (d.events ?? []).map((e) => ({ ...e, type: e.type?.text ?? 'CustomEvent' })),
      })),
  );
}

const doc = (text, indent) => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '');
const camel = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());

/**
 * Writes, beside the manifest, the JSX types for React 19 (`react-jsx.d.ts`) and the GlobalComponents types for Vue 3
 * (`vue.d.ts`): for each element, its properties (camelCase, set as properties once the element is defined) and its
 * attributes of another name (`page-size`), each typed as the element's property, and its events (`onfsd-…` for
 * React 19, which listens to the event of the prop's name after `on`; `onFsd…` for Vue, which hyphenates it).
 * The read-only `state` and `results` are left out: they cannot be set.
 */
export function frameworkTypesPlugin({ outdir, typesFrom }) {
  return {
    name: 'fsd-framework-types',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const elements = elementsOf(manifest);
      const imports = [...new Set(elements.flatMap((e) => [e.className, ...e.events.map((v) => v.type)]))].filter((name) => /^\w+$/.test(name) && name !== 'CustomEvent');
      const header = `// Generated from custom-elements.json by build/manifest.js (npm run manifest): do not edit.\n`;
      const fields = (e, indent) =>
        [
          ...e.properties.map((p) => `${doc(p.description, indent)}${indent}${p.name}?: ${e.className}['${p.name}'];\n`),
          ...e.attributes.map((a) => `${doc(a.description, indent)}${indent}'${a.name}'?: ${e.className}['${a.fieldName}'];\n`),
        ].join('');
      const react = [
        header,
        `import type { DetailedHTMLProps, HTMLAttributes } from 'react';\n`,
        `import type { ${imports.join(', ')} } from '${typesFrom}';\n\n`,
        ...elements.map(
          (e) =>
            `${doc(`Props of \`<${e.tag}>\` in React 19: ${e.summary}`, '')}export interface ${e.className}JsxProps extends Omit<DetailedHTMLProps<HTMLAttributes<${e.className}>, ${e.className}>, 'lang'> {\n${fields(e, '  ')}${e.events
              .map((v) => `${doc(v.description, '  ')}  'on${v.name}'?: (event: ${v.type}) => void;\n`)
              .join('')}}\n\n`,
        ),
        `declare module 'react' {\n  namespace JSX {\n    interface IntrinsicElements {\n${elements.map((e) => `      '${e.tag}': ${e.className}JsxProps;\n`).join('')}    }\n  }\n}\n`,
      ].join('');
      const vue = [
        header,
        `import type { DefineComponent } from 'vue';\n`,
        `import type { ${imports.join(', ')} } from '${typesFrom}';\n\n`,
        ...elements.map(
          (e) =>
            `${doc(`Props of \`<${e.tag}>\` in Vue 3 templates: ${e.summary}`, '')}export interface ${e.className}VueProps {\n${fields(e, '  ')}${e.events
              .map((v) => `${doc(v.description, '  ')}  ${camel(`on-${v.name}`)}?: (event: ${v.type}) => void;\n`)
              .join('')}}\n\n`,
        ),
        `declare module 'vue' {\n  interface GlobalComponents {\n${elements.map((e) => `    '${e.tag}': DefineComponent<${e.className}VueProps>;\n`).join('')}  }\n}\n`,
      ].join('');
      mkdirSync(outdir, { recursive: true });
      writeFileSync(join(outdir, 'react-jsx.d.ts'), react);
      writeFileSync(join(outdir, 'vue.d.ts'), vue);
    },
  };
}

/** The web-types file names the package it describes (its generator reads the root package.json, not the widgets'). */
export function webTypesPackagePlugin({ file, packageJson }) {
  return {
    name: 'fsd-web-types-package',
    packageLinkPhase() {
      const { name, version } = JSON.parse(readFileSync(packageJson, 'utf8'));
      const webTypes = JSON.parse(readFileSync(file, 'utf8'));
      writeFileSync(file, `${JSON.stringify({ ...webTypes, name, version }, null, 2)}\n`);
    },
  };
}
