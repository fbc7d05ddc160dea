// Finds the public API members without a TSDoc comment: every exported declaration, and every
// property and method (constructors included) of the interfaces, classes and type literals it reaches
// (options types, union members of type aliases, parameters' inline types). A member counts as
// documented only when TypeDoc holds a comment for it, so a comment the docs cannot show (one
// on a declaration TypeDoc does not attach to the member) does not count. Accessors are left
// out, and so are members inherited from outside the package (Error's `name`, `message`,
// `stack`: their documentation is the platform's) and implicit class constructors (nothing in
// the source to comment).
import {
  type Comment,
  type DeclarationReflection,
  type ProjectReflection,
  ReflectionKind,
  type SignatureReflection,
  type SomeType,
} from "typedoc";

/** A member without a comment: its entry point's subpath and its dotted name. */
export interface UndocumentedMember {
  readonly entry: string;
  readonly name: string;
}

/** A comment with something in it: a summary, or a block tag with content. */
export function hasText(comment: Comment | undefined): boolean {
  if (comment === undefined) return false;
  const filled = (parts: readonly { text: string }[]) => parts.some((p) => p.text.trim() !== "");
  return filled(comment.summary) || comment.blockTags.some((tag) => filled(tag.content));
}

function isDocumented(member: DeclarationReflection): boolean {
  return hasText(member.comment) || (member.signatures ?? []).some((s) => hasText(s.comment));
}

/** Members inherited from a declaration outside the project (Error's) are not ours to document. */
function isForeignInherited(member: DeclarationReflection, project: ProjectReflection): boolean {
  const parent = member.inheritedFrom?.reflection;
  return member.inheritedFrom !== undefined && (parent === undefined || parent.project !== project);
}

type Literal = [suffix: string, literal: DeclarationReflection];

/**
 * A union member's label: its discriminant (`[verdict="wait"]`), the first property whose type
 * is a literal, else its position.
 */
function unionLabel(literal: DeclarationReflection, index: number): string {
  const tag = (literal.children ?? []).find((c) => c.type?.type === "literal");
  return tag ? `[${tag.name}=${tag.type?.toString()}]` : `[${index}]`;
}

/** A class constructor the source does not declare: TypeDoc gives it no source position. */
function isImplicitConstructor(member: DeclarationReflection): boolean {
  return (
    member.kindOf(ReflectionKind.Constructor) &&
    !(member.signatures ?? []).some((s) => (s.sources ?? []).length > 0)
  );
}

/** The type literals (`{ ... }`) a type contains, without following references to named types. */
function typeLiterals(type: SomeType | undefined, suffix = ""): Literal[] {
  if (type === undefined) return [];
  switch (type.type) {
    case "reflection":
      return [[suffix, type.declaration]];
    case "union": {
      const literals = type.types.filter((t) => t.type === "reflection").length;
      return type.types.flatMap((t, i) =>
        t.type === "reflection" && literals > 1
          ? [[`${suffix}${unionLabel(t.declaration, i)}`, t.declaration] satisfies Literal]
          : typeLiterals(t, suffix),
      );
    }
    case "intersection":
      return type.types.flatMap((t) => typeLiterals(t, suffix));
    case "array":
    case "optional":
    case "rest":
      return typeLiterals(type.elementType, suffix);
    case "tuple":
      return type.elements.flatMap((t) => typeLiterals(t, suffix));
    case "namedTupleMember":
      return typeLiterals(type.element, suffix);
    case "typeOperator":
      return typeLiterals(type.target, suffix);
    case "reference":
      return (type.typeArguments ?? []).flatMap((t) => typeLiterals(t, suffix));
    case "conditional":
      return [type.trueType, type.falseType].flatMap((t) => typeLiterals(t, suffix));
    case "indexedAccess":
      return typeLiterals(type.objectType, suffix);
    case "mapped":
      return typeLiterals(type.templateType, suffix);
    default:
      return [];
  }
}

function signatureLiterals(signature: SignatureReflection): Literal[] {
  return [
    ...(signature.parameters ?? []).flatMap((p) => typeLiterals(p.type, `(${p.name})`)),
    ...typeLiterals(signature.type, "()"),
  ];
}

/**
 * Walks one exported declaration. `owner` is a reflection whose members are listed (an
 * interface, a class, a type literal); its own comment has been judged by the caller.
 */
function walkMembers(
  owner: DeclarationReflection,
  name: string,
  project: ProjectReflection,
  seen: Set<number>,
  report: (name: string) => void,
): void {
  if (seen.has(owner.id)) return;
  seen.add(owner.id);
  for (const member of owner.children ?? []) {
    if (
      member.kindOf(ReflectionKind.Accessor) ||
      isForeignInherited(member, project) ||
      isImplicitConstructor(member)
    ) {
      continue;
    }
    const memberName = `${name}.${member.name}`;
    if (!isDocumented(member)) report(memberName);
    walkReached(member, memberName, project, seen, report);
  }
  walkReached(owner, name, project, seen, report);
}

/** The type literals a declaration's type and signatures reach, walked in turn. */
function walkReached(
  decl: DeclarationReflection,
  name: string,
  project: ProjectReflection,
  seen: Set<number>,
  report: (name: string) => void,
): void {
  for (const [suffix, literal] of typeLiterals(decl.type)) {
    walkMembers(literal, `${name}${suffix}`, project, seen, report);
  }
  for (const signature of [...(decl.signatures ?? []), ...(decl.indexSignatures ?? [])]) {
    for (const [suffix, literal] of signatureLiterals(signature)) {
      walkMembers(literal, `${name}${suffix}`, project, seen, report);
    }
  }
}

/** Every undocumented member of the declarations one entry point exports. */
export function undocumentedMembers(
  entry: string,
  decls: readonly DeclarationReflection[],
  project: ProjectReflection,
): UndocumentedMember[] {
  const found: UndocumentedMember[] = [];
  const report = (name: string) => found.push({ entry, name });
  for (const decl of decls) {
    if (decl.kindOf(ReflectionKind.Reference)) continue;
    if (!isDocumented(decl)) report(decl.name);
    walkMembers(decl, decl.name, project, new Set(), report);
  }
  return found;
}
