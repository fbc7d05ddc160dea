// Builds a throwaway consumer project that installs this package (a symlink to the repository,
// so `exports` and the built declarations are used as published) and type-checks it with tsc.
import { execFile } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");

export interface ConsumerProject {
  dir: string;
  /** Runs tsc on the project; resolves with its diagnostics (empty when it type-checks). */
  typecheck(): Promise<string>;
  remove(): void;
}

/**
 * A project with `files` (path → text) and the repository's `node_modules` linked one package
 * at a time, minus `without` (to play a setup where a package is absent).
 */
export function createConsumerProject(
  files: Record<string, string>,
  without: readonly string[] = [],
): ConsumerProject {
  if (!existsSync(join(ROOT, "dist/index.d.ts"))) {
    throw new Error("dist/ is missing: run `npm run build` before the package tests");
  }
  const dir = mkdtempSync(join(tmpdir(), "bucketguard-consumer-"));
  const modules = join(dir, "node_modules");
  mkdirSync(modules);
  symlinkSync(ROOT, join(modules, "bucketguard"), "dir");
  for (const name of readdirSync(join(ROOT, "node_modules"))) {
    if (name.startsWith(".") || without.includes(name)) continue;
    if (name.startsWith("@")) {
      mkdirSync(join(modules, name));
      for (const inner of readdirSync(join(ROOT, "node_modules", name))) {
        if (without.includes(`${name}/${inner}`)) continue;
        symlinkSync(join(ROOT, "node_modules", name, inner), join(modules, name, inner), "dir");
      }
    } else {
      symlinkSync(join(ROOT, "node_modules", name), join(modules, name), "dir");
    }
  }
  writeFileSync(join(dir, "package.json"), '{ "private": true, "type": "module" }\n');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return {
    dir,
    typecheck: () =>
      new Promise((done) => {
        execFile(
          process.execPath,
          [TSC, "-p", join(dir, "tsconfig.json"), "--pretty", "false"],
          { cwd: dir, timeout: 240_000, maxBuffer: 16 * 1024 * 1024 },
          (_error, stdout, stderr) => done(`${stdout}${stderr}`.trim()),
        );
      }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A tsconfig.json text with strict checks, library checks on, and `options` over them. */
export function tsconfig(options: Record<string, unknown>, include: string[] = ["*.ts"]): string {
  return JSON.stringify({
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      ...options,
    },
    include,
  });
}
