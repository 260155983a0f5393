import type { ShiftStrings } from '../en/shift.js';

export const shift: ShiftStrings = {
  agentStatus: (name) => `توفّر ${name}`,
  availability: 'التوفّر',
  availabilityPanel: 'التوفّر حسب القناة',
  summaryChannel: (channel) => `${channel}:`,
  allChannels: 'كل القنوات',
  noChannels: 'لا توجد قنوات لخدمتها.',
  status: { available: 'متاح', busy: 'مشغول', unavailable: 'غير متاح' },
  limitReached: (count, max) => `تم بلوغ الحد (${count}/${max})`,
  channelStatus: (channel, status, reason) => (reason ? `${channel}: ${status}، ${reason}` : `${channel}: ${status}`),
  channelNow: (channel, status, reason) =>
    reason ? `${channel} الآن ${status}: ${reason}` : `${channel} الآن ${status}`,
  saving: 'جارٍ الحفظ…',
  cancelRequest: 'إلغاء الطلب',
  stopControl: 'إيقاف التحكم',
  cobrowseOptions: 'ما تراه من شاشة الزائر',
  option: {
    mouse: 'إظهار مؤشر الفأرة لدى الزائر',
    input: 'إظهار ما يكتبه الزائر في النماذج',
    scroll: 'إظهار موضع التمرير لدى الزائر',
  },
  line: {
    cancelled: 'أُلغي طلب التصفح المشترك',
    expired: 'انتهت صلاحية طلب التصفح المشترك: لم يجب الزائر',
  },
  preview: { cancelled: 'أُلغي التصفح المشترك', expired: 'انتهت صلاحية طلب التصفح المشترك' },
  notOnWebsite: (channel) => `غير متاح على ${channel}: الزائر ليس على الموقع.`,
  sessionNotCarried: 'دون جلسة الزائر (السلة، تسجيل الدخول)',
};
