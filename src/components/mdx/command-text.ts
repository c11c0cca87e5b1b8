/**
 * The command a shell code block sends to the terminal: the block's text without the final newline,
 * and without `$ ` prompts when every command line carries one (output lines would then be the
 * lines without a prompt, which are dropped).
 */
export function commandText(block: string): string {
  const lines = block.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const prompted = lines.filter((l) => /^\$ /.test(l));
  if (prompted.length > 0 && /^\$ /.test(lines[0])) return prompted.map((l) => l.slice(2)).join('\n');
  return lines.join('\n');
}
