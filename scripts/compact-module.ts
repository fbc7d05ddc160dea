// Takes the white space out of the built JavaScript and keeps its `@__PURE__` marks. esbuild's
// own white-space minifying drops those marks, and without them a consumer's bundler keeps every
// top-level call: `import { isStorageError }` alone would bundle the whole catalogue. Names and
// code stay as they are; only the blanks and comments between tokens go. The result is checked:
// esbuild must print the compacted file exactly as it prints the original, or the build fails.
import { transformSync } from "esbuild";
import ts from "typescript";

const PURE_MARK = /[@#]__PURE__/;
const WORD_END = /[\w$\\\u0080-\uffff]$/;
const WORD_START = /^[\w$\\\u0080-\uffff]/;

interface Token {
  readonly text: string;
  readonly kind: ts.SyntaxKind;
}

/** Whether `left` and `right` written side by side would read as other tokens. */
function needsSpace(left: Token, right: string): boolean {
  if (WORD_END.test(left.text) && WORD_START.test(right)) return true;
  const last = left.text.at(-1);
  const first = right[0];
  if ((last === "+" || last === "-") && first === last) return true;
  if (last === "/" && (first === "/" || first === "*")) return true;
  if (last === "<" && first === "!") return true;
  if (left.text.endsWith("--") && first === ">") return true;
  return left.kind === ts.SyntaxKind.NumericLiteral && first === "." && /^\d+$/.test(left.text);
}

/** The leaf tokens of a parsed file, in order (JSDoc nodes are comments, not code). */
function* leaves(node: ts.Node, file: ts.SourceFile): Generator<ts.Node> {
  if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
  const children = node.getChildren(file);
  if (children.length === 0) {
    if (node.kind !== ts.SyntaxKind.EndOfFileToken && node.end > node.getStart(file)) yield node;
    return;
  }
  for (const child of children) yield* leaves(child, file);
}

const printed = (code: string): string =>
  transformSync(code, { loader: "js", minifyWhitespace: true }).code;

/** `code` (an ES module or a CommonJS file) without white space and comments, `@__PURE__` kept. */
export function compactModule(code: string): string {
  const shebang = code.startsWith("#!") ? code.slice(0, code.indexOf("\n") + 1) : "";
  const file = ts.createSourceFile("out.js", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  let out = shebang;
  let end = shebang.length;
  let previous: Token | undefined;
  for (const leaf of leaves(file, file)) {
    const start = leaf.getStart(file);
    const text = code.slice(start, leaf.end);
    // A semicolon before a closing brace is implied.
    if (text === "}" && previous?.kind === ts.SyntaxKind.SemicolonToken) out = out.slice(0, -1);
    if (PURE_MARK.test(code.slice(end, start))) out += "/* @__PURE__ */";
    else if (previous !== undefined && needsSpace(previous, text)) out += " ";
    out += text;
    previous = { text, kind: leaf.kind };
    end = leaf.end;
  }
  out += "\n";
  if (printed(out) !== printed(code)) {
    throw new Error("compacting changed the code: esbuild prints the two differently");
  }
  return out;
}
