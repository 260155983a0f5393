// The demo desk: <chat-desk demo> builds a MemoryTransport with the demo data and simulator.
// The language switch sets the page's `lang` and `dir`, which the desk follows as a host page's would.
// Read from the address for quick checks (documented in the README, "Demo"): `?lang=fr` (or `ar`),
// `?theme=dark`, `?layout=2`, `?sort=activity`, `?threshold=30` (seconds before a waiting visitor is
// flagged), `?width=800px` (the desk fills its container, not the window: a narrower container
// shows the drawer layout).
import '../src/define.js';
import { directionOf } from '../src/i18n/strings.js';
import { applyComposerExtras } from './demo-extras.js';

const desk = document.querySelector('chat-desk');
const params = new URLSearchParams(location.search);
if (desk) {
  const lang = params.get('lang');
  const theme = params.get('theme');
  const layout = params.get('layout');
  const sort = params.get('sort');
  const threshold = params.get('threshold');
  const width = params.get('width');
  const languages = document.querySelector<HTMLSelectElement>('#demo-lang');
  const setLanguage = (value: string) => {
    document.documentElement.lang = value;
    document.documentElement.dir = directionOf(value);
    if (languages) languages.value = value;
  };
  if (lang) setLanguage(lang);
  languages?.addEventListener('change', () => {
    setLanguage(languages.value);
    const address = new URL(location.href);
    address.searchParams.set('lang', languages.value);
    history.replaceState(null, '', address);
  });
  if (theme === 'light' || theme === 'dark') {
    desk.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }
  if (layout) desk.setAttribute('layout', layout);
  if (sort) desk.setAttribute('sort', sort);
  if (threshold) desk.setAttribute('warning-threshold', threshold);
  if (width && CSS.supports('width', width)) desk.style.width = width;
  applyComposerExtras(desk);
  desk.addEventListener('desk-error', (event) => console.warn('[demo] desk-error', event.detail));
}
