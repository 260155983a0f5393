import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { withThemeByDataAttribute } from '@storybook/addon-themes';
import { withActions } from 'storybook/actions/decorator';
import manifest from '../custom-elements.json';
import { DESK_EVENTS } from '../stories/support/desk-store.js';
import '../src/define.js';
import { loadLocale } from '../src/i18n/strings.js';

interface ManifestMember {
  name: string;
  privacy?: string;
  static?: boolean;
}

/** The public API only: private/protected members (controllers, internal state) are not controls. */
function publicOnly(source: typeof manifest): typeof manifest {
  const copy = structuredClone(source) as { modules: { declarations?: { members?: ManifestMember[] }[] }[] };
  for (const mod of copy.modules) {
    for (const declaration of mod.declarations ?? []) {
      if (declaration.members) {
        declaration.members = declaration.members.filter(
          (member) => !member.static && member.privacy !== 'private' && member.privacy !== 'protected',
        );
      }
    }
  }
  return copy as unknown as typeof manifest;
}

// Controls and the docs tables come from the analyzer's manifest (npm run analyze).
setCustomElementsManifest(publicOnly(manifest));

const LANGS: Record<string, { title: string; dir: 'ltr' | 'rtl' }> = {
  en: { title: 'English', dir: 'ltr' },
  fr: { title: 'Français', dir: 'ltr' },
  ar: { title: 'العربية (right to left)', dir: 'rtl' },
};

/**
 * The `lang` toolbar sets `lang` and `dir` on the document: every element's LocaleController follows
 * the nearest `lang`/`dir`, so this is exactly what a host page does.
 */
const withLang: Decorator = (story, context) => {
  const lang = String(context.globals['lang'] ?? 'en');
  const root = document.documentElement;
  root.lang = lang;
  root.dir = LANGS[lang]?.dir ?? 'ltr';
  return story();
};

const preview: Preview = {
  parameters: {
    // Every public desk- DOM event shows in the Actions panel (argTypesRegex does not see DOM events).
    actions: { handles: [...DESK_EVENTS] },
    a11y: { test: 'error' },
    controls: { expanded: true, sort: 'requiredFirst' },
    layout: 'padded',
  },
  globalTypes: {
    lang: {
      description: 'Language and direction of the page (lang / dir on <html>)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: Object.entries(LANGS).map(([value, { title }]) => ({ value, title })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'en', theme: 'light' },
  // Non-English strings load on demand: load the toolbar's languages before a story renders, so that
  // every story (French ones set lang="fr" themselves) shows its language from the first render.
  loaders: [() => Promise.all(Object.keys(LANGS).map((lang) => loadLocale(lang)))],
  decorators: [
    withActions,
    withLang,
    // Light/dark toolbar: data-desk-theme on <html> sets --desk-color-scheme and the canvas colours (preview-head.html).
    withThemeByDataAttribute({
      themes: { light: 'light', dark: 'dark' },
      defaultTheme: 'light',
      parentSelector: 'html',
      attributeName: 'data-desk-theme',
    }),
  ],
};

export default preview;
