import { describe, expect, it } from 'vitest';
import { toYaml } from '../../../sandbox/kubectl/printers/yaml';
import { toJson } from '../../../sandbox/kubectl/printers/json';

describe('YAML scalars like go-yaml v2 (§4.2)', () => {
  it.each([
    ['true', '"true"'],
    ['null', '"null"'],
    ['123', '"123"'],
    ['1.5', '"1.5"'],
    ['', '""'],
    ['yes', '"yes"'],
    ['on', '"on"'],
    ['y', '"y"'],
    ['No', '"No"'],
    ['~', '"~"'],
    ['2024-01-01', '"2024-01-01"'],
    ['1e3', '"1e3"'],
    ['08', '"08"'],
    ['.5', '".5"'],
    ['0x1F', '"0x1F"'],
    ['1_000', '"1_000"'],
    ['+1', '"+1"'],
    ['.inf', '".inf"'],
    ['2026-11-26T22:49:47Z', '"2026-11-26T22:49:47Z"'],
    ['a: b', "'a: b'"],
    ['*star', "'*star'"],
    [' lead', "' lead'"],
    ['trail ', "'trail '"],
    ['#hash', "'#hash'"],
    ['a #b', "'a #b'"],
    ['-', "'-'"],
    ['- x', "'- x'"],
    ['@at', "'@at'"],
    ['`bt', "'`bt'"],
    ['{x}', "'{x}'"],
    ['[x]', "'[x]'"],
    ['%pct', "'%pct'"],
    ['!bang', "'!bang'"],
    ['&amp', "'&amp'"],
    ['|pipe', "'|pipe'"],
    ['>gt', "'>gt'"],
    [',c', "',c'"],
    ['k: ', "'k: '"],
    ["it's", "it's"],
    ['say "hi"', 'say "hi"'],
    ['?q', '?q'],
    ['a:b', 'a:b'],
    ['=', '='],
    ['25%', '25%'],
    ['luksa/kubia:v1', 'luksa/kubia:v1'],
    ['ünï', 'ünï'],
    ['tab\there', '"tab\\there"'],
  ])('%j → %s', (input, want) => {
    expect(toYaml({ v: input })).toBe(`v: ${want}\n`);
  });

  it('natural key order, lists at the parent indentation, empty containers', () => {
    expect(toYaml({ s10: 1, s2: 2, s1: 3, l: [{ a: 1, b: [] }], m: {} })).toBe(
      'l:\n- a: 1\n  b: []\nm: {}\ns1: 3\ns2: 2\ns10: 1\n',
    );
  });

  it('literal blocks and folding at 80 columns', () => {
    expect(toYaml({ a: { b: '{"x":1}\n' } })).toBe('a:\n  b: |\n    {"x":1}\n');
    expect(toYaml({ a: 'x\ny' })).toBe('a: |-\n  x\n  y\n');
    expect(
      toYaml({
        metadata: {
          annotations: {
            'kubernetes.io/change-cause':
              'kubectl apply --filename=manifests/kubia-deployment-v1.yaml --record=true',
          },
        },
      }),
    ).toBe(
      'metadata:\n  annotations:\n    kubernetes.io/change-cause: kubectl apply --filename=manifests/kubia-deployment-v1.yaml\n      --record=true\n',
    );
  });

  it('JSON: 4 spaces, sorted keys, HTML escaping', () => {
    expect(toJson({ b: '<a&b>', a: [], c: {} })).toBe(
      '{\n    "a": [],\n    "b": "\\u003ca\\u0026b\\u003e",\n    "c": {}\n}\n',
    );
  });
});
