import type { ComposerStrings } from '../en/composer.js';
import { num, plural, type ArabicPlural } from './plural.js';

/** "حرف واحد", "حرفان", "3 أحرف", "11 حرفًا", "100 حرف". */
const characters: ArabicPlural = {
  zero: (shown) => `${shown} حرف`,
  one: () => 'حرف واحد',
  two: () => 'حرفان',
  few: (shown) => `${shown} أحرف`,
  many: (shown) => `${shown} حرفًا`,
  other: (shown) => `${shown} حرف`,
};

/** The same after a preposition (genitive): "بمقدار حرفين". */
const charactersAfterPreposition: ArabicPlural = { ...characters, two: () => 'حرفين' };

export const composer: ComposerStrings = {
  message: 'الرسالة',
  placeholder: 'اكتب رسالة…',
  placeholderCanned: 'اكتب رسالة… (/ للردود الجاهزة)',
  send: 'إرسال',
  toolbar: 'أدوات الرسالة',
  // Key names stay as printed on the keys.
  hint: 'Enter للإرسال، وShift+Enter لسطر جديد.',
  typing: (name: string) => `${name} يكتب…`,
  typingPreview: 'معاينة مباشرة',
  counter: (used: number, max: number) => `${num(used)} / ${num(max)}`,
  counterLabel: (left: number) =>
    left >= 0
      ? plural(left, {
          zero: () => 'لم يتبقَّ أي حرف',
          one: () => 'يتبقى حرف واحد',
          two: () => 'يتبقى حرفان',
          few: (shown) => `تتبقى ${shown} أحرف`,
          many: (shown) => `يتبقى ${shown} حرفًا`,
          other: (shown) => `يتبقى ${shown} حرف`,
        })
      : `تتجاوز الحد بمقدار ${plural(-left, charactersAfterPreposition)}`,
  tooLong: (max: number) => `هذه الرسالة أطول مما تسمح به القناة (الحد الأقصى ${plural(max, characters)}).`,
  blocked: 'هذا الزائر محظور: لا يمكن إرسال الرسائل. يمكن للمشرف إلغاء حظره من إدارة العملاء.',
  closed: 'هذه المحادثة مغلقة: لا يمكن إرسال الرسائل.',
  noConversation: 'لم تُحدَّد أي محادثة.',
  refused: 'تعذّر إرسال الرسالة.',
  link: 'إرسال رابط',
  linkForm: 'رابط',
  linkUrl: 'عنوان الرابط',
  linkTitle: 'النص الظاهر (اختياري)',
  linkSend: 'إرسال الرابط',
  linkEmpty: 'أدخل عنوان الصفحة المراد إرسالها.',
  linkCompleted: (url: string) => `سيُرسل بالعنوان ${url}`,
  linkInvalid: 'لا يمكن إرسال هذا العنوان: استخدم عنوانًا كاملًا يبدأ بـ http:// أو https:// أو mailto: أو tel:.',
  offer: 'إرسال عرض',
  offers: 'العروض',
  offerSend: 'إرسال العرض',
  offerPreview: 'معاينة',
  attach: 'إرفاق ملف',
  attachment: 'مرفق',
  dropHere: 'أفلت الملفات هنا لإرفاقها',
  uploading: (name: string) => `جارٍ رفع ${name}…`,
  uploaded: (name: string) => `${name} جاهز للإرسال.`,
  uploadProgress: 'تقدّم الرفع',
  cancelUpload: 'إلغاء الرفع',
  removeAttachment: 'إزالة المرفق',
  uploadFailed: (name: string, reason: string) => `تعذّر رفع ${name}: ${reason}`,
  uploadBadUrl: (name: string) => `تعذّر رفع ${name}: أعاد الخادم عنوانًا لا يمكن استخدامه.`,
  uploadCancelled: 'أُلغي الرفع.',
  fileTooLarge: (name: string, max: string) => `${name} كبير جدًا (الحد الأقصى ${max}).`,
  fileType: (name: string, accepted: string) =>
    `لا يمكن إرسال ${name}: نوع الملف غير مسموح به.${accepted && ` الأنواع المقبولة: ${accepted}.`}`,
  fileFamilies: { image: 'الصور', audio: 'الملفات الصوتية', video: 'مقاطع الفيديو', text: 'الملفات النصية' },
  attachmentOf: (name: string) => `مرفق: ${name}`,
  cancelUploadOf: (name: string) => `إلغاء رفع ${name}`,
  removeAttachmentOf: (name: string) => `إزالة ${name}`,
  imagePreview: (name: string) => `معاينة ${name}`,
  canned: 'الردود الجاهزة',
  cannedNone: 'لا يوجد رد جاهز مطابق.',
  cannedShared: 'مشتركة',
  cannedPersonal: 'شخصية',
  cannedUncategorized: 'أخرى',
  emoji: 'إدراج رمز تعبيري',
  emojiPicker: 'الرموز التعبيرية',
  emojiLoading: 'جارٍ تحميل الرموز التعبيرية…',
  emojiFailed: 'تعذّر تحميل القائمة الكاملة للرموز التعبيرية: إليك الرموز الأكثر استخدامًا.',
};
