import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A fenced ```ts block in a Markdown file: where it starts (1-based line) and its text, fence indent removed. */
export interface DocBlock {
  file: string;
  line: number;
  lang: string;
  text: string;
}

/** What a ```ts block may show: a whole example file, or one named region of it. */
export interface ExampleView {
  label: string;
  text: string;
}

export function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path, ext) : path.endsWith(ext) ? [path] : [];
    });
}

/** Fenced code blocks, also those indented inside list items. */
export function blocksOf(file: string): DocBlock[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, lang] = open;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j].trim().startsWith(fence) && lines[j].trim() === fence)) {
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j].trimStart());
      j++;
    }
    blocks.push({ file: relative(process.cwd(), file), line: i + 1, lang, text: body.join('\n').trim() });
    i = j;
  }
  return blocks;
}

const dedent = (lines: string[]): string[] => {
  const widths = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const cut = widths.length ? Math.min(...widths) : 0;
  return lines.map((l) => l.slice(cut));
};

const REGION = /^\s*\/\/ #region (\S+)\s*$/;
const END_REGION = /^\s*\/\/ #endregion\b/;

/**
 * The views of one example file: the whole file without its region markers, and each region by name. A region may
 * come in several pieces (e.g. the imports, then a function body further down); its view is the pieces, each
 * dedented, joined by a blank line.
 */
export function viewsOf(file: string): ExampleView[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const name = relative(process.cwd(), file);
  const pieces = new Map<string, string[]>();
  let open: { region: string; lines: string[] } | undefined;
  for (const line of lines) {
    const start = REGION.exec(line);
    if (start) {
      if (open) throw new Error(`${name}: region ${start[1]} starts inside region ${open.region}`);
      open = { region: start[1], lines: [] };
    } else if (END_REGION.test(line)) {
      if (!open) throw new Error(`${name}: #endregion without #region`);
      const text = dedent(open.lines).join('\n').trim();
      pieces.set(open.region, [...(pieces.get(open.region) ?? []), text]);
      open = undefined;
    } else if (open) {
      open.lines.push(line);
    }
  }
  if (open) throw new Error(`${name}: region ${open.region} is never closed`);
  const whole = lines.filter((l) => !REGION.test(l) && !END_REGION.test(l)).join('\n');
  return [
    { label: name, text: whole.replace(/\n{3,}/g, '\n\n').trim() },
    ...[...pieces].map(([region, texts]) => ({ label: `${name}#${region}`, text: texts.join('\n\n') })),
  ];
}

/** The first line where a block and the nearest view part: the hint a failing check prints. */
export function firstDifference(block: string, views: ExampleView[]): string {
  const a = block.split('\n');
  let best = { label: '(none)', same: -1, theirs: '' };
  for (const view of views) {
    const b = view.text.split('\n');
    let same = 0;
    while (same < a.length && same < b.length && a[same] === b[same]) same++;
    if (same > best.same) best = { label: view.label, same, theirs: b[same] ?? '(end)' };
  }
  return `nearest is ${best.label}; line ${best.same + 1} of the block is\n  ${a[best.same] ?? '(end)'}\nthere\n  ${best.theirs}`;
}
