/** Exit codes (DESIGN.md "CLI") and the one way the CLI speaks on stderr. */
export const exit = { clean: 0, findings: 1, failure: 2 } as const;

export function warn(message: string): void {
  process.stderr.write(`vigil: ${message}\n`);
}
