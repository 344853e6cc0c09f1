// The reference for the badge benchmark: the least a badge can cost, a hand-written custom element that renders
// the same markup in a shadow root, without a library, a feed or a check, and says so as soon as it is in the DOM.
class ReferenceBadge extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>a{display:inline-flex;gap:.6em;padding:.45em .8em;border:1px solid #b9c4cd;border-radius:.5rem;font:14px system-ui}</style>
      <a href="https://www.frenchsouth.digital/membres/?membre=kaliop"><span>Membre de <b>FrenchSouth.digital</b></span><span>Smart Software</span></a>`;
    queueMicrotask(() => this.dispatchEvent(new Event('ref-badge-ready', { bubbles: true })));
  }
}
customElements.define('ref-badge', ReferenceBadge);
