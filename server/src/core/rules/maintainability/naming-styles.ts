/** The naming style of an identifier, and the same name in another style. */

export type NamingStyle = 'camelCase' | 'snake_case' | 'PascalCase';

/**
 * Leading `_`/`$` (private by convention) and trailing `_` say nothing about the style: where the body between them
 * starts and ends. Found by index, not by a regular expression's match: this runs for every declaration of a file on
 * every keystroke.
 */
function coreBounds(name: string): { from: number; to: number } {
  let from = 0;
  while (from < name.length && (name.charCodeAt(from) === underscore || name.charCodeAt(from) === dollar)) from++;
  let to = name.length;
  while (to > from && name.charCodeAt(to - 1) === underscore) to--;
  return { from, to };
}

const underscore = 95;
const dollar = 36;

/**
 * undefined for names that fit more than one style or none: one lowercase word (`user`), UPPER_CASE constants,
 * hybrids such as `get_userName`.
 */
export function namingStyle(name: string): NamingStyle | undefined {
  if (isGeneratedName(name)) return undefined;
  const { from, to } = coreBounds(name);
  const body = name.slice(from, to);
  if (/^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(body)) return 'snake_case';
  if (/^[a-z][a-z0-9]*([A-Z][a-z0-9]*)+$/.test(body) && /[a-z]/.test(body.slice(1))) return 'camelCase';
  if (/^[A-Z][a-z0-9]+([A-Z][a-z0-9]*)*$/.test(body)) return 'PascalCase';
  return undefined;
}

/** Names compilers and bundlers make up: tsc's `module_1`, esbuild's `import_x` / `x_default`, helpers' `__defProp`. */
function isGeneratedName(name: string): boolean {
  return /^__|_\d+$|^import_|_default\d*$/.test(name);
}

function words(body: string): string[] {
  return body
    .split('_')
    .flatMap((part) => part.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/))
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

export function restyle(name: string, style: NamingStyle): string {
  const { from, to } = coreBounds(name);
  const w = words(name.slice(from, to));
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  const restyled =
    style === 'snake_case' ? w.join('_') : style === 'camelCase' ? w[0] + w.slice(1).map(cap).join('') : w.map(cap).join('');
  return name.slice(0, from) + restyled + name.slice(to);
}
