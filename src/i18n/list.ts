/**
 * Lists joined as the language does: "PNG, JPEG, and PDF", « PNG, JPEG et PDF ». A module of its
 * own so that only the parts that use it (the composer's tools, loaded on demand) pay for it.
 */
const formats = new Map<string, Intl.ListFormat>();

export function formatList(lang: string, items: readonly string[]): string {
  try {
    let format = formats.get(lang);
    if (!format) formats.set(lang, (format = new Intl.ListFormat(lang, { type: 'conjunction' })));
    return format.format(items);
  } catch {
    return items.join(', ');
  }
}
