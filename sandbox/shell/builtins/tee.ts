/** `tee [-a] FILE...`: stdin to stdout and to each file, streamed. */
import type { Builtin } from '../context';
import { chunksOf, errorText } from './util';

export const tee: Builtin = async (argv, io) => {
  const append = argv.includes('-a') || argv.includes('--append');
  const files = argv.slice(1).filter((a) => !a.startsWith('-'));
  let code = 0;
  const paths: string[] = [];
  for (const f of files) {
    const p = io.fs.resolve(io.cwd, f);
    try {
      if (!append || !io.fs.exists(p)) io.fs.writeFile(p, '');
      paths.push(p);
    } catch (e) {
      io.stderr.write(`tee: ${f}: ${errorText(e)}\n`);
      code = 1;
    }
  }
  for await (const chunk of chunksOf(io.stdin)) {
    io.stdout.write(chunk);
    for (const p of paths) io.fs.appendFile(p, chunk);
  }
  return code;
};
