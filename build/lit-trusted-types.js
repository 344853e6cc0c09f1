// A rollup plugin that makes the copies of Lit in our bundles share one Trusted Types policy.
//
// Lit creates a policy named "lit-html" when it loads. Under `require-trusted-types-for 'script'; trusted-types
// lit-html`, a second copy on the page (the standalone badge beside another entry, or two versions of our bundles)
// throws at that line, and every widget of that copy is lost. Rewritten here, each copy of ours first takes the policy
// a copy of ours already made (kept on the global object under a registered symbol), else creates
// "lit-html", else "fsd-lit-html" (for pages whose own Lit holds "lit-html"); failing both, it marks the symbol
// `false`, and defineElement (@frenchsouth-digital/shared) leaves that copy's elements undefined with a console message naming
// them, rather than let their templates throw into the page.
// The shared policy passes strings through unchanged, as Lit's own does: allowing "lit-html" already lets any code
// on the page make HTML through Lit (`unsafeHTML`), so sharing it gives no script a power it did not have.

export const POLICY_KEY = 'fsd.lit-html-policy';
export const POLICY_NAMES = ['lit-html', 'fsd-lit-html'];

// The helper the rewritten line calls, written as esbuild would minify it (the plugin runs on Lit's minified build).
const HELPER = `function fsdLitPolicy(t){const k=Symbol.for(${JSON.stringify(POLICY_KEY)}),g=globalThis;if(g[k])return g[k];for(const n of ${JSON.stringify(POLICY_NAMES)})try{return g[k]=t.createPolicy(n,{createHTML:h=>h})}catch{}g[k]=!1}`;

const CREATE = /(\w+)\.createPolicy\("lit-html",\{createHTML:(\w+)=>\2\}\)/;

/** The plugin: rewrites lit-html's policy line; fails the build if Lit's code no longer has it. */
export function litTrustedTypesPlugin() {
  return {
    name: 'fsd-lit-trusted-types',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]lit-html[\\/](development[\\/])?lit-html\.js$/.test(id)) return null;
      if (!CREATE.test(code)) this.error(`lit-html's policy line changed (${id}): update build/lit-trusted-types.js`);
      return { code: `${code.replace(CREATE, 'fsdLitPolicy($1)')}\n${HELPER}\n`, map: null };
    },
  };
}
