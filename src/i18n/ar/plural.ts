/**
 * Arabic counts. Arabic has six plural forms (Intl.PluralRules('ar'): zero, one, two, few for 3–10,
 * many for 11–99, other for 100, 1000…), and the noun changes with each, so a count is one phrase
 * per form, never a number glued to a word. Numbers are formatted with Intl's `ar` digits (Latin
 * in current CLDR), the same digits as the dates and times the elements format.
 */
const rules = new Intl.PluralRules('ar');
const numbers = new Intl.NumberFormat('ar');

/** One phrase per Arabic plural form; each receives the number as shown. */
export type ArabicPlural = Record<Intl.LDMLPluralRule, (shown: string) => string>;

/** A number as Arabic text shows it. */
export const num = (n: number): string => numbers.format(n);

/** The phrase for `n`; `shown` is `n` already formatted by the caller, when it was. */
export function plural(n: number, forms: ArabicPlural, shown: string = num(n)): string {
  return forms[rules.select(n)](shown);
}
