// The browser side of @web/test-runner-visual-regression 0.10.0: its index.d.ts re-exports './browser/commands.mjs',
// whose types (commands.d.ts, not .d.mts) TypeScript does not find there, so the module looked empty.
declare module '@web/test-runner-visual-regression' {
  /** Pictures `element` and compares the picture with the baseline `name` (see test/server/visual-regression.js). */
  export function visualDiff(element: Node, name: string): Promise<void>;
}
