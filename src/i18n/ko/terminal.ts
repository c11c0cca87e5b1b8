import type en from '../en/terminal';

const ko: Record<keyof typeof en, string> = {
  'terminal.region': '터미널',
  'terminal.tabs': '터미널 창',
  'terminal.pane': '터미널 {n}',
  'terminal.add': '+ 창',
  'terminal.addLabel': '터미널 창 하나 더 열기',
  'terminal.close': '터미널 {n} 닫기',
  'terminal.split': '분할',
  'terminal.splitLabel': '모든 터미널 창을 한꺼번에 보기',
  'terminal.screenReader': '스크린 리더',
  'terminal.screenReaderLabel': '터미널의 스크린 리더 모드',
  'terminal.hint':
    'Tab으로 자동 완성, Shift+Tab으로 터미널에서 나갑니다. Ctrl+Shift+C로 복사, Ctrl+V로 붙여넣기.',
  'terminal.hintScreenReader': 'Tab과 Shift+Tab으로 터미널에서 나갑니다. 자동 완성은 Ctrl+I입니다.',
  'terminal.input': '터미널 입력',
  'terminal.tooMuchOutput': '출력이 너무 많아 읽어 줄 수 없습니다. 행을 직접 이동하며 읽으세요',
  'terminal.reset': '[레슨을 초기화했습니다. 이 터미널은 이제 새 클러스터에 연결되어 있습니다.]',
  'terminal.exit': '[셸이 종료되어 새 셸을 시작했습니다.]',
  'terminal.loading': '터미널을 시작하는 중…',
};
export default ko;
