import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { redact, validIdNumber } from '../../../domain/feedback/redact.ts';
import { redaction } from '../../../domain/labels/zh-CN.ts';
import { loadSample } from '../../helpers/sample.ts';

/** Every sentence of the sample content: ordinary official text, full of numbers, dates and places. */
const sample = loadSample();
const ordinary = [
  ...sample.items.flatMap((i) => [i.title, i.summary, i.body, i.outcome ?? '', ...i.updates.map((u) => u.text), ...i.extensions.map((e) => e.reason)]),
  ...sample.notices.map((n) => n.body),
].filter(Boolean);

function withCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const mobile = fc.tuple(fc.constantFrom('13', '15', '17', '18', '19'), digits(9), fc.constantFrom('plain', 'spaced', 'dashed', '+86')).map(([p, d, style]) => {
  const n = p + d;
  if (style === 'spaced') return `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
  if (style === 'dashed') return `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`;
  if (style === '+86') return `+86 ${n}`;
  return n;
});
const landline = fc.tuple(fc.constantFrom('010', '021', '0871', '0000'), digits(8), fc.constantFrom('-', '', ' ')).map(([a, n, sep]) => `${a}${sep}${n}`);
const idNumber = fc.tuple(fc.integer({ min: 110000, max: 659999 }), fc.integer({ min: 1950, max: 2010 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), digits(3)).map(([area, y, m, d, seq]) => withCheckDigit(`${area}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`));
const email = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9._]{1,10}$/), fc.constantFrom('qq.com', '163.com', 'example.cn', 'gov.cn')).map(([u, d]) => `${u.replace(/\.+$/, '')}@${d}`);
const house = fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 101, max: 2804 }), fc.constantFrom('号楼', '栋', '幢')).map(([b, u, r, kind]) => `${b}${kind}${u}单元${r}室`);
const street = fc.tuple(fc.constantFrom('人民路', '解放街', '槐荫巷', '东风路'), fc.integer({ min: 1, max: 300 })).map(([road, n]) => `${road}${n}号`);
const cjkName = fc.array(fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)), { minLength: 2, maxLength: 3 }).map((a) => a.join(''));

describe('redaction', () => {
  it('recognises a resident ID number only with a valid check digit', () => {
    expect(validIdNumber('11010519491231002X')).toBe(true);
    expect(validIdNumber('110105194912310021')).toBe(false);
    expect(redact('身份证 110105194912310021 号')).toBe('身份证 110105194912310021 号');
    expect(redact('身份证11010519491231002X。')).toBe(`身份证${redaction.idNumber}。`);
  });

  it('removes every kind of personal data wherever it stands, leaving the rest', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ordinary),
        fc.array(fc.oneof(mobile, landline, idNumber, email, house, street), { minLength: 1, maxLength: 5 }),
        cjkName,
        fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
        // Personal data is set off from what surrounds it somehow (a space, punctuation or a word), as in real text.
        fc.constantFrom('，', '：', ' ', '（', '电话', '住在', '。'),
        (base, secrets, name, positions, glue) => {
          // Splice the personal data (and the submitter's name) into ordinary text at generated positions.
          // Positions are taken in the original text and filled right to left, so no item lands inside another.
          const placed = [...secrets, name].map((secret, i) => ({ secret, at: positions[i % positions.length]! % (base.length + 1) })).sort((a, b) => b.at - a.at);
          let text = base;
          for (const { secret, at } of placed) text = text.slice(0, at) + glue + secret + glue + text.slice(at);
          const out = redact(text, [name]);
          for (const secret of [...secrets, name]) expect(out, `${secret} in ${out}`).not.toContain(secret);
          // Digits of a phone or ID number never survive in a recognisable run either.
          for (const secret of secrets) if (/^\+?[\d\s-]+$/.test(secret)) expect(out).not.toContain(secret.replace(/\D/g, '').slice(-8));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('leaves ordinary text exactly as it was: every sentence of the sample content', () => {
    for (const text of ordinary) expect(redact(text)).toBe(text);
  });

  it('leaves generated ordinary text with numbers alone', () => {
    const part = fc.oneof(
      fc.array(fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)), { minLength: 1, maxLength: 8 }).map((a) => a.join('')),
      fc.integer({ min: 1990, max: 2035 }).map((y) => `${y} 年`),
      fc.integer({ min: 1, max: 9999 }).map((n) => `${n} 户`),
      fc.integer({ min: 1, max: 99 }).map((n) => `第 ${n} 号建议`),
      fc.integer({ min: 1, max: 999 }).map((n) => `DC-2026-${String(n).padStart(3, '0')}`),
      fc.constantFrom('12345 热线', '3 号楼', '新建三栋楼', '12 个小区', '1.2 万亩', '100%', '2026-11-26'),
    );
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 8 }), (parts) => {
        const text = parts.join('，');
        expect(redact(text)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});
