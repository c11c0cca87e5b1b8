import type { Builtin } from '../context';
import { chunksOf, errorText } from './util';

/** cat FILE... (`-` or none: stdin, streamed as it arrives). */
export const cat: Builtin = async (argv, io) => {
  const files = argv.slice(1).filter((a) => a === '-' || !a.startsWith('-'));
  let code = 0;
  for (const f of files.length ? files : ['-']) {
    if (f === '-') {
      for await (const chunk of chunksOf(io.stdin)) io.stdout.write(chunk);
      continue;
    }
    try {
      io.stdout.write(io.fs.readFile(io.fs.resolve(io.cwd, f)));
    } catch (e) {
      io.stderr.write(`cat: ${f}: ${errorText(e)}\n`);
      code = 1;
    }
  }
  return code;
};
