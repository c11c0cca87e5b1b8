/** The task list's behaviour (browser only); markup in TaskList.astro. */
import { workbench, type Workbench } from '../../workbench/runtime';
import { clearLesson, doneTasks, markDone } from '../../lessons/progress';
import { readProgress, writeProgress } from '../progress-client';

interface Labels {
  done: string;
  todo: string;
  announce: string;
  allDone: string;
  confirm: string;
  running: string;
  nextHint: string;
}

export function setupTaskList(root: HTMLElement): void {
  const lesson = root.dataset.lesson ?? '';
  const labels = JSON.parse(root.dataset.labels ?? '{}') as Labels;
  const solution = JSON.parse(root.dataset.solution ?? '[]') as string[];
  const items = [...root.querySelectorAll<HTMLLIElement>('li[data-task]')];
  // The count shows in the list's heading and in the link to it under the lesson title.
  const counts = document.querySelectorAll<HTMLElement>('[data-task-count]');
  const announcer = root.querySelector<HTMLElement>('[data-task-announcer]');

  const titleOf = (item: HTMLElement): string =>
    item.querySelector('.title > span:first-child')?.textContent?.trim() ?? '';

  function render(done: ReadonlySet<string>): void {
    for (const item of items) {
      const isDone = done.has(item.dataset.task ?? '');
      item.dataset.done = String(isDone);
      const status = item.querySelector('[data-task-status]');
      if (status) status.textContent = `(${isDone ? labels.done : labels.todo})`;
    }
    const text = `${items.filter((i) => i.dataset.done === 'true').length}/${items.length}`;
    for (const count of counts) count.textContent = text;
  }

  function announce(text: string): void {
    if (!announcer) return;
    // Re-setting the same text is not re-read; clear first.
    announcer.textContent = '';
    requestAnimationFrame(() => (announcer.textContent = text));
  }

  render(doneTasks(readProgress(), lesson));

  // Hints: one more each click.
  for (const item of items) {
    const button = item.querySelector<HTMLButtonElement>('button[data-hint-next]');
    const hints = [...item.querySelectorAll<HTMLElement>('[data-hint]')];
    if (!button || hints.length === 0) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      const next = hints.find((h) => h.hidden);
      if (!next) return;
      next.hidden = false;
      button.textContent = labels.nextHint;
      if (!hints.some((h) => h.hidden)) {
        button.hidden = true;
        next.setAttribute('tabindex', '-1');
        next.focus();
      }
    });
  }

  function onStates(states: ReadonlyMap<string, boolean>, initial: boolean): void {
    let progress = readProgress();
    const before = doneTasks(progress, lesson);
    const newly: HTMLElement[] = [];
    for (const item of items) {
      const id = item.dataset.task ?? '';
      if (states.get(id) && !before.has(id)) {
        progress = markDone(progress, lesson, id);
        newly.push(item);
      }
    }
    if (newly.length === 0) return;
    writeProgress(progress);
    const done = doneTasks(progress, lesson);
    render(done);
    if (initial) return;
    const messages = newly.map((item) => labels.announce.replace('{title}', titleOf(item)));
    if (items.every((i) => done.has(i.dataset.task ?? ''))) messages.push(labels.allDone);
    announce(messages.join(' '));
  }

  const showMe = root.querySelector<HTMLButtonElement>('button[data-show-me]');
  const reset = root.querySelector<HTMLButtonElement>('button[data-reset-lesson]');

  async function replay(wb: Workbench): Promise<void> {
    if (!showMe) return;
    showMe.disabled = true;
    showMe.textContent = labels.running;
    document.dispatchEvent(new CustomEvent('rollout-lab:reveal-workbench'));
    try {
      for (const command of solution) await wb.runInTerminal(command);
    } finally {
      showMe.disabled = false;
      showMe.textContent = showMe.dataset.label ?? '';
    }
  }

  async function resetLesson(wb: Workbench): Promise<void> {
    if (!reset) return;
    reset.disabled = true;
    try {
      writeProgress(clearLesson(readProgress(), lesson));
      render(new Set());
      await wb.reset();
    } finally {
      reset.disabled = false;
    }
  }

  // The buttons work as soon as they are clicked; they wait for the workbench if it is still starting.
  showMe?.addEventListener('click', () => void workbench().then(replay));
  reset?.addEventListener('click', () => {
    if (confirm(labels.confirm)) void workbench().then(resetLesson);
  });

  void workbench().then((wb) => {
    onStates(wb.taskState, true);
    wb.taskStates.on((states) => onStates(states, false));
  });
}
