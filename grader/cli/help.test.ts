import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { messages } from '../i18n/index.js';
import { LANGS } from '../model/localized.js';
import { SYNOPSIS } from './args.js';
import { describedOptions, helpLang } from './help.js';
import { COMMANDS, main } from './main.js';
import { packLang } from './pack-lang.js';

const root = mkdtempSync(join(tmpdir(), 'neurograde-help-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(argv, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

describe('--help', () => {
  it('has a synopsis for every command, and a description of each of its options in both languages', () => {
    expect(Object.keys(SYNOPSIS).sort()).toEqual(Object.keys(COMMANDS).sort());
    for (const lang of LANGS) {
      const missing = Object.keys(SYNOPSIS).flatMap((c) => describedOptions(messages(lang), c).filter((o) => !o.text).map((o) => `${lang} ${c} --${o.name}`));
      expect(missing).toEqual([]);
    }
  });

  it.each(Object.keys(SYNOPSIS))('neurograde %s --help answers with the command, its options and exit 0, in the language asked', async (command) => {
    const en = await run([command, '--help']);
    expect(en.code).toBe(0);
    expect(en.out).toContain(`neurograde ${command}`);
    expect(en.out).toContain('--help  ');
    expect(en.out).toContain((messages('en').help.summary as Readonly<Record<string, string>>)[command]);
    const fr = await run([command, '-h', '--lang', 'fr']);
    expect(fr.code).toBe(0);
    expect(fr.out).toContain(messages('fr').help.options);
    expect(fr.out).not.toContain(messages('en').help.options);
  });

  it('neurograde --help lists every command with what it does; with no argument the same on exit 2', async () => {
    const help = await run(['--help', '--lang=fr']);
    expect(help.code).toBe(0);
    for (const c of Object.keys(SYNOPSIS)) expect(help.out).toMatch(new RegExp(`^  ${c} +\\S`, 'm'));
    expect(help.out).toContain('Commandes :');
    expect((await run([])).code).toBe(2);
  });
});

describe("a pack's language", () => {
  const pack = join(root, 'pack');
  mkdirSync(join(pack, 'src', 'deep'), { recursive: true });
  writeFileSync(join(pack, 'package.json'), JSON.stringify({ name: 'x', neurograde: { lang: 'fr' } }));
  const other = join(root, 'other');
  mkdirSync(other);
  writeFileSync(join(other, 'package.json'), '{ not json');

  it('is read from the nearest package.json at or above the folder', () => {
    expect(packLang(pack)).toBe('fr');
    expect(packLang(join(pack, 'src', 'deep'))).toBe('fr');
  });

  it('is nothing for a package.json without it or not JSON, and --lang wins over it', () => {
    expect(packLang(other)).toBeUndefined();
    expect(helpLang([], other)).toBe('en');
    expect(helpLang([], pack)).toBe('fr');
    expect(helpLang(['--lang', 'en'], pack)).toBe('en');
    expect(helpLang(['--lang', 'xx'], pack)).toBe('fr');
  });
});
