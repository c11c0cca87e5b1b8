/** Test harness: a sandbox without controllers, an in-memory fs and captured streams. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSandbox } from '../../../sandbox/index';
import { kubectl } from '../../../sandbox/kubectl/index';
import type { CommandIO } from '../../../sandbox/shell/types';
import { FsError, type VirtualFs } from '../../../sandbox/fs/types';

class MemFs implements VirtualFs {
  files = new Map<string, string>();
  dirs = new Set<string>(['/', '/home/user']);
  resolve(cwd: string, path: string): string {
    const abs = path.startsWith('/') ? path : `${cwd.replace(/\/$/, '')}/${path}`;
    const parts: string[] = [];
    for (const p of abs.split('/')) {
      if (!p || p === '.') continue;
      if (p === '..') parts.pop();
      else parts.push(p);
    }
    return `/${parts.join('/')}`;
  }
  exists(path: string): boolean {
    return this.files.has(path) || this.dirs.has(path);
  }
  isDirectory(path: string): boolean {
    return this.dirs.has(path);
  }
  readFile(path: string): string {
    const f = this.files.get(path);
    if (f === undefined) throw new FsError(this.dirs.has(path) ? 'EISDIR' : 'ENOENT', path);
    return f;
  }
  writeFile(path: string, content: string): void {
    this.files.set(path, content);
    const dir = path.slice(0, path.lastIndexOf('/')) || '/';
    this.dirs.add(dir);
  }
  appendFile(path: string, content: string): void {
    this.files.set(path, (this.files.get(path) ?? '') + content);
  }
  readdir(path: string): string[] {
    const prefix = path === '/' ? '/' : `${path}/`;
    const names = new Set<string>();
    for (const k of [...this.files.keys(), ...this.dirs]) {
      if (k.startsWith(prefix) && k !== path) names.add(k.slice(prefix.length).split('/')[0]);
    }
    return [...names].sort();
  }
  mkdir(path: string): void {
    this.dirs.add(path);
  }
  remove(path: string): void {
    this.files.delete(path);
    this.dirs.delete(path);
  }
}

export interface Run {
  out: string;
  err: string;
  rc: number;
}

export function setup(seed = 1) {
  const sb = createSandbox({ cluster: false, seed });
  const fs = new MemFs();
  const env = { api: sb.api, clock: sb.clock, containers: sb.containers, namespace: 'default' };
  let stdinText = '';
  const start = (line: string | string[]) => {
    const argv = Array.isArray(line) ? line : split(line);
    const captured = { out: '', err: '' };
    const listeners: Array<() => void> = [];
    const interrupt = {
      interrupted: false,
      onInterrupt: (fn: () => void) => {
        listeners.push(fn);
        return () => {};
      },
    };
    const io: CommandIO = {
      stdin: { readAll: async () => stdinText, isTerminal: false },
      stdout: { write: (t) => void (captured.out += t) },
      stderr: { write: (t) => void (captured.err += t) },
      interrupt,
      env: { HOME: '/home/user' },
      cwd: '/home/user',
      fs,
      isTTY: false,
    };
    const done = kubectl(argv, io, env);
    const stop = async (): Promise<Run> => {
      interrupt.interrupted = true;
      for (const l of listeners) l();
      const rc = await done;
      return { ...captured, rc };
    };
    return { captured, stop };
  };
  const run = async (line: string | string[]): Promise<Run> => {
    const argv = Array.isArray(line) ? line : split(line);
    let out = '';
    let err = '';
    const io: CommandIO = {
      stdin: { readAll: async () => stdinText, isTerminal: false },
      stdout: { write: (t) => void (out += t) },
      stderr: { write: (t) => void (err += t) },
      interrupt: { interrupted: false, onInterrupt: () => () => {} },
      env: { HOME: '/home/user' },
      cwd: '/home/user',
      fs,
      isTTY: false,
    };
    const rc = await kubectl(argv, io, env);
    return { out, err, rc };
  };
  const write = (name: string, text: string): void => fs.writeFile(fs.resolve('/home/user', name), text);
  const stdin = (t: string): void => {
    stdinText = t;
  };
  return { sb, env, fs, run, start, write, stdin };
}

/** Shell-like split honouring single and double quotes. */
export function split(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote = '';
  let has = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = '';
      else cur += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      has = true;
    } else if (ch === ' ') {
      if (cur || has) out.push(cur);
      cur = '';
      has = false;
    } else cur += ch;
  }
  if (cur || has) out.push(cur);
  return out;
}

export const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
spec:
  replicas: 3
  selector:
    matchLabels:
      app: kubia
  template:
    metadata:
      name: kubia
      labels:
        app: kubia
    spec:
      containers:
      - image: luksa/kubia:v1
        name: nodejs
`;

export const POD = `apiVersion: v1
kind: Pod
metadata:
  name: kubia-manual
  labels:
    creation_method: manual
    env: prod
spec:
  containers:
  - image: luksa/kubia
    name: kubia
    ports:
    - containerPort: 8080
      protocol: TCP
`;

/** The lessons' own manifest (content/manifests): an RC of three kubia v1 pods and its LoadBalancer. */
export const RC_AND_SVC = readFileSync(
  join(import.meta.dirname, '../../../content/manifests/kubia-rc-and-service-v1.yaml'),
  'utf8',
);
