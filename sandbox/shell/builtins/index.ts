/** The builtin table: name → implementation. kubectl is registered separately (a Program). */
import type { Builtin } from '../context';
import { cat } from './cat';
import { curl } from './curl';
import { date } from './date';
import { echo } from './echo';
import { editor } from './editor';
import { cd, cp, ls, mkdir, mv, rm, touch } from './files';
import { grep } from './grep';
import { head, tail } from './headtail';
import { help } from './help';
import { history } from './history';
import { fg, jobs, kill, wait } from './jobs';
import { sed } from './sed';
import { sleep } from './sleep';
import { test } from './test';
import { cut, seq, sort, tr, uniq } from './text';
import { timeout } from './timeout';
import { printf } from './printf';
import { read } from './read';
import { tee } from './tee';
import { type, which } from './which';
import { clear, falseCmd, hostname, pwd, trueCmd, whoami } from './trivial';
import { env, exportCmd, local, unset } from './vars';
import { watch } from './watch';
import { wc } from './wc';

export const BUILTINS: Record<string, Builtin> = {
  ':': trueCmd,
  '[': test,
  cat,
  cd,
  clear,
  code: editor,
  cp,
  cut,
  curl,
  date,
  echo,
  env,
  export: exportCmd,
  false: falseCmd,
  fg,
  grep,
  head,
  help,
  history,
  hostname,
  jobs,
  kill,
  local,
  ls,
  mkdir,
  mv,
  nano: editor,
  printf,
  pwd,
  read,
  rm,
  sed,
  seq,
  sort,
  sleep,
  tail,
  tee,
  test,
  timeout,
  touch,
  tr,
  true: trueCmd,
  type,
  unset,
  uniq,
  vi: editor,
  vim: editor,
  wait,
  watch,
  wc,
  which,
  whoami,
};
