/**
 * What a simulated container image is: a small program that starts, answers HTTP requests, writes
 * log lines and reacts to SIGTERM. The kubelet runs instances; the network calls them.
 */
export interface HttpRequest {
  method: string;
  /** Path with query, e.g. `/` or `/healthz`. */
  path: string;
  headers: Record<string, string>;
  /**
   * Address of the caller. A plain IPv4 address (`10.244.1.1`) is fine: apps that print it the
   * way Node.js does (`::ffff:10.244.1.1`) add the prefix themselves.
   */
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
  /** The pod's IP (what the process sees on eth0). */
  podIP: string;
  /** The process's argv: the container's command and args, or the image's entrypoint and cmd. */
  argv: readonly string[];
  env: Readonly<Record<string, string>>;
  /** Virtual time in epoch ms. */
  now(): number;
  /** Append a line to the container log. */
  log(line: string): void;
  /** The process exits with this code (the kubelet sees the container terminate). */
  exit(code: number): void;
  /** Run `fn` after `seconds` of virtual time, unless the process has stopped by then. */
  after(seconds: number, fn: () => void): void;
}

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface AppInstance {
  /** TCP ports the process listens on (connection refused elsewhere). */
  readonly ports: readonly number[];
  /** An HTTP request on one of its ports. */
  handle(req: HttpRequest, port: number): HttpResponse;
  /** SIGTERM: `exit` to stop at once, `ignore` to run until SIGKILL (the grace period). */
  onSigterm(): 'exit' | 'ignore';
  /** `exec` of a command inside the container (probes, `kubectl exec`): exit code and output. */
  exec?(argv: readonly string[]): ExecResult;
  /** Network tools the image ships that `kubectl exec` runs against the cluster network (`curl`). */
  readonly tools?: readonly string[];
}

/** A program an image runs. */
export type AppFactory = (ctx: AppContext) => AppInstance;

export interface ImageInfo {
  /** Normalised reference, e.g. `docker.io/luksa/kubia:v1`. */
  ref: string;
  /** `sha256:<64 hex>` of the manifest (the kubelet shows `<repo>@<digest>` as imageID). */
  digest: string;
  /** Bytes, as the kubelet's Pulled event reports. */
  size: number;
  /** Seconds a first pull takes on a node (a pull of an image already present is fast). */
  pullSeconds: number;
  /** The image's ENTRYPOINT + CMD, used when the container sets neither command nor args. */
  entrypoint: readonly string[];
  cmd: readonly string[];
  /** Start the program in a container. */
  start: AppFactory;
}

/** The answer of the registry for a reference: the image, or the runtime's pull error text. */
export type ImageLookup =
  { ok: true; image: ImageInfo } | { ok: false; reason: 'ErrImagePull' | 'InvalidImageName'; error: string };
