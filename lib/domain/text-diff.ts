// A readable diff of two versions of a long text, word by word (each word keeps the whitespace after it), for the
// history of fields such as the summary or lessons. Longest common subsequence over words: quadratic,
// so very long texts fall back to one removed and one added part.

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

const MAX_CELLS = 250_000;

function tokens(text: string): string[] {
  return text.match(/^\s+|[^\s]+\s*/g) ?? [];
}

function push(parts: DiffPart[], kind: DiffPart["kind"], text: string) {
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  const parts: DiffPart[] = [];
  if (a.length * b.length > MAX_CELLS) {
    if (before) push(parts, "removed", before);
    if (after) push(parts, "added", after);
    return parts;
  }
  // lcs[i][j] = length of the common subsequence of a[i..] and b[j..]
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(parts, "same", a[i]);
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) push(parts, "removed", a[i++]);
    else push(parts, "added", b[j++]);
  }
  while (i < a.length) push(parts, "removed", a[i++]);
  while (j < b.length) push(parts, "added", b[j++]);
  return parts;
}

/** Long or multi-line texts read better as a diff than as "old → new". */
export function wantsDiff(before: unknown, after: unknown): boolean {
  return typeof before === "string" && typeof after === "string" && (before.length > 60 || after.length > 60 || /\n/.test(before + after));
}
