// Takes the white space out of the built JavaScript and keeps its `@__PURE__` marks. esbuild's
// own white-space minifying drops those marks, and without them a consumer's bundler keeps every
// top-level call: `import { isStorageError }` alone would bundle the whole catalogue. Names and
// code stay as they are; only blanks, comments and the semicolons a `}` implies go. It is checked:
// esbuild must print the compacted file exactly as it prints the original, or the build fails.
import { transformSync } from "esbuild";
import ts from "typescript";

// Block comments that mean something to tools: annotations (`@__PURE__`, `@__NO_SIDE_EFFECTS__`),
// legal comments (`/*!`, `@license`, `@preserve`) and bundler hints (`webpackIgnore`, `@vite-ignore`).
const KEPT_COMMENT = /^\/\*!|[@#]__[A-Z_]+__|@license|@preserve|webpack[A-Z]\w*:|@vite-ignore/;
const WORD_END = /[\w$\\\u0080-\uffff]$/;
const WORD_START = /^[\w$\\\u0080-\uffff]/;

interface Token {
  readonly text: string;
  readonly kind: ts.SyntaxKind;
  /** Whether the token ends a statement (`;` after it is implied before a `}`). */
  readonly endsStatement: boolean;
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

/**
 * The block comments to keep in the trivia between two tokens (`pos` to `end`), read by
 * TypeScript's scanner: a `//` comment that quotes a mark is no mark.
 */
function keptComments(code: string, pos: number, end: number): string[] {
  const kept: string[] = [];
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false);
  scanner.setText(code, pos, end - pos);
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    const text = scanner.getTokenText();
    if (kind === ts.SyntaxKind.MultiLineCommentTrivia && KEPT_COMMENT.test(text)) kept.push(text);
  }
  return kept;
}

/** Each kept comment with the token it stands before: compacting must not lose, move or invent one. */
function commentedTokens(code: string): string[] {
  const file = ts.createSourceFile("out.js", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const list: string[] = [];
  let end = 0;
  for (const leaf of leaves(file, file)) {
    const start = leaf.getStart(file);
    for (const comment of keptComments(code, end, start))
      list.push(`${comment} ${leaf.getText(file)}`);
    end = leaf.end;
  }
  return list;
}

const printed = (code: string): string =>
  transformSync(code, { loader: "js", minifyWhitespace: true }).code;

/**
 * `code` (an ES module or a CommonJS file) without white space and comments, but for annotations
 * and legal comments.
 */
export function compactModule(code: string): string {
  const shebang = code.startsWith("#!") ? code.slice(0, code.indexOf("\n") + 1) : "";
  const file = ts.createSourceFile("out.js", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  let out = shebang;
  let end = shebang.length;
  let previous: Token | undefined;
  for (const leaf of leaves(file, file)) {
    const start = leaf.getStart(file);
    const text = code.slice(start, leaf.end);
    if (text === "}" && previous?.endsStatement === true) out = out.slice(0, -1);
    const kept = keptComments(code, end, start);
    if (kept.length > 0) out += kept.join("");
    else if (previous !== undefined && needsSpace(previous, text)) out += " ";
    out += text;
    const endsStatement =
      leaf.kind === ts.SyntaxKind.SemicolonToken &&
      leaf.parent.kind !== ts.SyntaxKind.EmptyStatement;
    previous = { text, kind: leaf.kind, endsStatement };
    end = leaf.end;
  }
  out += "\n";
  if (printed(out) !== printed(code)) {
    throw new Error("compacting changed the code: esbuild prints the two differently");
  }
  if (commentedTokens(out).join("\n") !== commentedTokens(code).join("\n")) {
    throw new Error("compacting changed the code's annotations or legal comments");
  }
  return out;
}
