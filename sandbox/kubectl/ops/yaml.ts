/**
 * Reading what the user saved in `kubectl edit`: YAML (or JSON), with errors worded like
 * go-yaml's (`yaml: line N: ...`). Printing uses the shared printers (printers/yaml, printers/json).
 */
import { YAMLParseError, parse } from 'yaml';

export class YamlSyntaxError extends Error {}

/** Parse YAML (or JSON); errors as `yaml: line N: <what>`. */
export function parseYaml(text: string): unknown {
  try {
    return parse(text, { version: '1.1', uniqueKeys: false }) as unknown;
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const line = e.linePos?.[0]?.line ?? 0;
      const what =
        e.code === 'BLOCK_AS_IMPLICIT_KEY' || /Nested mappings/.test(e.message)
          ? 'mapping values are not allowed in this context'
          : e.code === 'BAD_INDENT'
            ? 'did not find expected key'
            : e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      throw new YamlSyntaxError(`yaml: line ${line}: ${what}`);
    }
    throw e;
  }
}
