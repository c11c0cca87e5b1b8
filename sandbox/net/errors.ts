/**
 * curl's failure texts (curl 8.x, Linux): what `curl` prints on stderr and its exit code.
 *
 * - (6)  `Could not resolve host: <host>`
 * - (7)  `Failed to connect to <host> port <port> after <ms> ms: Couldn't connect to server`
 *        (the peer answered with RST / ICMP port unreachable, e.g. kube-proxy's REJECT rule);
 * - (28) the same sentence after the kernel gave up retrying SYNs (ETIMEDOUT, ~130 s on Linux):
 *        curl keeps the "Couldn't connect to server" text but exits 28;
 * - (28) `... after <ms> ms: Timeout was reached` when `--connect-timeout`/`-m` ran out first;
 * - (52) `Empty reply from server` when the server closed the connection without answering;
 * - (35) TLS handshake against a plain-HTTP port.
 */
export interface CurlError {
  /** curl's exit code. */
  code: number;
  /** The text after `curl: (<code>) `. */
  message: string;
}

/** What the shell prints: `curl: (7) Failed to connect ...`. */
export function formatCurlError(e: CurlError): string {
  return `curl: (${e.code}) ${e.message}`;
}

export function couldNotResolve(host: string): CurlError {
  return { code: 6, message: `Could not resolve host: ${host}` };
}

export function refused(host: string, port: number, ms: number): CurlError {
  return {
    code: 7,
    message: `Failed to connect to ${host} port ${port} after ${ms} ms: Couldn't connect to server`,
  };
}

/** No answer at all: the kernel's SYN retries ran out, or curl's own timeout (`limited`). */
export function timedOut(host: string, port: number, ms: number, limited: boolean): CurlError {
  const why = limited ? 'Timeout was reached' : "Couldn't connect to server";
  return { code: 28, message: `Failed to connect to ${host} port ${port} after ${ms} ms: ${why}` };
}

export function emptyReply(): CurlError {
  return { code: 52, message: 'Empty reply from server' };
}

export function tlsWrongVersion(): CurlError {
  return {
    code: 35,
    message: 'OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number',
  };
}
