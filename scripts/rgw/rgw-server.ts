// Starts and stops a one-node Ceph cluster (monitor, memstore OSD) with radosgw on 127.0.0.1,
// everything in one temporary folder. CLI: `tsx scripts/rgw/rgw-server.ts start|stop <dir>`.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stopProcess } from "../shared/stop-process.js";

/** Access key and secret of one RGW user. */
export interface RgwCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** The users created on start: each one set up to make RGW answer a different refusal. */
export interface RgwUsers {
  /** Plain user, no limits. */
  readonly tester: RgwCredentials;
  /** User quota of one object: the second write is QuotaExceeded. */
  readonly quota: RgwCredentials;
  /** At most one bucket: the second create is TooManyBuckets. */
  readonly oneBucket: RgwCredentials;
  /** Suspended user: every request is refused. */
  readonly suspended: RgwCredentials;
}

/** A running radosgw and where its cluster lives. */
export interface RgwServer {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  /** The temporary folder holding the configuration, data, logs and PID file. */
  readonly dir: string;
  readonly users: RgwUsers;
  /** Largest single PUT radosgw accepts (`rgw max put size`), in bytes. */
  readonly maxPutBytes: number;
}

/** Commands that must be on PATH. */
export const RGW_COMMANDS = [
  "ceph",
  "ceph-mon",
  "ceph-osd",
  "radosgw",
  "radosgw-admin",
  "ceph-authtool",
  "monmaptool",
] as const;

const MAX_PUT_BYTES = 10 * 1024 * 1024;
const START_TIMEOUT_MS = 120_000;
const PID_FILE = "pids";
const SERVER_FILE = "server.json";

/** Commands of {@link RGW_COMMANDS} not found on PATH. */
export function findMissingCommands(): string[] {
  const dirs = (process.env.PATH ?? "").split(":").filter((dir) => dir !== "");
  return RGW_COMMANDS.filter((command) => !dirs.some((dir) => existsSync(join(dir, command))));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function run(command: string, args: readonly string[], timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: timeoutMs }, (error, stdout, stderr) => {
      if (error === null) resolve(stdout);
      else
        reject(
          new Error(`${command} ${args.join(" ")} failed: ${error.message}\n${stderr}`.trim()),
        );
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, check: () => Promise<boolean>, deadline: number) {
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(500);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function cephConf(dir: string, fsid: string, monPort: number, rgwPort: number): string {
  return `[global]
fsid = ${fsid}
mon host = v1:127.0.0.1:${monPort}
mon initial members = a
public addr = 127.0.0.1
ms bind msgr2 = false
auth cluster required = cephx
auth service required = cephx
auth client required = cephx
run dir = ${dir}/run
admin socket = ${dir}/run/$name.asok
log file = ${dir}/log/$name.log
mon data = ${dir}/mon.$id
osd data = ${dir}/osd.$id
osd objectstore = memstore
memstore device bytes = 1073741824
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon max pg per osd = 1000
osd max object name len = 460
osd max object namespace len = 64
[mon]
keyring = ${dir}/keyring
[osd]
keyring = ${dir}/osd.$id/keyring
[client]
keyring = ${dir}/keyring
rgw data = ${dir}/rgw
rgw frontends = beast endpoint=127.0.0.1:${rgwPort}
rgw dns name = 127.0.0.1
rgw max put size = ${MAX_PUT_BYTES}
rgw bucket quota ttl = 0
rgw user quota bucket sync interval = 0
rgw user quota sync interval = 0
`;
}

function spawnDaemon(dir: string, command: string, args: readonly string[]): ChildProcess {
  const child = spawn(command, args, { stdio: "ignore", detached: true });
  child.unref();
  if (child.pid !== undefined) writeFileSync(join(dir, PID_FILE), `${child.pid}\n`, { flag: "a" });
  return child;
}

function makeCredentials(name: string): RgwCredentials {
  const key = randomUUID().replace(/-/g, "");
  return {
    accessKeyId: `${name.toUpperCase()}${key.slice(0, 20 - name.length)}`.slice(0, 20),
    secretAccessKey: `${key}${randomUUID().replace(/-/g, "")}`.slice(0, 40),
  };
}

async function createUsers(conf: string[]): Promise<RgwUsers> {
  const users: RgwUsers = {
    tester: makeCredentials("tester"),
    quota: makeCredentials("quota"),
    oneBucket: makeCredentials("onebucket"),
    suspended: makeCredentials("suspended"),
  };
  const admin = (...args: string[]) => run("radosgw-admin", [...conf, ...args]);
  const create = (uid: string, credentials: RgwCredentials, ...extra: string[]) =>
    admin(
      "user",
      "create",
      `--uid=${uid}`,
      `--display-name=${uid}`,
      `--access-key=${credentials.accessKeyId}`,
      `--secret=${credentials.secretAccessKey}`,
      ...extra,
    );
  await create("tester", users.tester);
  await create("quota", users.quota);
  await admin("quota", "set", "--quota-scope=user", "--uid=quota", "--max-objects=1");
  await admin("quota", "enable", "--quota-scope=user", "--uid=quota");
  await create("onebucket", users.oneBucket, "--max-buckets=1");
  await create("suspended", users.suspended);
  await admin("user", "suspend", "--uid=suspended");
  return users;
}

/** Starts the cluster and radosgw; on failure, stops what started and removes the folder. */
export async function startRgw(): Promise<RgwServer> {
  const missing = findMissingCommands();
  if (missing.length > 0) {
    throw new Error(
      `radosgw cannot start: missing ${missing.join(", ")} (apt-get install radosgw ceph-mon ceph-osd)`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), "bucketguard-rgw-"));
  try {
    return await startIn(dir);
  } catch (error) {
    const logs = readLogTails(dir);
    await stopRgw(dir);
    throw new Error(`radosgw did not start: ${(error as Error).message}${logs}`);
  }
}

function readLogTails(dir: string): string {
  const parts: string[] = [];
  for (const name of ["mon.a.log", "osd.0.log", "client.admin.log"]) {
    try {
      const lines = readFileSync(join(dir, "log", name), "utf8")
        .trimEnd()
        .split("\n");
      parts.push(`\n--- ${name}\n${lines.slice(-15).join("\n")}`);
    } catch {
      // not written yet
    }
  }
  return parts.join("");
}

async function startIn(dir: string): Promise<RgwServer> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  const [monPort, rgwPort] = [await freePort(), await freePort()];
  const fsid = randomUUID();
  const confPath = join(dir, "ceph.conf");
  const keyring = join(dir, "keyring");
  for (const sub of ["run", "log", "rgw", "mon.a"]) await mkdir(join(dir, sub));
  await writeFile(confPath, cephConf(dir, fsid, monPort, rgwPort));
  const conf = ["-c", confPath];
  const ceph = (...args: string[]) =>
    run("ceph", [...conf, "--connect-timeout", "10", ...args], 30_000);

  await run("ceph-authtool", [
    "--create-keyring",
    keyring,
    "--gen-key",
    "-n",
    "mon.",
    "--cap",
    "mon",
    "allow *",
  ]);
  await run("ceph-authtool", [
    keyring,
    "--gen-key",
    "-n",
    "client.admin",
    ...["--cap", "mon", "allow *", "--cap", "osd", "allow *"],
    ...["--cap", "mgr", "allow *", "--cap", "mds", "allow *"],
  ]);
  const monmap = join(dir, "monmap");
  await run("monmaptool", [
    "--create",
    "--fsid",
    fsid,
    "--addv",
    "a",
    `[v1:127.0.0.1:${monPort}]`,
    monmap,
  ]);
  await run("ceph-mon", [...conf, "--mkfs", "-i", "a", "--monmap", monmap, "--keyring", keyring]);
  spawnDaemon(dir, "ceph-mon", [...conf, "-i", "a", "-f"]);
  await waitFor("the monitor", async () => (await ceph("-s")).includes("mon:"), deadline);

  const osdUuid = randomUUID();
  const osdId = (await ceph("osd", "new", osdUuid)).trim();
  await mkdir(join(dir, `osd.${osdId}`));
  await run("ceph-osd", [
    ...conf,
    "--no-mon-config",
    "-i",
    osdId,
    "--mkfs",
    "--mkkey",
    "--osd-uuid",
    osdUuid,
  ]);
  await ceph(
    "auth",
    "add",
    `osd.${osdId}`,
    "osd",
    "allow *",
    "mon",
    "allow profile osd",
    "-i",
    join(dir, `osd.${osdId}`, "keyring"),
  );
  spawnDaemon(dir, "ceph-osd", [...conf, "-i", osdId, "-f"]);
  await waitFor("the OSD", async () => /1 up/.test(await ceph("osd", "stat")), deadline);

  const endpoint = `http://127.0.0.1:${rgwPort}`;
  spawnDaemon(dir, "radosgw", [...conf, "-n", "client.admin", "-f"]);
  await waitFor("radosgw", async () => (await fetch(`${endpoint}/`)).status > 0, deadline);
  const users = await createUsers([...conf, "-n", "client.admin"]);
  const server: RgwServer = { endpoint, dir, users, maxPutBytes: MAX_PUT_BYTES };
  await writeFile(join(dir, SERVER_FILE), JSON.stringify(server));
  return server;
}

/** Stops every process started in `dir` (by the PIDs recorded there), then removes `dir`. */
export async function stopRgw(dir: string): Promise<void> {
  let pids: number[] = [];
  try {
    pids = readFileSync(join(dir, PID_FILE), "utf8")
      .split("\n")
      .map(Number)
      .filter((pid) => Number.isInteger(pid) && pid > 0);
  } catch {
    // nothing was started
  }
  // radosgw first, then the OSD, then the monitor.
  for (const pid of pids.reverse()) await stopProcess(pid, 10_000);
  rmSync(dir, { recursive: true, force: true });
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, dir] = argv;
  if (command === "start") {
    const server = await startRgw();
    console.log(JSON.stringify(server, null, 2));
    return 0;
  }
  if (command === "stop" && dir !== undefined) {
    await stopRgw(dir);
    return 0;
  }
  console.error("usage: tsx scripts/rgw/rgw-server.ts start | stop <dir>");
  return 2;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
