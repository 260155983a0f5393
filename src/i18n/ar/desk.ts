import type { DeskStrings } from '../en/desk.js';
import { num, plural } from './plural.js';

export const desk: DeskStrings = {
  splitScreen: 'تقسيم الشاشة',
  layoutTitle: (n: number) =>
    plural(n, {
      zero: () => 'لا محادثات',
      one: () => 'محادثة واحدة',
      two: () => 'محادثتان جنبًا إلى جنب',
      few: (shown) => `${shown} محادثات جنبًا إلى جنب`,
      many: (shown) => `${shown} محادثة جنبًا إلى جنب`,
      other: (shown) => `${shown} محادثة جنبًا إلى جنب`,
    }),
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
  // Key names stay as printed on the keys; in right-to-left, Alt+Down still goes to the next one.
  keyboardHelp: 'Alt+السهم السفلي / Alt+السهم العلوي: المحادثة التالية / السابقة. F6: الجزء التالي.',
};
