import type { Builtin } from '../context';
import { errorText } from './util';

/** vi, vim, nano, code: open the file in the page's editor; the saved text is written back. */
export const editor: Builtin = async (argv, io, sh) => {
  const name = argv[0];
  const file = argv.slice(1).find((a) => !a.startsWith('-') && !a.startsWith('+'));
  if (!sh.editor) {
    io.stderr.write(`${name}: no editor is available in this terminal\n`);
    return 1;
  }
  if (!file) {
    io.stderr.write(`${name}: give a file name, e.g. ${name} deployment.yaml\n`);
    return 1;
  }
  const path = io.fs.resolve(io.cwd, file);
  if (io.fs.isDirectory(path)) {
    io.stderr.write(`${name}: ${file}: Is a directory\n`);
    return 1;
  }
  const content = io.fs.exists(path) ? io.fs.readFile(path) : '';
  const saved = await sh.editor.edit(file, content);
  if (saved === null) return 0;
  try {
    io.fs.writeFile(path, saved);
  } catch (e) {
    io.stderr.write(`${name}: ${file}: ${errorText(e)}\n`);
    return 1;
  }
  return 0;
};
