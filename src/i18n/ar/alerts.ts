import type { AlertStrings } from '../en/alerts.js';
import { num, plural } from './plural.js';
import { stateBox } from './state-box.js';

export const alerts: AlertStrings = {
  alerts: 'التنبيهات',
  sound: 'الصوت',
  title: 'عنوان علامة التبويب',
  desktop: 'إشعارات سطح المكتب',
  mute: 'كتم',
  muted: 'التنبيهات مكتومة',
  desktopBlocked: 'محظورة في إعدادات الموقع في المتصفح.',
  desktopUnsupported: 'لا يدعمها هذا المتصفح.',
  newConversation: (name: string, channel: string) => `محادثة جديدة من ${name} (${channel})`,
  transferred: (name: string, channel: string) => `حُوّلت إليك محادثة: ${name} (${channel})`,
  message: (name: string, preview: string) => `${name}: ${preview}`,
  pageTitle: (count: number, title: string) => `(${num(count)}) ${title}`,
  unread: (name: string, n: number) => `${name}: ${stateBox.unread(n)}`,
  more: (n: number) =>
    plural(n, {
      zero: () => 'لا محادثات أخرى فيها رسائل غير مقروءة',
      one: () => 'محادثة أخرى فيها رسائل غير مقروءة',
      two: () => 'محادثتان أخريان فيهما رسائل غير مقروءة',
      few: (shown) => `${shown} محادثات أخرى فيها رسائل غير مقروءة`,
      many: (shown) => `${shown} محادثة أخرى فيها رسائل غير مقروءة`,
      other: (shown) => `${shown} محادثة أخرى فيها رسائل غير مقروءة`,
    }),
  separator: '. ',
};
