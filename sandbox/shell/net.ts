/**
 * What `curl` needs from the network: one HTTP request, answered or failed with curl's exit code
 * and message. The session adapts the cluster network (`sandbox/net`) to this; tests pass fakes.
 */
export interface HttpRequestSpec {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** curl's `-m` (whole operation) in milliseconds; omitted: no limit of curl's own. */
  timeoutMs?: number;
}

export type HttpOutcome =
  | {
      ok: true;
      status: number;
      /** Reason phrase; omitted: the standard one for `status`. */
      statusText?: string;
      headers: Record<string, string>;
      body: string;
      /** The address connected to (for `-v`): defaults to the URL's host. */
      remoteAddr?: string;
    }
  /** `exitCode` and `message` as curl prints them: `curl: (7) <message>`. */
  | { ok: false; exitCode: number; message: string };

export interface ShellNetwork {
  request(req: HttpRequestSpec): Promise<HttpOutcome>;
}
