import type { Strings } from '../strings.js';

const plural = new Intl.PluralRules('ar');

export const handover: Strings['handover'] = {
  transfer: 'تحويل',
  transferHint: 'إسناد هذه المحادثة إلى زميل أو فريق',
  transferTitle: 'تحويل المحادثة',
  transferDescription: (name) => `اختر من سيتولى المحادثة مع ${name}.`,
  search: 'البحث عن وكيل أو مهارة',
  agents: 'الوكلاء',
  skills: 'المهارات',
  noMatch: 'لا يوجد وكيل أو مهارة مطابقة.',
  availability: {
    available: 'متاح',
    busy: 'مشغول',
    unavailable: 'غير متاح',
  },
  skillAgents: (n) => {
    switch (plural.select(n)) {
      case 'zero':
        return 'لا أحد متاح';
      case 'one':
        return 'وكيل واحد متاح';
      case 'two':
        return 'وكيلان متاحان';
      case 'few':
        return `${n} وكلاء متاحون`;
      case 'many':
        return `${n} وكيلًا متاحًا`;
      default:
        return `${n} وكيل متاح`;
    }
  },
  comment: 'تعليق',
  commentHint: 'يظهر أعلى المحادثة لمن يتولاها.',
  confirmTransfer: 'تحويل',
  chooseTarget: 'اختر وكيلًا أو مهارة.',
  transferring: 'جارٍ التحويل…',
  transferred: (name, target) => `تم تحويل المحادثة مع ${name} إلى ${target}.`,
  refusedUnavailable: (target) => `لا يمكن لـ ${target} تولي المحادثة الآن. اختر شخصًا آخر؛ تعليقك محفوظ.`,
  refused: 'تم رفض التحويل. حاول مرة أخرى أو اختر شخصًا آخر؛ تعليقك محفوظ.',
  transferNote: (from) => `حوّلها ${from}`,
  transferNoteNoName: 'حُوّلت إليك',
  end: 'إنهاء المحادثة',
  endHint: 'إغلاق هذه المحادثة؛ يمكنك التراجع خلال بضع ثوانٍ',
  endTitle: (name) => `إنهاء المحادثة مع ${name}؟`,
  endDescription: 'ستخرج من محادثاتك الجارية وتنتقل إلى سجل الزائر.',
  note: 'ملاحظة الإغلاق',
  tags: 'الوسوم',
  tagInput: 'إضافة وسم',
  tagInputHint: 'اكتب وسمًا واضغط Enter. يزيل مفتاح الحذف في الحقل الفارغ آخر وسم.',
  suggestions: 'وسوم مقترحة',
  addTag: (tag) => `إضافة الوسم ${tag}`,
  removeTag: (tag) => `إزالة الوسم ${tag}`,
  confirmEnd: 'إنهاء المحادثة',
  ended: 'انتهت المحادثة',
  endedAnnouncement: (name) => `انتهت المحادثة مع ${name}. يمكنك التراجع خلال 5 ثوانٍ.`,
  undo: 'تراجع',
  undoLabel: (name) => `التراجع عن إنهاء المحادثة مع ${name}`,
  restored: (name) => `تمت استعادة المحادثة مع ${name}.`,
};
