/**
 * Keys trusted in development builds only: empty in every bundle that ships. The examples' build of the widgets
 * (rollup.config.js, into .cache/examples-dist/) replaces this module with the public half of the development key
 * generated on the developer's machine (tools/dev-key.mjs), so that the examples show a badge verified against a
 * real signature. test/bundle-size.node.test.mjs checks that no shipped bundle carries that key.
 */
export const DEVELOPMENT_KEYS: Readonly<Record<string, string>> = {};
