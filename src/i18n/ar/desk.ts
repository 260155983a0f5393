import type { DeskStrings } from '../en/desk.js';
import { num, plural } from './plural.js';

export const desk: DeskStrings = {
  splitScreen: 'تقسيم الشاشة',
  paneLabel: (index: number, name: string) => `الجزء ${num(index)}: ${name}`,
  emptyPane: 'لا توجد محادثة في هذا الجزء',
  emptyPaneHint: 'اختر محادثة من القائمة لعرضها هنا.',
  visitorInformation: 'معلومات الزائر',
  conversations: 'المحادثات',
  panes: 'أجزاء المحادثات',
  toolbar: 'شريط أدوات مكتب الدعم',
  closeDrawer: 'إغلاق اللوحة',
  waitingCount: (n: number) =>
    plural(n, {
      zero: () => 'لا محادثات بانتظار ردك',
      one: () => 'محادثة واحدة بانتظار ردك',
      two: () => 'محادثتان بانتظار ردك',
      few: (shown) => `${shown} محادثات بانتظار ردك`,
      many: (shown) => `${shown} محادثة بانتظار ردك`,
      other: (shown) => `${shown} محادثة بانتظار ردك`,
    }),
};
