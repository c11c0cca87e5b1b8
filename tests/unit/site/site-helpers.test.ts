import { describe, expect, it } from 'vitest';
import { localePath, localeOfPath, t } from '../../../src/i18n';
import en from '../../../src/i18n/en/site';
import ko from '../../../src/i18n/ko/site';
import { neighbours, parseLessonId, sortLessons } from '../../../src/lessons/lesson-ref';
import { commandText } from '../../../src/components/mdx/command-text';
import { inlineMarkdown } from '../../../src/components/inline-markdown';

describe('locale paths', () => {
  it('puts Korean under /ko/ and keeps trailing slashes', () => {
    expect(localePath('en', '/')).toBe('/');
    expect(localePath('ko', '/')).toBe('/ko/');
    expect(localePath('en', '/lessons/deployments/')).toBe('/lessons/deployments/');
    expect(localePath('ko', 'lessons/deployments')).toBe('/ko/lessons/deployments/');
    expect(localeOfPath('/ko/lessons/')).toBe('ko');
    expect(localeOfPath('/kong/')).toBe('en');
  });

  it('fills placeholders and has every English string in Korean', () => {
    expect(t('en', 'list.progress', { done: 2, total: 3 })).toBe('2 of 3 tasks done');
    expect(t('ko', 'list.progress', { done: 2, total: 3 })).toBe('과제 3개 중 2개 완료');
    for (const key of Object.keys(en)) expect(ko[key as keyof typeof ko], key).toBeTruthy();
  });
});

describe('lesson ids and order', () => {
  it('derives the locale and the slug from the file name', () => {
    expect(parseLessonId('en/01-meet-the-cluster')).toEqual({ locale: 'en', slug: 'meet-the-cluster' });
    expect(parseLessonId('ko/10-canary')).toEqual({ locale: 'ko', slug: 'canary' });
    expect(parseLessonId('fr/01-x')).toBeUndefined();
    expect(parseLessonId('en/sub/01-x')).toBeUndefined();
  });

  it('orders by `order` and finds previous and next', () => {
    const l = (slug: string, order: number) => ({ slug, entry: { data: { order } } });
    const sorted = sortLessons([l('c', 3), l('a', 1), l('b', 2)]);
    expect(sorted.map((x) => x.slug)).toEqual(['a', 'b', 'c']);
    expect(neighbours(sorted, 'a')).toEqual({ prev: undefined, next: sorted[1] });
    expect(neighbours(sorted, 'c')).toEqual({ prev: sorted[1], next: undefined });
    expect(neighbours(sorted, 'zzz')).toEqual({});
  });
});

describe('code block commands', () => {
  it('sends a multi-line block whole, without the final newline', () => {
    expect(commandText('kubectl get po\nkubectl get svc\n')).toBe('kubectl get po\nkubectl get svc');
  });

  it('drops $ prompts and the output lines of a transcript', () => {
    expect(commandText('$ kubectl get po\nNAME   READY\n$ kubectl get svc\n')).toBe(
      'kubectl get po\nkubectl get svc',
    );
  });

  it('keeps a command that only contains a dollar sign', () => {
    expect(commandText('echo $HOME\n')).toBe('echo $HOME');
  });
});

describe('inline markdown of task titles and hints', () => {
  it('renders code spans and emphasis, escaping everything else', () => {
    expect(inlineMarkdown('Scale `kubia` to **5** <pods>')).toBe(
      'Scale <code>kubia</code> to <strong>5</strong> &lt;pods&gt;',
    );
    expect(inlineMarkdown('`a*b*c` and *this*')).toBe('<code>a*b*c</code> and <em>this</em>');
    expect(inlineMarkdown('`<script>`')).toBe('<code>&lt;script&gt;</code>');
  });
});
