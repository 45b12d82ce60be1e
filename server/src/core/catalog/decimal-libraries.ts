/**
 * Libraries that hold decimal amounts exactly (decimal.js, big.js, bignumber.js, dinero.js, currency.js, and the
 * Decimal of Prisma's runtime): a file importing one has chosen how it represents money.
 */
const decimalModules = /^(decimal\.js|decimal\.js-light|big\.js|bignumber\.js|dinero\.js|@dinero\.js\/.*|currency\.js|money-math|@prisma\/client\/runtime.*)$/;

/** Whether a module specifier is one of these libraries. */
export function isDecimalModule(module: string): boolean {
  return decimalModules.test(module);
}
