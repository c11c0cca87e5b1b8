/** UI strings of the editor panel (Monaco), English. `{name}`, `{n}`, `{line}`, `{col}` are placeholders. */
export default {
  'editor.label': 'Editor',
  'editor.save': 'Save',
  'editor.close': 'Close',
  'editor.keys': 'Ctrl+S saves · Esc closes · Ctrl+M makes Tab move focus',
  'editor.loading': 'Loading the editor…',
  'editor.position': 'Ln {line}, Col {col}',
  'editor.problems.none': 'No problems',
  'editor.problems.one': '1 problem',
  'editor.problems.many': '{n} problems',
  'editor.modified': 'Modified',
  'editor.saved': 'Saved',
  'editor.kubectlErrors':
    'kubectl could not apply your edit: see the comment at the top, fix it and save again.',
  'editor.confirm': 'Discard your unsaved changes to {name}?',
  'editor.discard': 'Discard',
  'editor.keepEditing': 'Keep editing',
  'editor.failed': 'The editor could not load: {message}',
} as const;
