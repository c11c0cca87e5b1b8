import { describe, expect, it } from 'vitest';
import { charWidth, layout, LineRenderer, stringWidth } from '../../../src/workbench/terminal/layout';
import { Vt } from './vt';

describe('character widths (xterm Unicode 6)', () => {
  it.each([
    ['a', 1],
    ['가', 2],
    ['힣', 2],
    ['ㄱ', 2],
    ['漢', 2],
    ['ｱ', 1],
    ['Ａ', 2],
    ['é', 1],
    ['\u0301', 0],
    ['\u200b', 0],
  ])('%s is %i cells', (ch, w) => {
    expect(charWidth(ch)).toBe(w);
  });

  it('strings add up', () => {
    expect(stringWidth('$ 안녕 hi')).toBe(2 + 4 + 3);
  });
});

describe('layout', () => {
  it('a wide character that does not fit in the last column starts the next row', () => {
    const l = layout([...'$ 가나다라'], 0, 9);
    expect(l.starts.map((c) => `${c.row}:${c.col}`)).toEqual(['0:0', '0:1', '0:2', '0:4', '0:6', '1:0']);
    expect(l.end).toEqual({ row: 1, col: 2 });
    expect(l.pendingWrap).toBe(false);
  });

  it('text that ends exactly at the margin leaves the cursor waiting to wrap', () => {
    const l = layout([...'$ abcdefg'], 0, 9);
    expect(l.pendingWrap).toBe(true);
    expect(l.end).toEqual({ row: 1, col: 0 });
  });
});

/** Draw `text` with the cursor at `cursor`, then check the screen and where the cursor is. */
function draw(cols: number, text: string, cursor: number, startCol = 0) {
  const vt = new Vt(cols);
  if (startCol) vt.write('x'.repeat(startCol));
  const r = new LineRenderer(cols);
  r.begin(startCol);
  vt.write(r.render({ prompt: '$ ', text, cursor: text.length }));
  vt.write(r.render({ prompt: '$ ', text, cursor }));
  return { vt, r };
}

describe('LineRenderer on a screen', () => {
  it.each([
    // [columns, text, cursor index, screen rows, cursor x, cursor y]
    [10, 'echo hi', 7, ['$ echo hi'], 9, 0],
    [10, 'echo hi', 0, ['$ echo hi'], 2, 0],
    [10, 'kubectl get pods', 16, ['$ kubectl', 'get pods'], 8, 1],
    [10, 'kubectl get pods', 3, ['$ kubectl', 'get pods'], 5, 0],
    [10, 'kubectl get pods', 9, ['$ kubectl', 'get pods'], 1, 1],
    [10, 'abcdefgh', 8, ['$ abcdefgh'], 0, 1],
    [10, 'abcdefgh', 7, ['$ abcdefgh'], 9, 0],
    [9, '가나다라', 4, ['$ 가나다', '라'], 2, 1],
    [9, '가나다라', 3, ['$ 가나다', '라'], 0, 1],
    [9, '가나다라', 2, ['$ 가나다', '라'], 6, 0],
    [10, '가나다라마바사아', 8, ['$ 가나다라', '마바사아'], 8, 1],
    [10, '가나다라마바사아', 4, ['$ 가나다라', '마바사아'], 0, 1],
  ])('%i columns, %j, cursor %i', (cols, text, cursor, rows, x, y) => {
    const { vt } = draw(cols, text, cursor);
    expect(vt.text()).toEqual(rows);
    expect([vt.x, vt.y]).toEqual([x, y]);
  });

  it('shrinking the line erases the rows it no longer uses', () => {
    const vt = new Vt(10);
    const r = new LineRenderer(10);
    r.begin(0);
    vt.write(r.render({ prompt: '$ ', text: 'kubectl get pods -o wide', cursor: 24 }));
    expect(vt.text()).toHaveLength(3);
    vt.write(r.render({ prompt: '$ ', text: 'kubectl', cursor: 7 }));
    expect(vt.text()).toEqual(['$ kubectl']);
    expect([vt.x, vt.y]).toEqual([9, 0]);
  });

  it('a prompt that starts mid-row (output without a newline) wraps from there', () => {
    const { vt } = draw(10, 'echo', 0, 5);
    expect(vt.text()).toEqual(['xxxxx$ ech', 'o']);
    expect([vt.x, vt.y]).toEqual([7, 0]);
  });

  it('finish() leaves the cursor at the start of the row below the line', () => {
    const vt = new Vt(10);
    const r = new LineRenderer(10);
    r.begin(0);
    vt.write(r.render({ prompt: '$ ', text: 'kubectl get pods', cursor: 0 }));
    vt.write(r.finish());
    vt.write('out');
    expect(vt.text()).toEqual(['$ kubectl', 'get pods', 'out']);
  });

  it('Left and Right across a wrapped Korean line keep the cursor on the character', () => {
    const vt = new Vt(9);
    const r = new LineRenderer(9);
    r.begin(0);
    const text = '가나다라마';
    const seen: string[] = [];
    for (let i = text.length; i >= 0; i--) {
      vt.write(r.render({ prompt: '$ ', text, cursor: i }));
      seen.push(vt.rows[vt.y][vt.x] || '·');
    }
    expect(seen).toEqual([' ', '마', '라', '다', '나', '가']);
  });
});
