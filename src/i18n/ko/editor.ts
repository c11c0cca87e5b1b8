/** 편집기 패널(Monaco)의 UI 문자열, 한국어. `{name}`, `{n}`, `{line}`, `{col}`은 자리표시자입니다. */
import type en from '../en/editor';

export default {
  'editor.label': '편집기',
  'editor.save': '저장',
  'editor.close': '닫기',
  'editor.keys': 'Ctrl+S 저장 · Esc 닫기 · Ctrl+M 누르면 Tab으로 포커스 이동',
  'editor.loading': '편집기를 불러오는 중…',
  'editor.position': '줄 {line}, 열 {col}',
  'editor.problems.none': '문제 없음',
  'editor.problems.one': '문제 1개',
  'editor.problems.many': '문제 {n}개',
  'editor.modified': '수정됨',
  'editor.saved': '저장됨',
  'editor.kubectlErrors':
    'kubectl이 수정 내용을 적용하지 못했습니다. 맨 위 주석을 보고 고친 뒤 다시 저장하세요.',
  'editor.confirm': '{name}의 저장하지 않은 변경 내용을 버릴까요?',
  'editor.discard': '버리기',
  'editor.keepEditing': '계속 편집',
  'editor.failed': '편집기를 불러오지 못했습니다: {message}',
} satisfies Record<keyof typeof en, string>;
