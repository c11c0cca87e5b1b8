import { describe, expect, it } from 'vitest';
import {
  baseName,
  editorStrings,
  kubectlErrors,
  languageFor,
  modelPath,
  monacoTheme,
  problemsText,
} from '../../../src/workbench/editor/helpers';
import en from '../../../src/i18n/en/editor';
import ko from '../../../src/i18n/ko/editor';

describe('editor helpers', () => {
  it('gives manifests YAML (and so the Kubernetes schemas), scripts shell, anything else plain text', () => {
    expect(languageFor('/tmp/kubectl-edit-123.yaml')).toBe('yaml');
    expect(languageFor('deploy.YML')).toBe('yaml');
    expect(languageFor('loop.sh')).toBe('shell');
    expect(languageFor('/tmp/kubectl-edit-1.json')).toBe('plaintext');
    expect(languageFor('notes.txt')).toBe('plaintext');
  });

  it('follows the page theme', () => {
    expect(monacoTheme('dark')).toBe('vs-dark');
    expect(monacoTheme('light')).toBe('vs');
    expect(monacoTheme(undefined)).toBe('vs');
  });

  it('keeps each edit in its own model path with the file extension', () => {
    expect(baseName('/tmp/kubectl-edit-42.yaml')).toBe('kubectl-edit-42.yaml');
    expect(baseName('dir/')).toBe('dir');
    expect(modelPath('/tmp/kubectl-edit-42.yaml', 3)).toBe('/edits/3/kubectl-edit-42.yaml');
    expect(modelPath('my file?.yaml', 1)).toBe('/edits/1/my_file_.yaml');
    expect(modelPath('', 2)).toBe('/edits/2/untitled');
  });

  it("reads kubectl's error header of a re-opened edit", () => {
    const reopened = [
      "# Please edit the object below. Lines beginning with a '#' will be ignored,",
      '# and an empty file will abort the edit. If an error occurs while saving this file will be',
      '# reopened with the relevant failures.',
      '#',
      '# deployments.apps "kubia" was not valid:',
      '# * spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      '# * spec.template.spec.containers[0].image: Required value',
      '#',
      'apiVersion: apps/v1',
      '# * not part of the header',
    ].join('\n');
    expect(kubectlErrors(reopened)).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.template.spec.containers[0].image: Required value',
    ]);
    expect(kubectlErrors(reopened.split('\n').slice(0, 4).join('\n') + '\napiVersion: v1')).toEqual([]);
  });

  it('speaks the page language, with placeholders and an English fallback', () => {
    expect(editorStrings('ko')('editor.save')).toBe('저장');
    expect(editorStrings('ko-KR')('editor.problems.many', { n: 3 })).toBe('문제 3개');
    expect(editorStrings('fr')('editor.close')).toBe('Close');
    expect(editorStrings(undefined)('editor.position', { line: 4, col: 7 })).toBe('Ln 4, Col 7');
    const t = editorStrings('en');
    expect([0, 1, 5].map((n) => problemsText(t, n))).toEqual(['No problems', '1 problem', '5 problems']);
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  });
});
