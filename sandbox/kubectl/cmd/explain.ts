/** `kubectl explain TYPE[.field...]` from the API server's type schemas (v1.32 plaintext layout). */
import { typeOfKind, elementType } from '../../api/schema';
import type { FieldSchema, TypeSchema } from '../../api/schema';
import { apiVersionOf } from '../../api/resources';
import type { RunContext } from '../commands/types';
import { KubectlError } from '../errors';
import { resolveResource } from '../resolve';

function shortName(ref: string): string {
  return ref.slice(ref.lastIndexOf('.') + 1);
}

function typeLabel(f: FieldSchema): string {
  switch (f.type) {
    case 'ref':
      return shortName(f.ref);
    case 'array':
      return `[]${typeLabel(f.items)}`;
    case 'map':
      return `map[string]${typeLabel(f.values)}`;
    // IntOrString, Quantity and Time are string schemas in the OpenAPI v3 documents.
    case 'int-or-string':
    case 'quantity':
      return 'string';
    case 'any':
      return 'Object';
    default:
      return f.type;
  }
}

/** go-wordwrap at `limit` columns, then every line (and the text end) indented like sprig's indent. */
function wrapIndent(text: string, limit: number, indent: number): string {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(' ').filter((w) => w !== '')) {
      if (line && line.length + 1 + word.length > limit) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  const pad = ' '.repeat(indent);
  return lines.map((l) => pad + l).join('\n');
}

function fieldsBlock(t: TypeSchema): string {
  let out = '';
  for (const [name, f] of Object.entries(t.fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out += `  ${name}\t<${typeLabel(f)}>${t.required?.includes(name) ? ' -required-' : ''}`;
    if (f.type === 'string' && f.enum?.length) {
      const shown = f.enum.slice(0, 4).map((e) => (e === '' ? '""' : e));
      out += `\n  enum: ${shown.join(', ')}${f.enum.length > 4 ? ', ....' : ''}`;
    }
    out += `\n${wrapIndent(f.description || '<no description>', 76, 4)}\n\n`;
  }
  return out;
}

export async function runExplain(ctx: RunContext): Promise<number> {
  const [arg] = ctx.flags.args;
  if (!arg) {
    throw new KubectlError(
      'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  }
  const [typeWord, ...path] = arg.split('.');
  const r = resolveResource(typeWord);
  let t = typeOfKind(apiVersionOf(r), r.kind);
  if (!t) throw new KubectlError(`couldn't find resource for "${arg}"`);
  let out = `${r.group ? `GROUP:      ${r.group}\n` : ''}KIND:       ${r.kind}\nVERSION:    ${r.version}\n\n`;
  let description = t.description ? `${t.description}\n` : '';
  for (let i = 0; i < path.length; i++) {
    const field: FieldSchema | undefined = t?.fields[path[i]];
    if (!field) throw new KubectlError(`field "${path[path.length - 1]}" does not exist`);
    t = elementType(field);
    if (i === path.length - 1) {
      out += `FIELD: ${path[i]} <${typeLabel(field)}>\n`;
      if (field.type === 'string' && field.enum?.length) {
        out += `ENUM:${field.enum.map((e) => `\n    ${e === '' ? '""' : e}`).join('')}`;
      }
      out += '\n\n';
      description = [field.description, t?.description]
        .filter((x): x is string => Boolean(x))
        .map((x) => `${x}\n`)
        .join('');
    }
  }
  out += `DESCRIPTION:\n${wrapIndent(description || '<empty>', 76, 4)}\n`;
  if (t && Object.keys(t.fields).length) out += `FIELDS:\n${fieldsBlock(t)}`;
  ctx.io.stdout.write(`${out}\n`);
  return 0;
}
