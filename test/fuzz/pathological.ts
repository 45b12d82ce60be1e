/** Documents that have broken linters: deep nesting, long chains, huge lines, bytes that are not code. */
export interface PathologicalDocument {
  name: string;
  text: string;
}

const repeat = (s: string, n: number): string => s.repeat(n);

export function pathologicalDocuments(): PathologicalDocument[] {
  return [
    { name: 'nested-callbacks.js', text: `const fs = require('fs');\n${repeat('fs.readFile("a", function (e, d) {\n', 2000)}console.log(d);\n${repeat('});\n', 2000)}` },
    { name: 'nested-parens.js', text: `const x = ${repeat('(', 5000)}1${repeat(')', 5000)};\n` },
    { name: 'nested-arrays.js', text: `const x = ${repeat('[', 3000)}${repeat(']', 3000)};\n` },
    { name: 'nested-ifs.js', text: `function f(a) {\n${repeat('if (a) {\n', 1200)}a();\n${repeat('}\n', 1200)}}\n` },
    { name: 'else-if-chain.js', text: `function f(a, db) {\n${Array.from({ length: 4000 }, (_, i) => `if (a === ${i}) { db.query('x' + a); }`).join(' else ')}\n}\n` },
    { name: 'then-chain.js', text: `fetch(url)${repeat('.then((r) => r)', 10000)};\n` },
    { name: 'binary-sum.js', text: `const x = ${Array.from({ length: 50000 }, (_, i) => `a${i % 10}`).join(' + ')};\n` },
    { name: 'long-line.js', text: `const s = '${repeat('x', 200_000)}'; jwt.sign({}, 'k');\n` },
    { name: 'three-megabytes.js', text: repeat("const a = require('x'); // padding\n", 90_000) },
    { name: 'nul-bytes.js', text: 'const a = 1;\u0000\u0001 jwt.sign({}, k);' },
    { name: 'unterminated.ts', text: 'const a = `${b\n/* never closed\nconst r = /[/;\nfunction (' },
    { name: 'surrogates.js', text: "const a = '\uD800'; const b = '\uDC00\uD83D'; jwt.sign({ id: 1 }, process.env.K);\r\rx\r\n" },
    { name: 'bom-crlf.js', text: "\uFEFFconst jwt = require('jsonwebtoken');\r\nconst t = jwt.sign({ id: 1 }, process.env.KEY);\r\n" },
    { name: 'jsx-garbage.tsx', text: '<div>{<a></b>}</div> <<>> </> {...{...{}}} <T,>() => <T></T>' },
    { name: 'empty.js', text: '' },
  ];
}
