import { adoptStyles, type CSSResult } from 'lit';

/**
 * Adds `styles` after those an element already has (its `static styles`): for parts whose code
 * and styles arrive later (lazily loaded). Engines without constructable style sheets get a
 * `<style>` element.
 */
export function appendStyles(root: ShadowRoot, styles: CSSResult): void {
  if (styles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet];
  else adoptStyles(root, [styles]);
}
