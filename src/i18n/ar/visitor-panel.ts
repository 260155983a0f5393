import type { VisitorPanelStrings } from '../en/visitor-panel.js';
import { plural } from './plural.js';

export const visitorPanel: VisitorPanelStrings = {
  noConversation: 'اختر محادثة لعرض معلومات زائرها.',
  noVisitor: 'لا توجد معلومات عن هذا الزائر بعد.',

  source: 'المصدر',
  navigation: 'التصفح',
  profile: 'الملف الشخصي',
  pastMessages: 'الرسائل السابقة',
  customData: 'بيانات مخصصة',
  visitorHistory: 'سجل الزائر',

  unknown: 'غير معروف',
  notProvided: 'غير متوفر',
  yes: 'نعم',
  no: 'لا',

  sourceType: 'جاء من',
  sourceDetail: 'التفاصيل',
  sourceTypes: {
    direct: 'زيارة مباشرة',
    search: 'محرك بحث',
    campaign: 'حملة',
    referral: 'إحالة',
    social: 'شبكة اجتماعية',
  },

  browsingDuration: 'مدة التصفح',
  pagesViewed: 'الصفحات المعروضة',
  visits: 'الزيارات',
  firstVisit: 'الزيارة الأولى',
  returningVisitor: 'زائر عائد',
  currentPage: 'الصفحة الحالية',
  unsafeUrl: 'لم يُفتح الرابط: هذا العنوان غير مسموح به.',
  newTab: '(يُفتح في علامة تبويب جديدة)',
  recentPages: 'الصفحات الأخيرة',
  noRecentPages: 'لم تُزر أي صفحة خلال هذه المحادثة بعد.',
  noRecentPagesClosed: 'لم تُسجَّل أي صفحة خلال هذه المحادثة.',

  country: 'البلد',
  browser: 'المتصفح',
  os: 'نظام التشغيل',
  language: 'اللغة',
  localTime: 'التوقيت المحلي',

  pastMessagesCount: (count: number, formatted: string) =>
    plural(
      count,
      {
        zero: () => 'لا رسائل',
        one: () => 'رسالة واحدة',
        two: () => 'رسالتان',
        few: (shown) => `${shown} رسائل`,
        many: (shown) => `${shown} رسالة`,
        other: (shown) => `${shown} رسالة`,
      },
      formatted,
    ),
  showCustomerRecord: 'عرض سجل العميل',
  customerRecordShown: (count: number, formatted: string) =>
    `السجل الكامل: ${plural(
      count,
      {
        zero: () => 'لا محادثات سابقة',
        one: () => 'محادثة سابقة واحدة',
        two: () => 'محادثتان سابقتان',
        few: (shown) => `${shown} محادثات سابقة`,
        many: (shown) => `${shown} محادثة سابقة`,
        other: (shown) => `${shown} محادثة سابقة`,
      },
      formatted,
    )}.`,

  noCustomData: 'لم تُعدّ أي بيانات مخصصة لهذا الزائر.',

  noHistory: 'لا محادثات سابقة.',
  loadOlder: 'تحميل المحادثات الأقدم',
  loadingOlder: 'جارٍ تحميل المحادثات الأقدم…',
  noOlderConversations: 'لا محادثات أقدم.',
  // Only formatted numbers arrive here: phrased so that no noun has to agree with them.
  transcriptCapped: (shown: string, total: string) => `تُعرض آخر الأسطر: ${shown} من أصل ${total}.`,
  showAllLines: (total: string) => `عرض الكل (${total})`,
  noPreview: 'لا رسائل',
  viewing: 'معروضة',
  transcriptOf: (date: string) => `نص المحادثة بتاريخ ${date}`,
  agentFallback: 'الموظف',
  system: 'النظام',

  blockVisitor: 'حظر الزائر',
  blocked: 'محظور',
  blockedStatus: 'هذا الزائر محظور.',
  unblockVisitor: 'إلغاء حظر الزائر',
  unblockExplanation: 'يمكن للمشرف إلغاء حظر هذا الزائر من إدارة العملاء.',
};
