/**
 * The cluster picture in the DOM: Deployment cards holding their ReplicaSet boxes, bare
 * controllers, orphan pods and Services. Every node is keyed (by object name) and updated in place,
 * so a rollout animates chip by chip instead of re-rendering the whole view.
 */
import { versionColor } from './colors';
import { el, reconcile, setAttr, setData, setText } from './dom';
import type { ClusterSnapshot, ControllerView, DeploymentView, PodView, ServiceView } from './snapshot';
import type { Strings } from './strings';

/** A short mark inside each chip so states differ by more than colour and outline. */
const GLYPH: Record<PodView['state'], string> = {
  pending: '…',
  creating: '+',
  running: '○',
  ready: '✓',
  terminating: '×',
  failing: '!',
  succeeded: '–',
};

export class ClusterView {
  readonly root: HTMLElement;
  private readonly deployments: HTMLElement;
  private readonly controllers: HTMLElement;
  private readonly orphans: HTMLElement;
  private readonly services: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly deploymentNodes = new Map<string, HTMLElement>();
  private readonly controllerNodes = new Map<string, HTMLElement>();
  private readonly serviceNodes = new Map<string, HTMLElement>();
  private readonly orphanChips = new Map<string, HTMLElement>();
  /** Every pod chip on screen by pod name (for lighting up the pod that answered a curl). */
  private readonly chips = new Map<string, HTMLElement>();
  private readonly endpointDots = new Map<string, HTMLElement[]>();

  constructor(private readonly s: Strings) {
    this.root = el('div', 'cv-objects');
    this.empty = el('p', 'cv-empty', s('cluster.empty'));
    this.deployments = el('div', 'cv-deployments');
    this.controllers = el('div', 'cv-controllers');
    this.orphans = el('div', 'cv-box cv-orphans');
    this.services = el('div', 'cv-services');
    this.root.append(this.empty, this.deployments, this.controllers, this.orphans, this.services);
  }

  update(snap: ClusterSnapshot): void {
    this.chips.clear();
    this.endpointDots.clear();
    const versions = new Map<string, string>();
    reconcile(
      this.deployments,
      snap.deployments,
      (d) => d.name,
      (d) => this.createDeployment(d),
      (n, d) => this.updateDeployment(n, d, versions),
      this.deploymentNodes,
    );
    reconcile(
      this.controllers,
      snap.controllers,
      (c) => `${c.kind}/${c.name}`,
      (c) => this.createController(c),
      (n, c) => this.updateController(n, c, versions),
      this.controllerNodes,
    );
    this.updateOrphans(snap, versions);
    reconcile(
      this.services,
      snap.services,
      (x) => x.name,
      (x) => this.createService(x),
      (n, x) => this.updateService(n, x, versions),
      this.serviceNodes,
    );
    this.empty.hidden =
      snap.deployments.length + snap.controllers.length + snap.orphanCount + snap.services.length > 0;
  }

  /** The chip of a pod, and the endpoint dots of the Services routing to it. */
  nodesOf(pod: string): HTMLElement[] {
    const chip = this.chips.get(pod);
    return [...(chip ? [chip] : []), ...(this.endpointDots.get(pod) ?? [])];
  }

  // ---- Deployments ----------------------------------------------------------------------------

  private createDeployment(d: DeploymentView): HTMLElement {
    const card = el('article', 'cv-deployment');
    card.dataset.deployment = d.name;
    const head = el('header', 'cv-head');
    head.append(
      el('span', 'cv-kind', this.s('cluster.deployment')),
      el('strong', 'cv-name', d.name),
      el('span', 'cv-badge cv-rev'),
      el('span', 'cv-badge cv-strategy'),
      el('span', 'cv-badge cv-paused', this.s('cluster.paused')),
      el('span', 'cv-counts'),
    );
    card.append(head, el('div', 'cv-rs-list'));
    return card;
  }

  private updateDeployment(card: HTMLElement, d: DeploymentView, versions: Map<string, string>): void {
    const q = (c: string): HTMLElement => card.querySelector<HTMLElement>(c)!;
    setText(q('.cv-rev'), this.s('cluster.revision', { n: d.revision ?? '-' }));
    setText(q('.cv-strategy'), d.strategy);
    q('.cv-paused').hidden = !d.paused;
    setText(
      q('.cv-counts'),
      this.s('cluster.deploymentCounts', {
        updated: d.updated,
        replicas: d.replicas,
        ready: d.ready,
        available: d.available,
      }),
    );
    const list = q('.cv-rs-list');
    reconcile(
      list,
      d.replicaSets,
      (r) => r.name,
      (r) => this.createController(r),
      (n, r) => {
        this.updateController(n, r, versions);
        n.classList.toggle('cv-new', r.name === d.newReplicaSet);
      },
      this.rsCache(card),
    );
  }

  private readonly rsCaches = new WeakMap<HTMLElement, Map<string, HTMLElement>>();
  private rsCache(card: HTMLElement): Map<string, HTMLElement> {
    let m = this.rsCaches.get(card);
    if (!m) {
      m = new Map();
      this.rsCaches.set(card, m);
    }
    return m;
  }

  // ---- ReplicaSets and ReplicationControllers -------------------------------------------------

  private createController(c: ControllerView): HTMLElement {
    const box = el('section', 'cv-box cv-rs');
    if (c.kind === 'ReplicaSet') box.dataset.replicaset = c.name;
    else box.dataset.replicationcontroller = c.name;
    const head = el('header', 'cv-head');
    head.append(
      el('span', 'cv-swatch'),
      el(
        'span',
        'cv-kind',
        this.s(c.kind === 'ReplicaSet' ? 'cluster.replicaset' : 'cluster.replicationcontroller'),
      ),
      el('strong', 'cv-name', c.name),
      el('span', 'cv-badge cv-rev'),
      el('span', 'cv-badge cv-version'),
      el('span', 'cv-counts'),
    );
    const chips = el('div', 'cv-chips');
    box.append(head, chips);
    return box;
  }

  private updateController(box: HTMLElement, c: ControllerView, versions: Map<string, string>): void {
    const q = (sel: string): HTMLElement => box.querySelector<HTMLElement>(sel)!;
    box.style.setProperty('--chip', versionColor(c.version));
    const rev = q('.cv-rev');
    rev.hidden = c.revision === undefined;
    setText(rev, this.s('cluster.revision', { n: c.revision ?? '' }));
    setText(q('.cv-version'), c.version);
    setText(
      q('.cv-counts'),
      this.s('cluster.counts', {
        desired: c.desired,
        current: c.current,
        ready: c.ready,
        available: c.available,
      }),
    );
    box.classList.toggle('cv-idle', c.desired === 0 && c.pods.length === 0);
    this.updateChips(q('.cv-chips'), c.pods, c.more, this.chipCache(box), versions);
  }

  private readonly chipCaches = new WeakMap<HTMLElement, Map<string, HTMLElement>>();
  private chipCache(box: HTMLElement): Map<string, HTMLElement> {
    let m = this.chipCaches.get(box);
    if (!m) {
      m = new Map();
      this.chipCaches.set(box, m);
    }
    return m;
  }

  private updateChips(
    parent: HTMLElement,
    pods: readonly PodView[],
    more: number,
    cache: Map<string, HTMLElement>,
    versions: Map<string, string>,
  ): void {
    reconcile(
      parent,
      pods,
      (p) => p.name,
      (p) => {
        const chip = el('span', 'cv-chip');
        chip.dataset.pod = p.name;
        return chip;
      },
      (chip, p) => {
        versions.set(p.name, p.version);
        this.chips.set(p.name, chip);
        setData(chip, 'state', p.state);
        setData(chip, 'version', p.version);
        chip.style.setProperty('--chip', versionColor(p.version));
        setText(chip, GLYPH[p.state]);
        setAttr(
          chip,
          'title',
          this.s('pod.title', {
            name: p.name,
            image: p.image,
            state: this.s(`state.${p.state}`),
            reason: p.reason && p.state !== 'ready' ? ` (${p.reason})` : '',
            ip: p.ip ?? '-',
            node: p.node ?? '-',
          }),
        );
      },
      cache,
    );
    let extra = parent.nextElementSibling as HTMLElement | null;
    if (more > 0) {
      if (!extra?.classList.contains('cv-more')) {
        extra = el('span', 'cv-more');
        parent.after(extra);
      }
      setText(extra, this.s('cluster.more', { n: more }));
    } else if (extra?.classList.contains('cv-more')) extra.remove();
  }

  private updateOrphans(snap: ClusterSnapshot, versions: Map<string, string>): void {
    this.orphans.hidden = snap.orphanCount === 0;
    if (!this.orphans.firstChild) {
      const head = el('header', 'cv-head');
      head.append(el('span', 'cv-kind', this.s('cluster.pods')));
      this.orphans.append(head, el('div', 'cv-chips'));
    }
    const chips = this.orphans.querySelector<HTMLElement>('.cv-chips')!;
    this.updateChips(chips, snap.orphans, snap.orphanCount - snap.orphans.length, this.orphanChips, versions);
  }

  // ---- Services -------------------------------------------------------------------------------

  private createService(x: ServiceView): HTMLElement {
    const box = el('section', 'cv-box cv-service');
    box.dataset.service = x.name;
    const head = el('header', 'cv-head');
    head.append(
      el('span', 'cv-kind', this.s('cluster.service')),
      el('strong', 'cv-name', x.name),
      el('span', 'cv-badge cv-type'),
      el('span', 'cv-ip'),
    );
    const route = el('div', 'cv-route');
    route.append(el('code', 'cv-selector'), el('span', 'cv-arrow', '→'), el('span', 'cv-endpoints'));
    box.append(head, route);
    return box;
  }

  private readonly dotCaches = new WeakMap<HTMLElement, Map<string, HTMLElement>>();

  private updateService(box: HTMLElement, x: ServiceView, versions: Map<string, string>): void {
    const q = (sel: string): HTMLElement => box.querySelector<HTMLElement>(sel)!;
    setText(q('.cv-type'), x.type);
    const ip =
      x.externalIP !== undefined
        ? this.s('cluster.externalIP', { ip: x.externalIP })
        : x.type === 'LoadBalancer'
          ? this.s('cluster.pendingIP')
          : (x.clusterIP ?? '');
    setText(q('.cv-ip'), ip);
    setText(q('.cv-selector'), x.selector || '—');
    const endpoints = q('.cv-endpoints');
    let cache = this.dotCaches.get(endpoints);
    if (!cache) {
      cache = new Map();
      this.dotCaches.set(endpoints, cache);
    }
    const names = [...x.routesTo].sort();
    endpoints.classList.toggle('cv-none', names.length === 0);
    setAttr(endpoints, 'data-empty-label', this.s('cluster.noEndpoints'));
    reconcile(
      endpoints,
      names,
      (n) => n,
      (n) => {
        const dot = el('span', 'cv-dot');
        dot.dataset.endpoint = n;
        return dot;
      },
      (dot, n) => {
        const v = versions.get(n);
        dot.style.setProperty('--chip', v ? versionColor(v) : 'var(--muted)');
        setAttr(dot, 'title', `${n}${v ? ` (${v})` : ''}`);
        const list = this.endpointDots.get(n);
        if (list) list.push(dot);
        else this.endpointDots.set(n, [dot]);
      },
      cache,
    );
  }
}
