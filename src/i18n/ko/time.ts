import type en from '../en/time';

/** 시간 컨트롤 문자열. */
const ko: Record<keyof typeof en, string> = {
  'time.label': '가상 시간',
  'time.pause': '일시 중지',
  'time.speed': '{n}×',
  'time.speedLabel': '{n}배속으로 실행',
  'time.pauseLabel': '가상 시간 일시 중지',
  'time.skip10': '+10초',
  'time.skip60': '+1분',
  'time.skip10Label': '10초 건너뛰기',
  'time.skip60Label': '1분 건너뛰기',
  'time.speeds': '속도',
  'time.paused': '일시 중지됨',
  'time.skipping': '건너뛰는 중…',
};
export default ko;
