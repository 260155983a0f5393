import type { HistoryStrings } from '../en/history.js';

export const history: HistoryStrings = {
  item: (author: string, kind: string, time: string, status?: string) =>
    [author, kind, time, status].filter(Boolean).join('، '),
  kind: {
    text: 'رسالة',
    link: 'رابط',
    offer: 'عرض',
    navigation: 'صفحة تمت زيارتها',
    system: 'رسالة النظام',
    cobrowsing: 'تصفح مشترك',
    transfer: 'تحويل',
    file: 'ملف',
    image: 'صورة',
    translation: 'رسالة مترجمة',
    unsupported: 'محتوى غير مدعوم',
    choice: 'سؤال',
  },
  truncated: (size: string, shown: string) => `الرسالة مقتطعة: ${size}، يُعرض أول ${shown} فقط`,
  conversationOf: (date: string, channel: string, closed: boolean, closedBy?: string) =>
    [`محادثة بتاريخ ${date}`, channel, closed ? (closedBy ? `أغلقها ${closedBy}` : 'مغلقة') : 'جارية'].join(' · '),
  downloadFull: 'تنزيل النص الكامل',
};
