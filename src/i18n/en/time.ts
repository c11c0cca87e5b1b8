/** Strings of the time controls. */
export default {
  'time.label': 'Virtual time',
  'time.pause': 'Pause',
  'time.speed': '{n}×',
  'time.speedLabel': 'Run at {n}× speed',
  'time.pauseLabel': 'Pause virtual time',
  'time.skip10': '+10 s',
  'time.skip60': '+1 min',
  'time.skip10Label': 'Skip ahead 10 seconds',
  'time.skip60Label': 'Skip ahead 1 minute',
  'time.speeds': 'Speed',
  'time.paused': 'paused',
  'time.skipping': 'skipping…',
} as const;
