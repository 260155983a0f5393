import type { CommonStrings } from '../en/common.js';

export const common: CommonStrings = {
  // The number is an identifier, not a quantity: no grouping separators.
  visitorFallbackName: (n: number) => `زائر #${n}`,
  noStore: 'مكتب الدعم غير متصل.',
  loading: 'جارٍ التحميل…',
  close: 'إغلاق',
  cancel: 'إلغاء',
  confirm: 'تأكيد',
  blockDialog: {
    title: (name: string) => `حظر ${name}؟`,
    description: (name: string) =>
      `لن يتمكن ${name} بعد الآن من إرسال رسائل إليك أو بدء محادثات جديدة. لا يستطيع إلغاء الحظر إلا المشرف، من إدارة العملاء.`,
    reason: 'السبب (اختياري)',
    confirm: 'حظر',
  },
  channel: {
    chat: 'الدردشة المباشرة',
    facebook: 'فيسبوك',
    whatsapp: 'واتساب',
    instagram: 'إنستغرام',
    sms: 'الرسائل القصيرة',
    email: 'البريد الإلكتروني',
    'apple-business-chat': 'رسائل آبل',
  },
  preview: {
    cobrowsing: {
      requested: 'طُلب التصفح المشترك',
      started: 'بدأ التصفح المشترك',
      ended: 'انتهى التصفح المشترك',
      declined: 'رُفض التصفح المشترك',
    },
    transfer: (to: string) => `حُوّلت إلى ${to}`,
    transferTeam: (team: string) => `حُوّلت إلى فريق ${team}`,
    file: (name: string) => `ملف: ${name}`,
    image: 'صورة',
    imageNamed: (alt: string) => `صورة: ${alt}`,
    offer: (title: string) => `عرض: ${title}`,
    unsupported: (type: string) => `محتوى غير مدعوم (${type})`,
    visited: (page: string) => `زار ${page}`,
  },
  connection: {
    connecting: 'جارٍ الاتصال…',
    online: 'متصل',
    offline: 'غير متصل — ستُرسل الرسائل عند عودة الاتصال.',
    reconnecting: 'جارٍ إعادة الاتصال…',
  },
  durationJustNow: 'الآن',
};
