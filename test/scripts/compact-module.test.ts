import { describe, expect, it } from "vitest";
import { compactModule } from "../../scripts/compact-module.js";

describe("compactModule", () => {
  it("removes white space and comments between tokens, keeping the ones words need", () => {
    const code = [
      "// src/a.ts",
      "import { a, b } from './a.js';",
      "",
      "export async function f(x, y) {",
      "  /* why */",
      "  let sum = x + +y, diff = x - -y;",
      "  if (typeof x == 'number' && x instanceof Object) return void 0;",
      "  return { sum, diff, n: 1 .toString() };",
      "}",
      "for (;;) {",
      "  if (a) ;",
      "}",
    ].join("\n");
    expect(compactModule(code)).toBe(
      "import{a,b}from'./a.js';export async function f(x,y){let sum=x+ +y,diff=x- -y;if(typeof x=='number'&&x instanceof Object)return void 0;return{sum,diff,n:1 .toString()}}for(;;){if(a);}\n",
    );
  });

  it("keeps annotations and legal comments, in place", () => {
    const code = [
      "/*! bucketguard | MIT */",
      "/* @__NO_SIDE_EFFECTS__ */ function make() {",
      "  return [];",
      "}",
    ].join("\n");
    expect(compactModule(code)).toBe(
      "/*! bucketguard | MIT *//* @__NO_SIDE_EFFECTS__ */function make(){return[]}\n",
    );
  });

  it("keeps @__PURE__ marks in front of their calls", () => {
    const code =
      "var A = /* @__PURE__ */ Object.freeze({ a: 1 }),\n  B = /* @__PURE__ */ new Set();\n";
    expect(compactModule(code)).toBe(
      "var A=/* @__PURE__ */Object.freeze({a:1}),B=/* @__PURE__ */new Set();\n",
    );
  });

  it("reads a mark quoted in a line comment as no mark, and keeps bundler hints", () => {
    expect(compactModule("f(); // not /* @__PURE__ */\nsideEffect();\n")).toBe(
      "f();sideEffect();\n",
    );
    expect(compactModule("import(/* @vite-ignore */ /* webpackIgnore: true */ u);\n")).toBe(
      "import(/* @vite-ignore *//* webpackIgnore: true */u);\n",
    );
  });

  it("leaves template literals, strings and regular expressions as they are", () => {
    const code = [
      "const lua = `",
      "  local n = redis.call('GET', KEYS[1])",
      `  return \${x} + 1\`;`,
      'const s = "a  b", r = / +x\\/ /g, q = a / b / c;',
    ].join("\n");
    expect(compactModule(code)).toBe(
      `const lua=\`\n  local n = redis.call('GET', KEYS[1])\n  return \${x} + 1\`;const s="a  b",r=/ +x\\/ /g,q=a/b/c;\n`,
    );
  });

  it("keeps a shebang line", () => {
    expect(compactModule("#!/usr/bin/env node\nconsole.log( 1 );\n")).toBe(
      "#!/usr/bin/env node\nconsole.log(1);\n",
    );
  });

  it("throws rather than give code that does something else", () => {
    // `return` and a line break return undefined: joined, the lines would return 1.
    expect(() => compactModule("function f() {\n  return\n  1;\n}\n")).toThrow(
      /esbuild prints the two differently/,
    );
  });
});
