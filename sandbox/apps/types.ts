/**
 * What a simulated container image is: a small program that starts, answers HTTP requests, writes
 * log lines and reacts to SIGTERM. The kubelet runs instances; the network calls them.
 */
export interface HttpRequest {
  method: string;
  /** Path with query, e.g. `/` or `/healthz`. */
  path: string;
  headers: Record<string, string>;
  /** Address of the caller as the app sees it (`::ffff:10.244.1.1` style is up to the network). */
  remoteAddr: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface AppContext {
  /** The container's hostname (the pod name). */
  hostname: string;
  env: Readonly<Record<string, string>>;
  /** Virtual time in epoch ms. */
  now(): number;
  /** Append a line to the container log. */
  log(line: string): void;
  /** The process exits with this code (the kubelet sees the container terminate). */
  exit(code: number): void;
}

export interface AppInstance {
  /** TCP ports the process listens on (connection refused elsewhere). */
  readonly ports: readonly number[];
  /** An HTTP request on one of its ports. */
  handle(req: HttpRequest, port: number): HttpResponse;
  /** SIGTERM: `exit` to stop at once, `ignore` to run until SIGKILL (the grace period). */
  onSigterm(): 'exit' | 'ignore';
  /** `exec` of a command inside the container (probes, `kubectl exec`): exit code and output. */
  exec?(argv: readonly string[]): { code: number; stdout: string; stderr: string };
}

export interface ImageInfo {
  /** Normalised reference, e.g. `docker.io/luksa/kubia:v1`. */
  ref: string;
  digest: string;
  /** Bytes, as the kubelet's Pulled event reports. */
  size: number;
  /** Seconds a first pull takes on a node (cached pulls are immediate). */
  pullSeconds: number;
  /** Start the program in a container. */
  start(ctx: AppContext): AppInstance;
}
