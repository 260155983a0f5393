/** WCAG contrast of two computed CSS colours (`rgb(…)` / `rgba(…)`, alpha ignored). */
export function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((part) => {
      const c = Number(part) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The first opaque background behind `element`, walking up through shadow hosts. */
export function backgroundBehind(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const background = getComputedStyle(node).backgroundColor;
    if (background && !/rgba\([^)]*,\s*0\)|transparent/.test(background)) return background;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  }
  return 'rgb(255, 255, 255)';
}
