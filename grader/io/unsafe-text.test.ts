import { describe, expect, it } from 'vitest';
import { terminalLine, visibleStrings, visibleText } from './unsafe-text.js';

describe('visibleText', () => {
  it.each([
    ['a screen clear and a window title', 'alice\u001b[2J\u001b]0;pwned\u0007', 'alice\\x1B[2J\\x1B]0;pwned\\x07'],
    ['a right-to-left override', 'u\u202Egnp.exe', 'u\\u202Egnp.exe'],
    ['an isolate and a mark', 'a\u2066b\u2069c\u200F', 'a\\u2066b\\u2069c\\u200F'],
    ['a NUL and a C1 control', 'x\u0000y\u009Bz', 'x\\x00y\\x9Bz'],
    ['a line break in a name', 'bob\nalice: 20/20', 'bob\\x0Aalice: 20/20'],
    ['accents and emoji, untouched', 'Élodie 🙂 Ünal', 'Élodie 🙂 Ünal'],
  ])('shows %s escaped', (_name, raw, shown) => {
    expect(visibleText(raw)).toBe(shown);
  });

  it('keeps line breaks and tabs in a multi-line message', () => {
    expect(visibleText('a\n\tb\u001b[0m', { multiline: true })).toBe('a\n\tb\\x1B[0m');
  });
});

describe('terminalLine', () => {
  it("keeps the grader's own colour codes and escapes every other control", () => {
    expect(terminalLine('\u001b[1;33mtitle\u001b[0m bob\u001b[2J\u202E')).toBe('\u001b[1;33mtitle\u001b[0m bob\\x1B[2J\\u202E');
  });
});

describe('visibleStrings', () => {
  it('escapes every string of a view model, in arrays and prototype-less objects too', () => {
    const odd = Object.assign(Object.create(null) as Record<string, unknown>, { k: 'x\u0000' });
    expect(visibleStrings({ name: 'u\u202Egnp.exe', rows: [['\u001b[31m']], odd, n: 3 })).toEqual({ name: 'u\\u202Egnp.exe', rows: [['\\x1B[31m']], odd: { k: 'x\\x00' }, n: 3 });
  });
});
