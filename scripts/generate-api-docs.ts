// Generates the API reference in docs/api/ (one Markdown page per entry point) from the TSDoc
// comments, read by TypeDoc, and counts the public members without a comment. `--check` fails
// when a page is stale or a member is undocumented, listing them.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  Application,
  type Comment,
  type CommentDisplayPart,
  type DeclarationReflection,
  type ReferenceReflection,
  type Reflection,
  ReflectionKind,
  type SignatureReflection,
  type SomeType,
} from "typedoc";
import tsupConfig from "../tsup.config.js";
import { type UndocumentedMember, undocumentedMembers } from "./api-doc-coverage.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const API_DIR = `${ROOT}docs/api`;

/**
 * Entry points, from tsup's config: `index` is `bucketguard`, any other name `bucketguard/<name>`.
 * Only those package.json exports (the CLI is a program, not an import).
 */
function entryPoints(): { name: string; subpath: string; source: string }[] {
  const config = (Array.isArray(tsupConfig) ? tsupConfig[0] : tsupConfig) as {
    entry: Record<string, string>;
  };
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as {
    exports: Record<string, unknown>;
  };
  return Object.entries(config.entry)
    .filter(([name]) => `./${name}` in pkg.exports || (name === "index" && "." in pkg.exports))
    .map(([name, source]) => ({
      name,
      subpath: name === "index" ? "bucketguard" : `bucketguard/${name}`,
      source,
    }));
}

function text(parts: readonly CommentDisplayPart[] | undefined): string {
  return (parts ?? [])
    .map((part) => part.text)
    .join("")
    .trim();
}

/** A block tag's text; TypeDoc fences `@default` values as code blocks, shown inline here. */
function tagText(parts: readonly CommentDisplayPart[]): string {
  const body = text(parts);
  const fenced = /^```\w*\n([\s\S]*?)\n```$/.exec(body);
  return fenced?.[1] !== undefined ? fenced[1].trim() : body;
}

function summary(comment: Comment | undefined): string {
  if (comment === undefined) return "";
  const body = text(comment.summary);
  const extra = comment.blockTags
    .filter((tag) => tag.tag !== "@example")
    .map((tag) => `*${tag.tag.slice(1)}*: ${tagText(tag.content)}`);
  return [body, ...extra].filter((line) => line.length > 0).join("\n\n");
}

function signatureText(name: string, signature: SignatureReflection): string {
  const typeParams = signature.typeParameters?.length
    ? `<${signature.typeParameters.map((t) => (t.type ? `${t.name} extends ${t.type.toString()}` : t.name)).join(", ")}>`
    : "";
  const params = (signature.parameters ?? [])
    .map(
      (p) =>
        `${p.flags.isRest ? "..." : ""}${p.name}${p.flags.isOptional || p.defaultValue ? "?" : ""}: ${p.type?.toString() ?? "unknown"}`,
    )
    .join(", ");
  return `${name}${typeParams}(${params}): ${signature.type?.toString() ?? "void"}`;
}

/** The type literals (`{ ... }`) with members that a type spells out inline. */
function literalsOf(type: SomeType | undefined): DeclarationReflection[] {
  if (type === undefined) return [];
  if (type.type === "reflection")
    return (type.declaration.children ?? []).length > 0 ? [type.declaration] : [];
  if (type.type === "union" || type.type === "intersection") return type.types.flatMap(literalsOf);
  if (type.type === "optional" || type.type === "array") return literalsOf(type.elementType);
  if (type.type === "typeOperator") return literalsOf(type.target);
  if (type.type === "reference") return (type.typeArguments ?? []).flatMap(literalsOf);
  return [];
}

/** A member's type; an inline object type spells its methods out (TypeDoc prints them as `any`). */
function typeText(type: SomeType | undefined): string {
  if (type?.type !== "reflection" || (type.declaration.children ?? []).length === 0) {
    return type?.toString() ?? "unknown";
  }
  const members = (type.declaration.children ?? []).flatMap((member) =>
    member.signatures?.length
      ? member.signatures.map((signature) => signatureText(member.name, signature))
      : [`${member.name}${member.flags.isOptional ? "?" : ""}: ${typeText(member.type)}`],
  );
  return `{ ${members.join("; ")} }`;
}

/** One line per member, members of inline type literals indented under the member they type. */
function memberLines(
  owners: readonly DeclarationReflection[],
  depth = 0,
  skip?: DeclarationReflection,
): string[] {
  const indent = "  ".repeat(depth);
  const lines: string[] = [];
  for (const member of owners.flatMap((owner) => owner.children ?? [])) {
    if (member === skip) continue;
    const signatures = member.signatures ?? [];
    const inherited = member.inheritedFrom && `Inherited from \`${member.inheritedFrom.name}\`.`;
    const doc =
      summary(member.comment ?? signatures[0]?.comment).replace(/\n+/g, " ") || inherited || "";
    if (signatures.length > 0) {
      for (const signature of signatures) {
        lines.push(
          `${indent}- \`${signatureText(member.name, signature)}\`${doc ? ` — ${doc}` : ""}`,
        );
      }
    } else {
      const optional = member.flags.isOptional ? "?" : "";
      const readonly = member.flags.isReadonly ? "readonly " : "";
      const type = typeText(member.type);
      lines.push(
        `${indent}- \`${readonly}${member.name}${optional}: ${type}\`${doc ? ` — ${doc}` : ""}`,
      );
    }
    lines.push(...memberLines(literalsOf(member.type), depth + 1));
  }
  return lines;
}

/**
 * The members a type alias spells out: one list, or for a union of object types (a
 * discriminated union) one list per variant, under its discriminant.
 */
function aliasLines(type: SomeType | undefined): string[] {
  if (type?.type !== "union") return memberLines(literalsOf(type));
  const variants = type.types.filter((t) => literalsOf(t).length > 0);
  if (variants.length < 2) return memberLines(literalsOf(type));
  return variants.flatMap((variant) => {
    const literals = literalsOf(variant);
    const tag = literals
      .flatMap((literal) => literal.children ?? [])
      .find((member) => member.type?.type === "literal");
    if (tag === undefined) return [`- \`${variant.toString()}\``, ...memberLines(literals, 1)];
    const doc = summary(tag.comment).replace(/\n+/g, " ");
    return [
      `- \`${tag.name}: ${tag.type?.toString()}\`${doc ? ` — ${doc}` : ""}`,
      ...memberLines(literals, 1, tag),
    ];
  });
}

function declarationSection(decl: DeclarationReflection): string {
  const out: string[] = [`### ${decl.name}`, ""];
  const signatures = decl.signatures ?? [];
  const typeParams = decl.typeParameters?.length
    ? `<${decl.typeParameters.map((t) => (t.type ? `${t.name} extends ${t.type.toString()}` : t.name)).join(", ")}>`
    : "";
  if (decl.kindOf(ReflectionKind.Function)) {
    out.push("```ts", ...signatures.map((s) => `function ${signatureText(decl.name, s)}`), "```");
  } else if (decl.kindOf(ReflectionKind.TypeAlias)) {
    out.push(
      "```ts",
      `type ${decl.name}${typeParams} = ${decl.type?.toString() ?? "unknown"}`,
      "```",
    );
  } else if (decl.kindOf(ReflectionKind.Variable)) {
    out.push("```ts", `const ${decl.name}: ${decl.type?.toString() ?? "unknown"}`, "```");
  } else if (decl.kindOf(ReflectionKind.Interface)) {
    const parents = decl.extendedTypes?.map((t) => t.toString()) ?? [];
    out.push(
      "```ts",
      `interface ${decl.name}${typeParams}${parents.length ? ` extends ${parents.join(", ")}` : ""}`,
      "```",
    );
  }
  const doc = summary(decl.comment ?? signatures[0]?.comment);
  if (doc) out.push("", doc);
  const params = signatures.flatMap((s) => s.parameters ?? []).filter((p) => p.comment);
  if (params.length > 0) {
    out.push(
      "",
      ...params.map((p) => `- \`${p.name}\`: ${summary(p.comment).replace(/\n+/g, " ")}`),
    );
  }
  const members = decl.kindOf(ReflectionKind.TypeAlias)
    ? aliasLines(decl.type)
    : memberLines(decl.kindOf(ReflectionKind.Variable) ? literalsOf(decl.type) : [decl]);
  if (members.length > 0) out.push("", ...members);
  return `${out.join("\n")}\n`;
}

const GROUPS: readonly [string, ReflectionKind][] = [
  ["Functions", ReflectionKind.Function],
  ["Classes and values", ReflectionKind.Variable],
  ["Interfaces", ReflectionKind.Interface],
  ["Types", ReflectionKind.TypeAlias],
];

/** GitHub's anchor for a `### name` heading. */
function anchor(name: string): string {
  return name.toLowerCase().replace(/[^\w-]/g, "");
}

/** Lines of the "Re-exports" section: each names the page that documents it. */
function reexportLines(
  decls: readonly DeclarationReflection[],
  pageOf: (module: Reflection | undefined) => { subpath: string; file: string } | undefined,
): string[] {
  return decls
    .filter((d): d is ReferenceReflection => d.kindOf(ReflectionKind.Reference))
    .map((ref) => {
      const target = ref.tryGetTargetReflectionDeep();
      const page = pageOf(target?.parent);
      if (target === undefined || page === undefined) {
        throw new Error(`cannot resolve the re-export ${ref.name}`);
      }
      return `- \`${ref.name}\`: see [\`${page.subpath}\`](${page.file}#${anchor(target.name)})`;
    });
}

async function render(): Promise<{
  pages: Map<string, string>;
  undocumented: UndocumentedMember[];
}> {
  const entries = entryPoints();
  const app = await Application.bootstrap({
    entryPoints: entries.map((e) => `${ROOT}${e.source}`),
    tsconfig: `${ROOT}tsconfig.json`,
    excludePrivate: true,
    excludeInternal: true,
    logLevel: "Error",
    skipErrorChecking: true,
    sort: ["kind", "alphabetical"],
  });
  const project = await app.convert();
  if (project === undefined) throw new Error("TypeDoc could not convert the sources");
  const modules = project.children ?? [];
  const moduleOf = (entry: { source: string }) =>
    entries.length === 1
      ? project
      : modules.find((m) =>
          m.sources?.some((source) => source.fullFileName === `${ROOT}${entry.source}`),
        );
  const pageOf = (module: Reflection | undefined) => {
    const entry = entries.find((e) => moduleOf(e) === module);
    return entry && { subpath: entry.subpath, file: `${entry.name}.md` };
  };
  const pages = new Map<string, string>();
  const undocumented: UndocumentedMember[] = [];
  const index: string[] = [
    "# API reference",
    "",
    "Generated from the TSDoc comments by `npm run docs`; `npm run docs:check` fails when a page is stale or a public member has no comment. One page per entry point:",
    "",
  ];
  for (const entry of entries) {
    const module = moduleOf(entry);
    if (module === undefined) throw new Error(`TypeDoc gave no module for ${entry.source}`);
    const decls = (module.children ?? []) as DeclarationReflection[];
    const out: string[] = [`# \`${entry.subpath}\``, ""];
    const moduleDoc = summary(module.comment);
    if (moduleDoc) out.push(moduleDoc, "");
    const ungrouped = decls.filter(
      (d) => !d.kindOf(ReflectionKind.Reference) && !GROUPS.some(([, kind]) => d.kindOf(kind)),
    );
    if (ungrouped.length > 0) {
      throw new Error(
        `no section for ${ungrouped.map((d) => d.name).join(", ")} (${entry.source})`,
      );
    }
    for (const [title, kind] of GROUPS) {
      const inGroup = decls.filter((d) => d.kindOf(kind));
      if (inGroup.length === 0) continue;
      out.push(`## ${title}`, "");
      for (const decl of inGroup) out.push(declarationSection(decl));
    }
    const reexports = reexportLines(decls, pageOf);
    if (reexports.length > 0) out.push("## Re-exports", "", ...reexports);
    undocumented.push(...undocumentedMembers(entry.subpath, decls, project));
    const file = `${entry.name}.md`;
    pages.set(file, `${out.join("\n").trimEnd()}\n`);
    index.push(`- [\`${entry.subpath}\`](${file}) — ${decls.length} exports`);
  }
  pages.set("README.md", `${index.join("\n")}\n`);
  return { pages, undocumented };
}

async function main(): Promise<void> {
  const { pages, undocumented } = await render();
  const check = process.argv.includes("--check");
  console.log(`${undocumented.length} public API members without a TSDoc comment`);
  for (const { entry, name } of undocumented) console.error(`  ${entry}: ${name}`);
  if (check && undocumented.length > 0) {
    console.error("every public member needs a TSDoc comment");
    process.exit(1);
  }
  if (check) {
    const stale = [...pages].filter(
      ([file, content]) =>
        !existsSync(`${API_DIR}/${file}`) || readFileSync(`${API_DIR}/${file}`, "utf8") !== content,
    );
    const extra = existsSync(API_DIR)
      ? readdirSync(API_DIR).filter((file) => !pages.has(file))
      : [];
    if (stale.length > 0 || extra.length > 0) {
      console.error(
        `docs/api is stale (${[...stale.map(([f]) => f), ...extra].join(", ")}): run \`npm run docs\``,
      );
      process.exit(1);
    }
    console.log(`docs/api is up to date (${pages.size} pages)`);
    return;
  }
  rmSync(API_DIR, { recursive: true, force: true });
  mkdirSync(API_DIR, { recursive: true });
  for (const [file, content] of pages) writeFileSync(`${API_DIR}/${file}`, content);
  console.log(`wrote ${pages.size} pages to docs/api`);
}

await main();
