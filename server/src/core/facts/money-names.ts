/**
 * What a name says about money, without types: `price`, `orderTotal`, `shipping_fee` and `balance` hold an amount
 * of money in major units (dollars, euros); `priceCents`, `amountInCents` and `unit_amount_minor` hold integer
 * minor units; and `totalCount`, `totalPages`, `amountOfItems`, `priceId`, `taxRate` are about something else.
 * Shared by the rules that need to know a value is money (floating-point money, logging of payment data).
 */
import { nameWords } from './password-names';

export type MoneyNameKind = 'major' | 'minor';

/** Words that name an amount of money on their own. */
const moneyWords = new Set([
  'price', 'prices', 'amount', 'amounts', 'balance', 'balances', 'tax', 'taxes', 'vat', 'gst', 'fee',
  'fees', 'subtotal', 'grandtotal', 'discount', 'discounts', 'salary', 'wage', 'wages', 'revenue', 'tip', 'surcharge',
  'commission', 'profit', 'income', 'budget', 'usd', 'eur', 'gbp', 'dollars', 'euros', 'money', 'cash', 'fare', 'debt',
]);
/**
 * `total` and `sum` are money only next to a word that says so (`orderTotal`, `cartSum`); alone they count things.
 * So is `cost`: search and diff algorithms have an edge `cost` and a `totalCost`, shops a `shippingCost`.
 */
const weakMoneyWords = new Set(['total', 'sum', 'cost', 'costs']);
const weakQualifiers = new Set([
  'order', 'cart', 'basket', 'checkout', 'invoice', 'grand', 'line', 'bill', 'purchase', 'sale', 'sales', 'shipping',
  'unit', 'product', 'delivery', 'handling', 'labor', 'labour', 'material', 'monthly', 'annual', 'yearly', 'subscription',
  'service', 'rental', 'booking', 'ticket', 'trip', 'meal', 'room', 'membership', 'course',
]);
/** Integer minor units: `priceCents`, `amount_in_pence`, `feeMinor`. */
const minorWords = new Set(['cents', 'cent', 'pence', 'penny', 'pennies', 'minor', 'kobo', 'paise', 'satoshi', 'satoshis', 'sats', 'wei', 'micros', 'millis', 'bps', 'basis', 'points']);
/** Words that make the name about something other than an amount of money. */
const otherThings = new Set([
  'count', 'counts', 'number', 'num', 'nb', 'page', 'pages', 'item', 'items', 'record', 'records', 'row', 'rows',
  'result', 'results', 'length', 'len', 'size', 'of', 'percent', 'percentage', 'pct', 'rate', 'rates', 'ratio',
  'factor', 'multiplier', 'id', 'ids', 'type', 'types', 'name', 'names', 'label', 'text', 'str', 'string', 'formatted',
  'display', 'currency', 'code', 'key', 'keys', 'field', 'column', 'col', 'index', 'idx', 'time', 'ms', 'seconds',
  'duration', 'date', 'at', 'is', 'has', 'should', 'can', 'show', 'el', 'element', 'input', 'selector', 'format',
  'formatter', 'precision', 'decimals', 'digits', 'places', 'step', 'steps', 'interval', 'threshold', 'level', 'mode',
  'status', 'state', 'error', 'errors', 'message', 'msg', 'url', 'path', 'list', 'map', 'table', 'schema', 'model',
  'entity', 'dto', 'service', 'repository', 'repo', 'controller', 'handler', 'fn', 'callback', 'cb', 'event', 'events',
  'tests', 'test', 'specs', 'passes', 'failures', 'pending', 'bytes', 'chunks', 'lines', 'words', 'chars', 'tokens',
  'calls', 'queries', 'retries', 'attempts', 'weight', 'height', 'width', 'depth', 'distance', 'score', 'version',
  'address', 'method', 'methods', 'option', 'options', 'provider', 'carrier', 'zone', 'info', 'details', 'plan', 'intent',
  'link', 'gateway', 'card', 'token', 'session', 'config', 'settings', 'history', 'day', 'days', 'month', 'year', 'policy',
  'bracket', 'class', 'category', 'group', 'tier', 'exempt', 'included', 'enabled', 'inclusive', 'free', 'valid',
]);

/** A cheap first look: every money name contains one of these; most names in a file contain none. */
const anyMoneyWord = /price|amount|balance|tax|vat|gst|fee|total|discount|salar|wage|revenue|tip|charge|commission|profit|income|budget|usd|eur|gbp|dollar|money|cash|fare|debt|cost|sum/i;

/** Whether a variable or member name holds money in major units, in integer minor units, or neither. */
export function moneyNameKind(name: string): MoneyNameKind | undefined {
  if (!anyMoneyWord.test(name)) return undefined;
  const words = nameWords(name);
  if (words.length === 0 || words.some((w) => otherThings.has(w))) return undefined;
  const strong = words.some((w) => moneyWords.has(w));
  const minor = words.some((w) => minorWords.has(w));
  // `total_cents` says its unit, which is qualifier enough.
  const weak = !strong && words.some((w) => weakMoneyWords.has(w)) && (minor || words.some((w) => weakQualifiers.has(w)));
  if (!strong && !weak) return undefined;
  return minor ? 'minor' : 'major';
}

/** Stripe's and most payment APIs' amounts are integers in the currency's minor unit: `amount_received`, `unit_amount`. */
export function isPaymentApiAmountName(name: string): boolean {
  return /^(unit_)?amount(_[a-z]+)*$/.test(name) && name.includes('_');
}
