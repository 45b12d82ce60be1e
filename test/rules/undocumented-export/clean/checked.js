// expect: none
// @ts-check
export function add(a, b) {
  return a + b;
}
