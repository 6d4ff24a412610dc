/**
 * The Indonesian texts use the regulation's words (table T1–T24, test/unit/i18n/official-terms.ts).
 * Texts are read from the source, not by calling the messages, so every branch of a message counts:
 * each catalogue's Indonesian half (the first argument of catalogue()) and the module's `…_ID`
 * constants, minus command names written with cmd().
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { appraisalText } from '../../../src/i18n/appraisal.js';
import { botText } from '../../../src/i18n/bot.js';
import { domainMessages } from '../../../src/i18n/domain.js';
import { findCommand } from '../../../src/bot/commands.js';
import { TERM_ROWS } from './official-terms.js';

const I18N = join(import.meta.dirname, '../../../src/i18n');
const ROOT = join(import.meta.dirname, '../../..');

/** One Indonesian text: where it is ("bot.ts:cmdCheckin") and what it says. */
interface Text {
  at: string;
  text: string;
}

/** The literal text inside `node`, interpolations read as "…", command names left out. */
function literals(node: ts.Node): string[] {
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'cmd') return;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) {
      found.push(n.text);
      return;
    }
    if (ts.isTemplateExpression(n)) {
      found.push([n.head.text, ...n.templateSpans.map((span) => span.literal.text)].join('…'));
      n.templateSpans.forEach((span) => visit(span.expression));
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** The Indonesian texts of one catalogue file. */
function indonesianTexts(file: string): Text[] {
  const source = ts.createSourceFile(file, readFileSync(join(I18N, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const consts = new Map<string, ts.Expression>();
  const texts: Text[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) consts.set(n.name.text, n.initializer);
    ts.forEachChild(n, visit);
  };
  visit(source);
  for (const [name, value] of consts) {
    if (name.endsWith('_ID')) texts.push(...literals(value).map((text) => ({ at: `${file}:${name}`, text })));
  }
  const halves: ts.Node[] = [];
  const findCalls = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'catalogue' && n.arguments[0]) {
      const first = n.arguments[0];
      halves.push(ts.isIdentifier(first) ? (consts.get(first.text) ?? first) : first);
    }
    ts.forEachChild(n, findCalls);
  };
  findCalls(source);
  for (const half of halves) {
    if (!ts.isObjectLiteralExpression(half)) throw new Error(`${file}: cannot read the Indonesian half`);
    for (const property of half.properties) {
      const key = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : '?';
      texts.push(...literals(property).filter((text, i) => i > 0 || text !== key).map((text) => ({ at: `${file}:${key}`, text })));
    }
  }
  return texts;
}

const FILES = readdirSync(I18N).filter((file) => file.endsWith('.ts') && file !== 'catalogue.ts' && file !== 'command-names.ts');
const TEXTS = FILES.flatMap(indonesianTexts);

/** The Indonesian texts of the Slack app's manifests (what a workspace shows before anyone talks to the bot). */
const MANIFEST_TEXTS: Text[] = readdirSync(join(ROOT, 'slack'))
  .filter((file) => file.endsWith('.json'))
  .flatMap((file) => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'slack', file), 'utf8')) as {
      display_information: { description: string };
      features: { slash_commands: { description: string }[] };
    };
    return [manifest.display_information.description, ...manifest.features.slash_commands.map((c) => c.description)].map((text) => ({ at: `slack/${file}`, text }));
  });

describe('the Indonesian texts use the official wording', () => {
  it('are read from every catalogue', () => {
    // A reader that silently found nothing would let every banned term through.
    expect(FILES.length).toBeGreaterThan(20);
    expect(TEXTS.length).toBeGreaterThan(1000);
    expect(TEXTS).toContainEqual({ at: 'checkins.ts:flowTitle', text: 'Laporan progres mingguan' });
    expect(TEXTS).toContainEqual({ at: 'domain.ts:predikat.KURANG', text: 'Kurang/Misconduct' });
    expect(TEXTS.some((t) => t.at.startsWith('acting.ts:KIND_LONG_ID'))).toBe(true);
    // Command names are names, not wording.
    expect(TEXTS.some((t) => t.text === 'laporanprogres')).toBe(false);
  });

  for (const row of TERM_ROWS) {
    for (const { pattern, allow = [] } of row.banned ?? []) {
      it(`${row.row}: no "${pattern.source}" (${row.official})`, () => {
        const hits = [...TEXTS, ...MANIFEST_TEXTS].filter((t) => pattern.test(t.text) && !allow.includes(t.at));
        expect(hits.map((t) => `${t.at}: ${t.text}`)).toEqual([]);
      });
    }
    for (const term of row.spelled ?? []) {
      it(`${row.row}: "${term}" is written so (or in capitals) wherever it appears`, () => {
        const any = new RegExp(term.replace(/ /g, '\\s+'), 'gi');
        const written = (m: RegExpMatchArray) => m[0] === term || m[0] === term.toUpperCase();
        const misspelt = TEXTS.flatMap((t) => [...t.text.matchAll(any)].filter((m) => !written(m)).map((m) => `${t.at}: ${m[0]}`));
        expect(misspelt).toEqual([]);
      });
    }
  }

  it('T10: the employee predikat is Kurang/Misconduct, the organisation’s stays Kurang', () => {
    expect(domainMessages.id['predikat.KURANG']).toBe('Kurang/Misconduct');
    expect(domainMessages.id['unitPredikat.KURANG']).toBe('Kurang');
  });

  it('T22: /saya and the NIP checks name the NI PPPK too', () => {
    expect(botText.id.meNip).toBe('NIP/NI PPPK');
    expect(domainMessages.id['nip.NOT_18_DIGITS']).toMatch(/^NIP\/NI PPPK /);
  });

  it('T24: the Di Atas Ekspektasi guide names the hasil kerja utama rule (verify)', () => {
    expect(appraisalText.id.resultsGuideDI_ATAS).toMatch(/seluruh atau sebagian besar hasil kerja .* tidak ada hasil kerja utama yang di bawah ekspektasi/);
  });

  it('renamed commands keep their old names as aliases', () => {
    expect(findCommand('laporanprogres')?.target).toEqual({ run: 'checkin' });
    expect(findCommand('checkin')?.name).toBe('laporanprogres');
    expect(findCommand('capaianorganisasi')?.target).toEqual({ flow: 'unit-predikat' });
    expect(findCommand('predikatunit')?.name).toBe('capaianorganisasi');
    expect(findCommand('unitrating')?.name).toBe('capaianorganisasi');
  });
});
