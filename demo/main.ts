// The demo desk: <chat-desk demo> builds a MemoryTransport with the demo data and simulator.
// `?lang=fr`, `?theme=dark` and `?layout=2` are read from the address for quick checks.
import '../src/define.js';

const desk = document.querySelector('chat-desk');
const params = new URLSearchParams(location.search);
if (desk) {
  const lang = params.get('lang');
  const theme = params.get('theme');
  const layout = params.get('layout');
  if (lang) desk.setAttribute('lang', lang);
  if (theme === 'light' || theme === 'dark') desk.theme = theme;
  if (layout) desk.setAttribute('layout', layout);
  desk.addEventListener('desk-error', (event) => console.info('[demo] desk-error', event.detail));
}
