import type en from '../en/site';

const ko: Record<keyof typeof en, string> = {
  'site.title': 'Rollout Lab',
  'site.tagline':
    '브라우저 안에서 실행되는 시뮬레이션 클러스터로 쿠버네티스의 애플리케이션 업데이트를 배웁니다.',
  'home.start': '첫 번째 레슨 시작하기',
  'home.what':
    '레플리케이션컨트롤러를 직접 업데이트하고, 예전 방식인 rolling-update를 써 본 다음, 디플로이먼트를 롤아웃하고 롤백하며, maxSurge와 maxUnavailable을 조정하고, 레디니스 프로브로 잘못된 릴리스를 멈추고, 블루/그린 방식으로 트래픽을 전환합니다.',
  'home.offline':
    '계정도 VM도 필요 없습니다. 클러스터, kubectl, 터미널이 모두 이 탭 안에서, 오프라인에서도 동작합니다.',
  'nav.language': 'English',
};
export default ko;
