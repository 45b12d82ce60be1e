// expect: none
type Token = { kind: string; text: string };

// Four levels is the limit, and an `else if` chain is one level however long it is.
export function classify(tokens: Token[][]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of tokens) {
    for (const token of line) {
      if (token.kind === 'word') {
        if (token.text.length > 0) counts.word = (counts.word ?? 0) + 1;
      } else if (token.kind === 'number') {
        counts.number = (counts.number ?? 0) + 1;
      } else if (token.kind === 'punct') {
        switch (token.text) {
          case '.':
            counts.stop = (counts.stop ?? 0) + 1;
            break;
          default:
            counts.punct = (counts.punct ?? 0) + 1;
        }
      } else if (token.kind === 'space') {
        continue;
      } else {
        counts.other = (counts.other ?? 0) + 1;
      }
    }
  }
  return counts;
}
