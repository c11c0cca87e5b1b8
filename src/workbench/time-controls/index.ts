/**
 * Pause, speeds (1x … 10x), skip ahead 10 s / 1 min, and the virtual time. Buttons are real
 * buttons (keyboard reachable); the speed buttons carry `aria-pressed`. The time readout is updated
 * at most once per animation frame.
 */
import type { Workbench } from '../runtime';
import { SPEEDS, type Speed } from '../time';
import { clockText, timeStrings } from './strings';
import './time-controls.css';

export function mountTimeControls(el: HTMLElement, wb: Workbench): () => void {
  const t = timeStrings(document.documentElement.lang || 'en');
  const root = document.createElement('div');
  root.className = 'tc';

  const speeds = document.createElement('div');
  speeds.className = 'tc-group';
  speeds.setAttribute('role', 'group');
  speeds.setAttribute('aria-label', t('time.speeds'));
  const speedButtons = new Map<Speed, HTMLButtonElement>();
  for (const speed of SPEEDS) {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.speed = String(speed);
    if (speed === 0) {
      b.innerHTML =
        '<svg viewBox="0 0 16 16" aria-hidden="true"><rect x="3" y="2" width="3.5" height="12"/><rect x="9.5" y="2" width="3.5" height="12"/></svg>';
      b.setAttribute('aria-label', t('time.pauseLabel'));
      b.title = t('time.pause');
    } else {
      b.textContent = t('time.speed', { n: speed });
      b.setAttribute('aria-label', t('time.speedLabel', { n: speed }));
    }
    b.addEventListener('click', () => wb.time.setSpeed(speed));
    speedButtons.set(speed, b);
    speeds.append(b);
  }

  const skips = document.createElement('div');
  skips.className = 'tc-group';
  const skipButtons: HTMLButtonElement[] = [];
  for (const [seconds, text, label] of [
    [10, t('time.skip10'), t('time.skip10Label')],
    [60, t('time.skip60'), t('time.skip60Label')],
  ] as const) {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.skip = String(seconds);
    b.textContent = text;
    b.setAttribute('aria-label', label);
    b.addEventListener('click', () => void wb.time.skip(seconds));
    skipButtons.push(b);
    skips.append(b);
  }

  const clock = document.createElement('span');
  clock.className = 'tc-clock';
  const label = document.createElement('span');
  label.className = 'tc-label';
  label.textContent = t('time.label');
  const time = document.createElement('time');
  time.dataset.virtualTime = '';
  const state = document.createElement('span');
  state.className = 'tc-state';
  clock.append(label, time, state);

  root.append(speeds, skips, clock);
  el.replaceChildren(root);

  let frame = 0;
  const draw = (): void => {
    frame = 0;
    const now = wb.time.now();
    const text = clockText(now);
    if (time.textContent !== text) {
      time.textContent = text;
      time.dateTime = new Date(now).toISOString();
    }
    for (const [speed, b] of speedButtons) {
      const pressed = String(wb.time.speed === speed);
      if (b.getAttribute('aria-pressed') !== pressed) b.setAttribute('aria-pressed', pressed);
    }
    const skipping = wb.time.isSkipping;
    root.toggleAttribute('data-skipping', skipping);
    const status = skipping ? t('time.skipping') : wb.time.speed === 0 ? t('time.paused') : '';
    if (state.textContent !== status) state.textContent = status;
  };
  const schedule = (): void => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  const off = wb.time.onChange(schedule);
  draw();
  return () => {
    off();
    if (frame) cancelAnimationFrame(frame);
    root.remove();
  };
}
