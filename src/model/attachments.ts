/**
 * Attachment rules of the composer, as pure functions: which files an `accept` list lets through
 * (as the file input understands it), and how to name the accepted types to the agent when one is
 * refused.
 */

/** Common image types: what the thread shows inline (see `isPreviewableImage`). */
export const COMMON_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

function rules(accept: string | undefined): string[] {
  return (accept ?? '')
    .split(',')
    .map((rule) => rule.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * Whether a file matches an `accept` list as the file input understands it: extensions
 * (`.pdf`), exact types (`image/png`) and wildcards (`image/*`). An empty list accepts anything.
 */
export function acceptsFile(
  file: { readonly name: string; readonly type: string },
  accept: string | undefined,
): boolean {
  const list = rules(accept);
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  return (
    list.length === 0 ||
    list.some((rule) =>
      rule.startsWith('.')
        ? name.endsWith(rule)
        : rule.endsWith('/*')
          ? type.startsWith(rule.slice(0, -1))
          : type === rule,
    )
  );
}

/** A kind of file named by a word of the interface ("images"), for a wildcard such as `image/*`. */
export type FileFamily = 'image' | 'audio' | 'video' | 'text';

/** One accepted type, as the agent reads it: a format ("PNG", "PDF") or a family ("images"). */
export type AcceptedType = { readonly format: string } | { readonly family: FileFamily };

const FAMILIES = new Set<string>(['image', 'audio', 'video', 'text']);
/** Formats whose MIME subtype is not what people call them. */
const FORMAT_NAMES: Record<string, string> = {
  'image/svg+xml': 'SVG',
  'image/webp': 'WebP',
  'image/x-icon': 'ICO',
  'text/plain': 'TXT',
  'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
};

/**
 * The accepted types of an `accept` list, in its order and without repeats, for the message that
 * refuses a file: `image/png,.pdf,video/*` → PNG, PDF, videos. Empty when anything is accepted.
 * A wildcard of an unknown family (`application/*`) is shown as written.
 */
export function acceptedTypes(accept: string | undefined): AcceptedType[] {
  const seen = new Set<string>();
  const out: AcceptedType[] = [];
  for (const rule of rules(accept)) {
    let type: AcceptedType;
    if (rule.startsWith('.')) {
      type = { format: rule.slice(1).toUpperCase() };
    } else if (rule.endsWith('/*')) {
      const family = rule.slice(0, -2);
      type = FAMILIES.has(family) ? { family: family as FileFamily } : { format: rule };
    } else {
      const subtype = rule.split('/')[1] ?? rule;
      type = { format: FORMAT_NAMES[rule] ?? subtype.replace(/^(x-|vnd\.)/, '').toUpperCase() };
    }
    const key = 'family' in type ? `family:${type.family}` : type.format;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(type);
  }
  return out;
}
