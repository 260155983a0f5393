import type { A11yStrings } from '../en/a11y.js';

const plural = new Intl.PluralRules('ar');
const number = new Intl.NumberFormat('ar');

/** "n new messages" with Arabic's six plural categories. */
function newCount(n: number): string {
  switch (plural.select(n)) {
    case 'zero':
      return 'لا رسائل جديدة';
    case 'one':
      return 'رسالة جديدة واحدة';
    case 'two':
      return 'رسالتان جديدتان';
    case 'few':
      return `${number.format(n)} رسائل جديدة`;
    default:
      return `${number.format(n)} رسالة جديدة`;
  }
}

export const a11y: A11yStrings = {
  newMessages: (name, n, latest) => (n === 1 ? `${name}: ${latest}` : `${name}: ${newCount(n)}. الأحدث: ${latest}`),
  notSent: 'لم تُرسَل الرسالة. يمكنك إعادة المحاولة.',
  notSentNoRetry: (reason) => `لم تُرسَل الرسالة: ${reason}.`,
  retryMessage: (preview) => `إعادة المحاولة: ${preview}`,
  filterResult: {
    all: (n) => `عرض كل الرسائل: ${number.format(n)}`,
    visitor: (n) => `عرض رسائل الزائر: ${number.format(n)}`,
    agent: (n) => `عرض رسائل الموظف: ${number.format(n)}`,
    actions: (n) => `عرض الإجراءات: ${number.format(n)}`,
    navigation: (n) => `عرض التصفح: ${number.format(n)}`,
  },
  conversationEnded: (name) => `انتهت المحادثة مع ${name}.`,
  layout: {
    1: `${number.format(1)} محادثة`,
    2: `${number.format(2)} جنبًا إلى جنب`,
    4: `${number.format(4)} في شبكة`,
  },
  shortcuts: 'اختصارات لوحة المفاتيح',
  shortcutsKey: 'المفتاح',
  shortcutsAction: 'الإجراء',
  shortcutGroups: [
    {
      title: 'المكتب كله',
      items: [
        { keys: 'F6 / Shift+F6', action: 'المنطقة التالية / السابقة: المحادثات، وسلسلة كل جزء ومحرره، ولوحة الزائر' },
        { keys: 'Alt+↓ / Alt+↑', action: 'المحادثة التالية / السابقة' },
        { keys: '?', action: 'عرض هذه الاختصارات (خارج مربع النص)' },
        { keys: 'Escape', action: 'إغلاق مربع الحوار أو القائمة أو الدرج المفتوح' },
      ],
    },
    {
      title: 'المحادثات الجارية',
      items: [
        { keys: '↓ / ↑، Home / End', action: 'التنقل في القائمة' },
        { keys: 'Enter أو Space', action: 'فتح المحادثة' },
        { keys: 'الحروف', action: 'الانتقال إلى الزائر الذي يبدأ اسمه بها' },
        { keys: 'Shift+Enter', action: 'إظهار آخر الرسائل أو إخفاؤها (Escape يخفيها)' },
        { keys: 'Ctrl+C', action: 'نسخ معرّف المحادثة' },
      ],
    },
    {
      title: 'سلسلة الرسائل',
      items: [
        { keys: '↓ / ↑', action: 'الرسالة التالية / السابقة (السلسلة محطة واحدة لمفتاح Tab)' },
        { keys: 'Home / End', action: 'أول رسالة محمّلة / أحدث رسالة' },
        { keys: 'Page Down / Page Up', action: 'شاشة أخرى، ثم الرسالة الظاهرة فيها' },
      ],
    },
    {
      title: 'المحرر',
      items: [
        { keys: 'Enter', action: 'إرسال' },
        { keys: 'Shift+Enter', action: 'سطر جديد' },
        { keys: '/', action: 'في بداية الرسالة: الردود الجاهزة (↓ / ↑ للاختيار، Enter أو Tab للإدراج)' },
        { keys: 'الأسهم', action: 'التنقل بين الرموز التعبيرية' },
        { keys: 'Escape', action: 'إغلاق الردود الجاهزة أو الأداة المفتوحة، وإلا إلغاء آخر رفع' },
      ],
    },
  ],
};
