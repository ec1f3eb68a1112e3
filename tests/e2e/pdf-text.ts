import { inflateSync } from 'node:zlib';

// Just enough of PDF to check what Chromium printed, without a PDF library: Chromium (Skia)
// writes plain objects, Flate-compressed streams, and text as codes in hex strings, with a
// ToUnicode CMap per font that maps them back to characters (one byte a code for the Type 3
// fonts it makes of a CJK collection, two for a CID font: the CMap's code space says which).

interface PdfObject {
  dict: string;
  stream: Buffer | undefined;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const match of raw.matchAll(/(\d+) 0 obj\b([\s\S]*?)endobj/g)) {
    const body = match[2] ?? '';
    const at = body.search(/stream\r?\n/);
    if (at < 0) {
      objects.set(Number(match[1]), { dict: body, stream: undefined });
      continue;
    }
    const dict = body.slice(0, at);
    const start = (match.index ?? 0) + match[0].indexOf(body) + at + (body.slice(at).startsWith('stream\r\n') ? 8 : 7);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? NaN);
    const end = Number.isFinite(length) ? start + length : raw.indexOf('endstream', start);
    const bytes = pdf.subarray(start, end);
    objects.set(Number(match[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(bytes) : bytes });
  }
  return objects;
}

/** Pages in the PDF: objects of `/Type /Page`, not the `/Pages` tree above them. */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

interface CMap {
  /** Hex digits per code. */
  digits: number;
  /** Code (lowercase hex) → text. */
  map: Map<string, string>;
}

/** Code → text, from a ToUnicode CMap. */
function readCMap(cmap: string): CMap {
  const map = new Map<string, string>();
  const digits = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(cmap)?.[1]?.length ?? 4;
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, from, to] of (block ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      map.set((from ?? '').toLowerCase(), utf16(to ?? ''));
    }
  }
  for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, to] of (block ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const first = parseInt(lo ?? '', 16);
      const width = (lo ?? '').length;
      const start = parseInt(to ?? '', 16);
      for (let code = first; code <= parseInt(hi ?? '', 16); code++) {
        map.set(code.toString(16).padStart(width, '0'), String.fromCodePoint(start + code - first));
      }
    }
  }
  return { digits, map };
}

const NO_CMAP: CMap = { digits: 4, map: new Map() };

const refs = (text: string) => [...text.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));

/** The text Chromium printed, page by page in paint order, with no separators between runs. */
export function pdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const deref = (dict: string, key: string): string => {
    const value = new RegExp(`/${key}\\s*(\\d+ 0 R|<<)`).exec(dict);
    if (!value) return '';
    if (value[1] !== '<<') return objects.get(refs(value[1] ?? '')[0] ?? -1)?.dict ?? '';
    // An inline dictionary: up to its matching >>.
    let depth = 0;
    const from = (value.index ?? 0) + value[0].length - 2;
    for (let i = from; i < dict.length - 1; i++) {
      if (dict.startsWith('<<', i)) {
        depth++;
        i++;
      } else if (dict.startsWith('>>', i)) {
        depth--;
        if (depth === 0) return dict.slice(from, i + 2);
        i++;
      }
    }
    return '';
  };
  let text = '';
  for (const page of objects.values()) {
    if (!/\/Type\s*\/Page(?![a-zA-Z])/.test(page.dict)) continue;
    const fonts = new Map<string, CMap>();
    for (const [, name, ref] of deref(deref(page.dict, 'Resources'), 'Font').matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) {
      const font = objects.get(Number(ref))?.dict ?? '';
      const toUnicode = objects.get(refs(/\/ToUnicode\s+\d+ 0 R/.exec(font)?.[0] ?? '')[0] ?? -1)?.stream;
      fonts.set(name ?? '', toUnicode ? readCMap(toUnicode.toString('latin1')) : NO_CMAP);
    }
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page.dict)?.[1] ?? '';
    const ops = refs(contents)
      .map((id) => objects.get(id)?.stream?.toString('latin1') ?? '')
      .join('\n');
    let cmap = NO_CMAP;
    for (const [, font, strings] of ops.matchAll(/\/([\w.+-]+)\s+[\d.]+\s+Tf|((?:<[0-9a-fA-F]*>|\[[^\]]*\])\s*T[Jj])/g)) {
      if (font) {
        cmap = fonts.get(font) ?? NO_CMAP;
        continue;
      }
      for (const [, hex] of (strings ?? '').matchAll(/<([0-9a-fA-F]*)>/g)) {
        const codes = hex?.toLowerCase().match(new RegExp(`.{${cmap.digits}}`, 'g')) ?? [];
        text += codes.map((code) => cmap.map.get(code) ?? '').join('');
      }
    }
  }
  return text;
}

/**
 * Whether `printed` (from `pdfText`) contains `expected`. A CJK font maps some of its glyphs back
 * to a radical's code point rather than to the ideograph (⼯ for 工, ⼾ for 户, ⻔ for 门), and
 * NFKC would turn some of those into another character (⼾ into 戶), so a character from the two
 * radical blocks in the printed text stands for any one character.
 */
export function printedContains(printed: string, expected: string): boolean {
  const radical = '[\\u2E80-\\u2EFF\\u2F00-\\u2FDF]';
  const pattern = [...expected].map((c) => `(?:${c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|${radical})`).join('');
  return new RegExp(pattern, 'u').test(printed);
}
