// Generates the API reference in docs/api/ (one Markdown page per entry point) from the TSDoc
// comments, read by TypeDoc. `--check` fails when a page is stale.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  Application,
  type Comment,
  type CommentDisplayPart,
  type DeclarationReflection,
  ReflectionKind,
  type SignatureReflection,
} from "typedoc";
import tsupConfig from "../tsup.config.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const API_DIR = `${ROOT}docs/api`;

/** Entry points, from tsup's config: `index` is `bucketguard`, any other name `bucketguard/<name>`. */
function entryPoints(): { name: string; subpath: string; source: string }[] {
  const config = (Array.isArray(tsupConfig) ? tsupConfig[0] : tsupConfig) as {
    entry: Record<string, string>;
  };
  return Object.entries(config.entry).map(([name, source]) => ({
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

function summary(comment: Comment | undefined): string {
  if (comment === undefined) return "";
  const body = text(comment.summary);
  const extra = comment.blockTags
    .filter((tag) => tag.tag !== "@example")
    .map((tag) => `*${tag.tag.slice(1)}*: ${text(tag.content)}`);
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

function memberLines(owner: DeclarationReflection): string[] {
  const lines: string[] = [];
  for (const member of owner.children ?? []) {
    const signatures = member.signatures ?? [];
    const doc = summary(member.comment ?? signatures[0]?.comment).replace(/\n+/g, " ");
    if (signatures.length > 0) {
      for (const signature of signatures) {
        lines.push(`- \`${signatureText(member.name, signature)}\`${doc ? ` — ${doc}` : ""}`);
      }
    } else {
      const optional = member.flags.isOptional ? "?" : "";
      const readonly = member.flags.isReadonly ? "readonly " : "";
      const type = member.type?.toString() ?? "unknown";
      lines.push(`- \`${readonly}${member.name}${optional}: ${type}\`${doc ? ` — ${doc}` : ""}`);
    }
  }
  return lines;
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
  const members = memberLines(decl);
  if (members.length > 0) out.push("", ...members);
  return `${out.join("\n")}\n`;
}

const GROUPS: readonly [string, ReflectionKind][] = [
  ["Functions", ReflectionKind.Function],
  ["Classes and values", ReflectionKind.Variable],
  ["Interfaces", ReflectionKind.Interface],
  ["Types", ReflectionKind.TypeAlias],
];

async function render(): Promise<Map<string, string>> {
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
  const pages = new Map<string, string>();
  const index: string[] = [
    "# API reference",
    "",
    "Generated from the TSDoc comments by `npm run docs` (checked by `npm run docs:check`). One page per entry point:",
    "",
  ];
  for (const entry of entries) {
    const module =
      entries.length === 1
        ? project
        : modules.find((m) =>
            m.sources?.some((source) => source.fullFileName === `${ROOT}${entry.source}`),
          );
    if (module === undefined) throw new Error(`TypeDoc gave no module for ${entry.source}`);
    const decls = (module.children ?? []) as DeclarationReflection[];
    const out: string[] = [`# \`${entry.subpath}\``, ""];
    const moduleDoc = summary(module.comment);
    if (moduleDoc) out.push(moduleDoc, "");
    for (const [title, kind] of GROUPS) {
      const inGroup = decls.filter((d) => d.kindOf(kind));
      if (inGroup.length === 0) continue;
      out.push(`## ${title}`, "");
      for (const decl of inGroup) out.push(declarationSection(decl));
    }
    const file = `${entry.name}.md`;
    pages.set(file, `${out.join("\n").trimEnd()}\n`);
    index.push(`- [\`${entry.subpath}\`](${file}) — ${decls.length} exports`);
  }
  pages.set("README.md", `${index.join("\n")}\n`);
  return pages;
}

async function main(): Promise<void> {
  const pages = await render();
  const check = process.argv.includes("--check");
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
