/** Parse outcomes other than a command: more input needed, or a syntax error (bash's wording). */

export type IncompleteReason =
  { kind: 'quote'; quote: string } | { kind: 'heredoc'; delim: string } | { kind: 'more' };

/** The input stops inside a construct: the terminal shows the continuation prompt `> `. */
export class Incomplete extends Error {
  constructor(readonly reason: IncompleteReason) {
    super('incomplete input');
    this.name = 'Incomplete';
  }
}

export class ShellSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShellSyntaxError';
  }
}

export function unexpectedToken(token: string): ShellSyntaxError {
  return new ShellSyntaxError(`syntax error near unexpected token \`${token}'`);
}

/** What bash prints when the input ends (Ctrl+D, end of script) inside a construct. */
export function eofMessage(reason: IncompleteReason): string {
  if (reason.kind === 'quote') return `unexpected EOF while looking for matching \`${reason.quote}'`;
  return 'syntax error: unexpected end of file';
}
