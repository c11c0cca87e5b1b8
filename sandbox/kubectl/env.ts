/** What kubectl talks to: the API server of the sandbox and the pieces behind `logs`/`exec`/`edit`. */
import type { ApiServer } from '../api/server';
import type { VirtualClock } from '../clock/clock';
import type { ContainerRegistry } from '../cluster/containers';
import type { ShellNetwork } from '../shell/net';

/** The editor `kubectl edit` opens: resolves to the saved text, or null when closed without saving. */
export interface EditorHost {
  edit(fileName: string, content: string): Promise<string | null>;
}

export interface KubectlEnv {
  api: ApiServer;
  clock: VirtualClock;
  containers: ContainerRegistry;
  /** The namespace of the current kubeconfig context (`default`). */
  namespace: string;
  /** Set by the site (Monaco) or the headless terminal ($EDITOR semantics); absent: edit fails clearly. */
  editor?: EditorHost;
  /** The cluster network as seen from inside a pod (`kubectl exec POD -- curl ...`). */
  podNetwork?(namespace: string, podName: string): ShellNetwork;
}
