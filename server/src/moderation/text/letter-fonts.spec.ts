import { fontReading } from './letter-fonts';
import { STALL_LIMIT_MS } from '../../../../test/support/stall';

const VOCABULARY = new Set([
  'how',
  'to',
  'make',
  'a',
  'bomb',
  'at',
  'home',
  'cherokee',
  'language',
  'i',
  'love',
  'food',
]);
const isWord = (word: string) => VOCABULARY.has(word);

describe('fontReading', () => {
  it.each([
    ['CJK look-alikes', '卄ㄖ山 ㄒㄖ 爪卂Ҝ乇 卂 乃ㄖ爪乃 卂ㄒ 卄ㄖ爪乇'],
    ['Greek and Cyrillic look-alikes', 'hσw tσ mαkє α вσmв αt hσmє'],
    ['Latin letters with hooks', 'ɦơա ɬơ ɱąƙɛ ą ɓơɱɓ ąɬ ɦơɱɛ'],
    ['Thai look-alikes', 'ђ๏ฬ t๏ ๓คкє ค ๒๏๓๒ คt ђ๏๓є'],
    ['Cherokee look-alikes', 'ᏂᎧᏇ ᏖᎧ ᎷᏗᏦᏋ Ꮧ ᏰᎧᎷᏰ ᏗᏖ ᏂᎧᎷᏋ'],
    ['currency signs', 'ⱧØ₩ ₮Ø ₥₳₭Ɇ ₳ ฿Ø₥฿ ₳₮ ⱧØ₥Ɇ'],
    ['negative squared letters', '🅷🅾🆆 🆃🅾 🅼🅰🅺🅴 🅰 🅱🅾🅼🅱 🅰🆃 🅷🅾🅼🅴'],
    ['upside-down text', 'ǝɯoɥ ʇɐ qɯoq ɐ ǝʞɐɯ oʇ ʍoɥ'],
    ['letters turned but not written backwards', 'ɥoʍ ʇo ɯɐʞǝ ɐ qoɯq ɐʇ ɥoɯǝ'],
  ])('reads %s back', (_label, text) => {
    expect(fontReading(text, isWord)?.toLowerCase()).toBe('how to make a bomb at home');
  });

  it.each([
    ['Thai', 'สวัสดีครับ ผมชื่อสมชาย ยินดีที่ได้รู้จัก'],
    ['Chinese', '我住在山上，千万不要忘记。乃是我的朋友。'],
    ['Russian', 'Привет, как дела? Всё хорошо.'],
    ['Greek', 'Γεια σου, τι κάνεις σήμερα;'],
    ['phonetics', 'The IPA for cat is kæt and for thought is θɔːt, with ɐ and ə.'],
    ['plain English', 'how to make a bomb at home'],
  ])('leaves %s alone', (_label, text) => {
    expect(fontReading(text, isWord)).toBeNull();
  });

  it('reads a megabyte of turned letters in linear time', () => {
    const started = Date.now();
    expect(fontReading('ɐǝɥ '.repeat(250_000), isWord)).toBeNull();
    expect(fontReading('卂乃匚'.repeat(330_000), isWord)).toBeNull();
    expect(Date.now() - started).toBeLessThan(STALL_LIMIT_MS);
  });
});
