/** Small read-only commands: version, api-resources, config, cluster-info. */
import { RESOURCES, apiVersionOf } from '../../api/resources';
import { SERVER_VERSION } from '../../api/openapi/documents';
import { API_SERVER_ENDPOINT } from '../../cluster/bootstrap';
import type { RunContext } from '../commands/types';
import { KubectlError } from '../errors';
import { GET_TABS, tabwrite } from '../printers/tabwriter';
import { toYaml } from '../printers/yaml';
import { toJson } from '../printers/json';

export const CLIENT_VERSION = 'v1.32.4';
const KUSTOMIZE = 'v5.5.0';
export const CONTEXT = 'sandbox';
const SERVER_URL = `https://${API_SERVER_ENDPOINT.ip}`;

function versionInfo(v: string, buildDate: string): Record<string, string> {
  const [major, minor] = v.slice(1).split('.');
  return {
    buildDate,
    compiler: 'gc',
    gitCommit:
      v === CLIENT_VERSION
        ? '4cb5f0764b8d5f425645c6f433394fede34a8a26'
        : '70d3cc986aa8221cd1dfb1121852688902d3bf53',
    gitTreeState: 'clean',
    gitVersion: v,
    goVersion: 'go1.23.8',
    major,
    minor,
    platform: 'linux/amd64',
  };
}

export async function runVersion(ctx: RunContext): Promise<number> {
  const { io, flags } = ctx;
  const client = flags.bool('client');
  const o = flags.string('output');
  if (o && o !== 'yaml' && o !== 'json') throw new KubectlError("--output must be 'yaml' or 'json'");
  if (o) {
    const data: Record<string, unknown> = {
      clientVersion: versionInfo(CLIENT_VERSION, '2025-05-15T20:09:34Z'),
      kustomizeVersion: KUSTOMIZE,
      ...(client ? {} : { serverVersion: versionInfo(SERVER_VERSION, '2024-12-11T17:57:23Z') }),
    };
    io.stdout.write(o === 'yaml' ? toYaml(data) : toJson(data, '  '));
    return 0;
  }
  io.stdout.write(`Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE}\n`);
  if (!client) io.stdout.write(`Server Version: ${SERVER_VERSION}\n`);
  return 0;
}

export async function runApiResources(ctx: RunContext): Promise<number> {
  const { io, flags } = ctx;
  const namespaced = flags.changed('namespaced') ? flags.bool('namespaced') : undefined;
  const rows = RESOURCES.filter((r) => namespaced === undefined || r.namespaced === namespaced)
    .filter((r) => !flags.string('api-group') || r.group === flags.string('api-group'))
    .sort((a, b) =>
      a.group === b.group ? a.plural.localeCompare(b.plural) : a.group.localeCompare(b.group),
    );
  const output = flags.string('output');
  if (output === 'name') {
    io.stdout.write(rows.map((r) => `${r.group ? `${r.plural}.${r.group}` : r.plural}\n`).join(''));
    return 0;
  }
  const wide = output === 'wide';
  const lines: string[] = [];
  if (!flags.bool('no-headers')) {
    lines.push(
      [
        'NAME',
        'SHORTNAMES',
        'APIVERSION',
        'NAMESPACED',
        'KIND',
        ...(wide ? ['VERBS', 'CATEGORIES'] : []),
      ].join('\t'),
    );
  }
  for (const r of rows) {
    lines.push(
      [
        r.plural,
        r.shortNames.join(','),
        apiVersionOf(r),
        String(r.namespaced),
        r.kind,
        ...(wide ? [r.verbs.join(','), r.categories.join(',')] : []),
      ].join('\t'),
    );
  }
  io.stdout.write(`${tabwrite(lines.join('\n'), GET_TABS)}\n`);
  return 0;
}

function kubeconfig(namespace: string): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    clusters: [
      { cluster: { 'certificate-authority-data': 'DATA+OMITTED', server: SERVER_URL }, name: CONTEXT },
    ],
    contexts: [{ context: { cluster: CONTEXT, namespace, user: CONTEXT }, name: CONTEXT }],
    'current-context': CONTEXT,
    kind: 'Config',
    preferences: {},
    users: [{ name: CONTEXT, user: { token: 'REDACTED' } }],
  };
}

export async function runConfigView(ctx: RunContext): Promise<number> {
  const o = ctx.flags.string('output') || 'yaml';
  const cfg = kubeconfig(ctx.env.namespace);
  ctx.io.stdout.write(o === 'json' ? toJson(cfg, '    ') : toYaml(cfg));
  return 0;
}

export async function runCurrentContext(ctx: RunContext): Promise<number> {
  ctx.io.stdout.write(`${CONTEXT}\n`);
  return 0;
}

export async function runGetContexts(ctx: RunContext): Promise<number> {
  const lines = [
    'CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE',
    `*\t${CONTEXT}\t${CONTEXT}\t${CONTEXT}\t${ctx.env.namespace}`,
  ];
  ctx.io.stdout.write(`${tabwrite(lines.join('\n'), GET_TABS)}\n`);
  return 0;
}

export async function runClusterInfo(ctx: RunContext): Promise<number> {
  ctx.io.stdout.write(
    `Kubernetes control plane is running at ${SERVER_URL}\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`,
  );
  return 0;
}

export async function runApiVersions(ctx: RunContext): Promise<number> {
  const versions = [...new Set(RESOURCES.map(apiVersionOf))].sort();
  ctx.io.stdout.write(versions.map((v) => `${v}\n`).join(''));
  return 0;
}

export async function runUseContext(ctx: RunContext): Promise<number> {
  const [name] = ctx.flags.args;
  if (name !== CONTEXT) throw new KubectlError(`no context exists with the name: "${name ?? ''}"`);
  ctx.io.stdout.write(`Switched to context "${CONTEXT}".\n`);
  return 0;
}

/** `config set-context --current --namespace=X`: the session's default namespace (env.namespace). */
export async function runSetContext(ctx: RunContext): Promise<number> {
  const [name] = ctx.flags.args;
  if (!ctx.flags.bool('current') && name !== CONTEXT) {
    throw new KubectlError(`the sandbox has a single context: "${CONTEXT}"`);
  }
  if (ctx.flags.changed('namespace')) ctx.env.namespace = ctx.flags.string('namespace');
  ctx.io.stdout.write(`Context "${CONTEXT}" modified.\n`);
  return 0;
}
